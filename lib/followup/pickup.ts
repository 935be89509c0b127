import type { Conversation, Platform } from '../schema/conversation';
import type { Journal } from '../schema/plan';
import type { Policy } from '../schema/policy';
import { humanAssignee, isHumanReply } from './owner';

/** When a person took over a handoff: what Insights logs as "promise → pickup". */
export interface Pickup {
  /** When the handoff started: the bot's promise, or Baton's escalation when the bot promised nothing. */
  from: string;
  fromKind: 'promise' | 'escalation';
  /** When it was picked up. For an assignee the helpdesk gives no time: then `now`, and `exact` is false. */
  at: string;
  by: 'reply' | 'assignee';
  exact: boolean;
  /** Whole minutes from `from` to `at` (never below 0). */
  minutes: number;
}

export interface PickupInput {
  conversation: Conversation;
  journal: Journal | null;
  policy: Policy;
  /** Defaults to the conversation's ref. */
  platform?: Platform;
  now: Date;
  /** Indexes of the bot messages that promised a handoff (`promiseIndexes`, read in the background). */
  promised: readonly number[];
}

/**
 * Where the current handoff started, as an index and a time: the first bot promise after the human reply
 * that preceded the latest promise (the bot often repeats itself while it waits), or else Baton's finished
 * escalation. The verdict's acts only cover the turns after the last human reply, so the whole thread is read
 * here: a promise a human has since answered is exactly what a pickup time needs.
 */
function handoffStart(
  conversation: Conversation,
  journal: Journal | null,
  promised: readonly number[],
): { index: number; at?: string; kind: 'promise' | 'escalation' } | null {
  const msgs = conversation.messages;
  const isPromise = new Set(promised);
  let latest = -1;
  msgs.forEach((m, i) => {
    if (m.role === 'bot' && !m.internal && isPromise.has(i)) latest = i;
  });
  if (latest >= 0) {
    let start = latest;
    for (let i = latest - 1; i >= 0 && !isHumanReply(msgs[i]!); i--) {
      const m = msgs[i]!;
      if (m.role === 'bot' && !m.internal && isPromise.has(i)) start = i;
    }
    const at = msgs[start]!.createdAt;
    return { index: start, kind: 'promise', ...(at ? { at } : {}) };
  }
  if (journal?.finishedAt && !journal.resumedAt) {
    // Messages Baton's escalation did not see came after it: those dated after the click, or after its note.
    const startedAt = Date.parse(journal.startedAt);
    const dated = msgs.findIndex((m) => m.createdAt !== undefined && Date.parse(m.createdAt) >= startedAt);
    return { index: (dated < 0 ? msgs.length : dated) - 1, at: journal.startedAt, kind: 'escalation' };
  }
  return null;
}

/**
 * The first human pickup of the current handoff: a human agent's reply after it started, or else a human
 * assignee seen now. Null while nobody has picked it up, when no handoff started, or when the start has no time.
 */
export function pickupTime({ conversation, journal, policy, platform, now, promised }: PickupInput): Pickup | null {
  const start = handoffStart(conversation, journal, promised);
  if (!start?.at) return null;
  const from = start.at;
  const reply = conversation.messages.findIndex((m, i) => i > start.index && isHumanReply(m));
  const replyAt = reply >= 0 ? conversation.messages[reply]!.createdAt : undefined;
  const p = platform ?? conversation.ref?.platform ?? journal?.plan.platform;
  const at = replyAt ?? (reply < 0 && p && humanAssignee(conversation, policy, p) ? now.toISOString() : undefined);
  if (!at) return null;
  const minutes = Math.max(0, Math.floor((Date.parse(at) - Date.parse(from)) / 60_000));
  return { from, fromKind: start.kind, at, by: replyAt ? 'reply' : 'assignee', exact: !!replyAt, minutes };
}
