import { checkOffline } from '../engine';
import { followThrough } from '../followup/check';
import { promiseIndexes } from '../followup/promises';
import type { Conversation } from '../schema/conversation';
import type { Journal } from '../schema/plan';
import type { Policy } from '../schema/policy';
import { ESCALATING_SIGNALS, type Verdict } from '../schema/verdict';
import type { WatchEntry } from '../schema/watch';
import { SIGNALS, signalLabel } from '../signals/registry';
import { colleagueEscalation } from './colleague';
import { takenBy } from './taken';

/** What a read of one watched conversation tells the list (the rest of its entry is bookkeeping). */
export type Judgement = Pick<WatchEntry, 'needs' | 'evidence' | 'subAgent' | 'waitingSince' | 'subject'> & {
  /** An escalation nobody picked up yet started then: unclaimed once the pick-up target has passed. */
  pendingPickupSince?: string;
  verdict: Verdict;
};

const MAX_QUOTE = 300;

/** The escalating signal the registry ranks first (the one Insights counts the escalation under). */
function strongest(verdict: Verdict) {
  return verdict.signals
    .filter((s) => ESCALATING_SIGNALS.includes(s.kind))
    .sort((a, b) => SIGNALS[a.kind].order - SIGNALS[b.kind].order || b.confidence - a.confidence)[0];
}

/** The customer's oldest message that no human has answered yet: how long they have waited. */
function waitingSince(conversation: Conversation): string | undefined {
  let since: string | undefined;
  for (const m of conversation.messages) {
    if (m.internal) continue;
    if (m.role === 'agent') since = undefined;
    else if (m.role === 'customer' && since === undefined) since = m.createdAt;
  }
  return since;
}

/**
 * The offline engine's verdict and the follow-through checks on one conversation, as the list needs them:
 * Escalate while nothing on the helpdesk shows the handoff done, a bot promise nobody kept, and when an
 * escalation started without anyone picking it up (the list counts the minutes). A handoff a colleague recorded
 * in the helpdesk counts as done.
 */
export function judge(conversation: Conversation, policy: Policy, journal: Journal | null, now: Date): Judgement {
  const verdict = checkOffline(conversation, policy);
  const follow = followThrough({ conversation, verdict, journal, policy, now, promised: promiseIndexes(conversation) });
  const colleague = colleagueEscalation(conversation);
  const done = !!follow.handled || !!colleague || (!!journal && !journal.resumedAt) || !!takenBy(conversation, policy);
  const needs: WatchEntry['needs'] = [];
  const top = strongest(verdict);
  if (verdict.status === 'escalate' && !done) {
    needs.push({ kind: 'escalate', ...(top ? { signal: top.kind } : {}), label: top ? signalLabel(top.kind) : 'Escalate' });
  }
  if (follow.brokenPromise && !colleague) needs.push({ kind: 'promise', label: 'Promised handoff not done' });
  const quote = top?.evidence.quote ?? (follow.promise ? conversation.messages[follow.promise.messageIndex]?.text : undefined);
  const pending =
    follow.escalatedAt && !follow.pickup && !takenBy(conversation, policy, { ignoreTags: true }) ? follow.escalatedAt : undefined;
  return {
    verdict,
    needs,
    ...(quote ? { evidence: quote.slice(0, MAX_QUOTE) } : {}),
    ...(verdict.subAgent ? { subAgent: verdict.subAgent } : {}),
    ...(conversation.subject ? { subject: conversation.subject.slice(0, 300) } : {}),
    ...(waitingSince(conversation) ? { waitingSince: waitingSince(conversation) } : {}),
    ...(pending ? { pendingPickupSince: pending } : {}),
  };
}
