import type { Journal } from '../schema/plan';
import type { EscalationRecord } from '../schema/storage';
import { SignalKindSchema, type SignalKind } from '../schema/verdict';
import type { EventOf, LogEvent } from '../schema/log-event';
import { redact } from './events';

/** The signal kinds behind the verdict at the click, once each, in the verdict's order. */
function reasonsOf(kinds: readonly string[]): SignalKind[] {
  const out: SignalKind[] = [];
  for (const k of kinds) {
    const p = SignalKindSchema.safeParse(k);
    if (p.success && !out.includes(p.data)) out.push(p.data);
  }
  return out;
}

/**
 * The log entries a journal stands for: its escalation and, once "Return to bot" ran, the return. Pure, so
 * the background can replay every stored journal after a restart and the log's keys drop what it has.
 */
export function eventsFromJournal(journal: Journal, keepCustomerText: boolean): LogEvent[] {
  const { plan } = journal;
  const why = plan.why;
  const where = { platform: plan.platform, account: plan.account, conversationId: plan.conversationId, subAgent: why?.subAgent ?? null };
  const escalated: EventOf<'escalated'> = redact(
    {
      kind: 'escalated',
      ...where,
      at: journal.startedAt,
      status: why?.status ?? null,
      override: !!why && why.status !== 'escalate',
      reasons: reasonsOf(why?.signals.map((s) => s.kind) ?? []),
      signals: why?.signals.map((s) => ({ kind: s.kind, quote: s.quote })) ?? [],
      target: plan.target ? { kind: plan.target.kind, id: plan.target.id, name: plan.target.name } : null,
      ...(why?.promisedAt ? { promisedAt: why.promisedAt } : {}),
      // Only records moved from the old escalation history name who clicked.
      clickedBy: null,
      ...(plan.record?.loop ? { loop: true } : {}),
      ...(why ? { summary: why.summary } : {}),
    },
    keepCustomerText,
  );
  const out: LogEvent[] = [escalated];
  if (journal.resumedAt) out.push({ kind: 'returned', ...where, at: journal.resumedAt, escalatedAt: journal.startedAt });
  return out;
}

/**
 * An escalation recorded by Baton before the handoff log (storage.local `baton:escalations`). Same time and
 * conversation as its journal, so a journal still stored maps to the same entry.
 */
export function eventFromRecord(r: EscalationRecord): EventOf<'escalated'> {
  return {
    kind: 'escalated',
    at: r.time,
    platform: r.platform,
    account: r.account,
    conversationId: r.conversation,
    subAgent: r.subAgent,
    // The verdict on screen was not kept then, so whether it was an override is unknown.
    status: null,
    override: false,
    reasons: reasonsOf(r.signals),
    signals: [],
    target: r.target,
    clickedBy: r.clickedBy,
  };
}
