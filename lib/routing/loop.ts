import type { Message, Platform } from '../schema/conversation';
import type { HandoffRecord } from '../schema/record';
import type { Target } from '../schema/target';

/** A record as found in the conversation's notes (lib/record/read.ts), with the note that carries it. */
interface RecordInNote {
  record: HandoffRecord;
  messageIndex: number;
  /** The record's line as the note carries it, to find the note on the page. */
  line?: string;
}

/** A conversation back with the humans soon after it went back to the bot. */
export interface Loop {
  /**
   * What ended the earlier handoff: a Return to bot, or a human who answered and left it (closed it) before the
   * customer came back to the bot.
   */
  after: 'return' | 'close';
  /** When it went back to the bot (the returned record's time, this browser's journal, or the human's last reply). */
  since: string;
  windowHours: number;
  /** The human who handled it before: the return's agent, else the earlier escalation's. */
  owner: { id?: string; name?: string } | null;
  /** The earlier handoff's note (the escalation's, else the return's), to scroll to. */
  note?: { messageIndex: number; line?: string };
}

export interface LoopInput {
  records: readonly RecordInNote[];
  /** This browser's journal: when it handed the conversation back, and its escalation's record. */
  journal?: { resumedAt?: string; record?: HandoffRecord } | null;
  windowHours: number;
  now: Date;
  /** The conversation's messages: a human who answered after the earlier escalation, then the bot again, is a close. */
  messages?: readonly Pick<Message, 'role' | 'author' | 'createdAt' | 'internal'>[];
}

const time = (s: string | undefined) => (s ? Date.parse(s) : NaN);

/**
 * Whether escalating now would be a loop: the conversation was returned to the bot less than `windowHours`
 * ago and has not been escalated since. The helpdesk's records come first (any browser's Return to bot); the
 * local journal covers a hand-back whose note this read did not show. Null when it is not a loop.
 */
export function findLoop(input: LoopInput): Loop | null {
  if (input.windowHours <= 0) return null;
  const sorted = [...input.records].sort((a, b) => time(a.record.at) - time(b.record.at));
  const lastReturn = sorted.filter((r) => r.record.kind === 'returned').at(-1);
  const localAt = input.journal?.resumedAt;
  const returnAt = Math.max(...[time(lastReturn?.record.at), time(localAt)].filter((t) => !Number.isNaN(t)));
  if (!Number.isFinite(returnAt)) return closedLoop(input, sorted);
  // Escalated again since the return: that escalation is the current one, nothing to guard.
  if (sorted.some((r) => r.record.kind === 'escalated' && time(r.record.at) > returnAt)) return null;
  const age = input.now.getTime() - returnAt;
  if (age < 0 || age > input.windowHours * 3_600_000) return null;

  const earlier = sorted.filter((r) => r.record.kind === 'escalated' && time(r.record.at) <= returnAt).at(-1);
  const named = (a: HandoffRecord['agent']) => (a && (a.id || a.name) ? a : null);
  const owner = named(lastReturn?.record.agent) ?? named(earlier?.record.agent) ?? named(input.journal?.record?.agent);
  const noteOf = earlier ?? lastReturn;
  return {
    after: 'return',
    since: new Date(returnAt).toISOString(),
    windowHours: input.windowHours,
    owner,
    ...(noteOf ? { note: { messageIndex: noteOf.messageIndex, ...(noteOf.line ? { line: noteOf.line } : {}) } } : {}),
  };
}

/**
 * A loop after a close, read from the conversation itself, since no helpdesk's conversation read says when it was
 * closed: Baton escalated it (a record in the notes), a human answered it, and after that human's last reply the
 * bot is answering again (the customer came back to a closed or finished conversation), all within the window of
 * that reply. The human who answered is the owner.
 */
function closedLoop(input: LoopInput, sorted: readonly RecordInNote[]): Loop | null {
  const escalation = sorted.filter((r) => r.record.kind === 'escalated').at(-1);
  const messages = input.messages ?? [];
  if (!escalation || !messages.length) return null;
  const visible = messages.map((m, i) => ({ m, i })).filter(({ m, i }) => !m.internal && i > escalation.messageIndex);
  const human = visible.filter(({ m }) => m.role === 'agent').at(-1);
  if (!human || !visible.some(({ m, i }) => m.role === 'bot' && i > human.i)) return null;
  const closedAt = time(human.m.createdAt);
  const age = input.now.getTime() - closedAt;
  if (Number.isNaN(closedAt) || age < 0 || age > input.windowHours * 3_600_000) return null;
  const author = human.m.author;
  const owner =
    author?.id || author?.name ? { ...(author.id ? { id: author.id } : {}), ...(author.name ? { name: author.name } : {}) } : null;
  return {
    after: 'close',
    since: new Date(closedAt).toISOString(),
    windowHours: input.windowHours,
    owner:
      owner ?? (escalation.record.agent && (escalation.record.agent.id || escalation.record.agent.name) ? escalation.record.agent : null),
    note: { messageIndex: escalation.messageIndex, ...(escalation.line ? { line: escalation.line } : {}) },
  };
}

/** The previous owner as a target of this helpdesk (one of its users, by id, else by name), or null. */
export function ownerTarget(loop: Loop, targets: readonly Target[], platform: Platform): Target | null {
  const users = targets.filter((t) => t.kind === 'user' && t.platform === platform);
  const o = loop.owner;
  if (!o) return null;
  return (
    (o.id ? users.find((u) => u.id === o.id) : undefined) ??
    (o.name ? users.find((u) => u.name.toLowerCase() === o.name!.toLowerCase()) : undefined) ??
    null
  );
}

/** The route card's sentence for a loop. */
export function loopReason(loop: Loop, owner: Target | null): string {
  const window =
    loop.after === 'return'
      ? `Came back within ${loop.windowHours} h of a Return to bot`
      : `Came back to the bot within ${loop.windowHours} h of a human's last reply after an escalation`;
  if (owner) return `${window}: routed to ${owner.name}, who handled it`;
  const who = loop.owner?.name ?? loop.owner?.id;
  return who
    ? `${window}, but ${who}, who handled it, is not among the agents Baton can assign: routed by the handover rules`
    : `${window}, but the earlier handoff does not say who handled it: routed by the handover rules`;
}
