import type { Journal } from '@/lib/schema/plan';
import { appendEscalationRecord } from '@/utils/storage';

/** Every escalation is recorded locally for later insight (never sent anywhere). */
export async function recordEscalation(journal: Journal, clickedBy?: string) {
  const { target } = journal.plan;
  await appendEscalationRecord({
    time: journal.startedAt,
    platform: journal.plan.platform,
    account: journal.plan.account,
    conversation: journal.plan.conversationId,
    signals: journal.plan.why?.signals.map((s) => s.kind) ?? [],
    subAgent: journal.plan.why?.subAgent ?? null,
    target: target ? { kind: target.kind, id: target.id, name: target.name } : null,
    clickedBy: clickedBy ?? null,
  });
}
