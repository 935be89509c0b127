import { useEffect, useRef } from 'react';
import { dedupeKey } from '@/lib/insights/events';
import type { SidebarEvent } from '@/lib/schema/log-event';
import { pickupTime, promiseOf } from '@/lib/followup';
import { timelineFields, timelineOf } from '@/lib/followup/timeline';
import type { CheckResult } from '@/lib/schema/messages';
import type { ConversationRef } from '@/lib/schema/conversation';
import type { Journal } from '@/lib/schema/plan';
import type { Policy } from '@/lib/schema/policy';
import type { Verdict } from '@/lib/schema/verdict';
import { now } from '@/utils/clock';
import { send } from '@/utils/messaging';
import { useSidebar } from './store';

const evidence = (v: Verdict) => v.signals.map((s) => ({ kind: s.kind, quote: s.evidence.quote }));
const where = (ref: ConversationRef, v: Verdict) => ({
  at: now().toISOString(),
  platform: ref.platform,
  account: ref.account,
  conversationId: ref.conversationId,
  subAgent: v.subAgent ?? null,
});

/** The verdict_shown entry for a check result: promise and pickup times from the follow-through reading. */
function verdictShownEvent(ref: ConversationRef, result: CheckResult, journal: Journal | null, policy: Policy): SidebarEvent {
  const v = result.verdict;
  const pickup = pickupTime({
    conversation: result.conversation,
    journal,
    policy,
    platform: ref.platform,
    now: now(),
    promised: result.promised,
  });
  const promisedAt = pickup?.fromKind === 'promise' ? pickup.from : promiseOf(result.conversation, v, result.promised)?.at;
  const timeline = timelineOf({
    conversation: result.conversation,
    turns: result.turns ?? { asks: [], retracts: [] },
    promised: result.promised,
    journal,
    policy,
    platform: ref.platform,
    now: now(),
    // A human assignee has no time on the helpdesk: the first verdict that sees it dates it (the log keeps the first).
    assignedAt: now().toISOString(),
  });
  // Only a handoff makes the asks and turns final; before it they are still counting.
  const fields = timeline.handoff ? timelineFields(timeline) : {};
  return {
    kind: 'verdict_shown',
    ...where(ref, v),
    status: v.status,
    signals: evidence(v),
    engine: v.engine,
    ...(promisedAt ? { promisedAt } : {}),
    ...(pickup?.fromKind === 'promise'
      ? { pickedUpAt: pickup.at }
      : timeline.handoff && timeline.pickup?.at
        ? { pickedUpAt: timeline.pickup.at }
        : {}),
    ...fields,
    // Customer text beyond the evidence only when the team lead allows it (the background checks again).
    ...(policy.handoffLog.keepCustomerText ? { summary: v.summary } : {}),
  };
}

/** Records that the agent dismissed this verdict ("Not right? Dismiss"). */
export function logDismissed(ref: ConversationRef, verdict: Verdict): Promise<unknown> {
  return send('logEvent', {
    event: { kind: 'dismissed', ...where(ref, verdict), status: verdict.status, signals: evidence(verdict) },
  }).catch((e: unknown) => console.warn('[baton] the handoff log could not record a dismissal:', e));
}

/** Records each verdict the agent is shown in the local handoff log (once per conversation and verdict). */
export function useVerdictLog(result: CheckResult | null): void {
  const ref = useSidebar((s) => s.ref);
  const policy = useSidebar((s) => s.policy);
  const journal = useSidebar((s) => s.journal);
  // What this tab already reported; the log itself also keeps one entry per key, across tabs and reloads.
  const sent = useRef(new Set<string>());
  useEffect(() => {
    // A quick offline verdict the model is about to replace is not logged: the one it settles on is.
    if (!ref || !policy || !result || result.refining) return;
    const event = verdictShownEvent(ref, result, journal, policy);
    // A pick-up, a handoff, a first reply or a premature end seen later is reported again (the log fills it in).
    const seen =
      event.kind === 'verdict_shown' ? (['pickedUpAt', 'handoffAt', 'repliedAt', 'premature'] as const).filter((f) => event[f]) : [];
    const key = `${dedupeKey(event)}${seen.map((f) => `+${f}`).join('')}`;
    if (sent.current.has(key)) return;
    sent.current.add(key);
    send('logEvent', { event }).catch((e: unknown) => {
      sent.current.delete(key);
      console.warn('[baton] the handoff log could not record a verdict:', e);
    });
  }, [ref, policy, journal, result]);
}
