import { browser } from 'wxt/browser';
import { KEYS } from '../../lib/config/keys';
import type { Journal } from '../../lib/schema/plan';

const MAX_RECORDS = 2000;

/** Every escalation is recorded locally for later insight (never sent anywhere). */
export async function recordEscalation(journal: Journal, signals: string[], subAgent: string | undefined, clickedBy?: string) {
  const v = await browser.storage.local.get(KEYS.escalations);
  const list = Array.isArray(v[KEYS.escalations]) ? (v[KEYS.escalations] as unknown[]) : [];
  list.push({
    time: journal.startedAt,
    platform: journal.plan.platform,
    account: journal.plan.account,
    conversation: journal.plan.conversationId,
    signals,
    subAgent: subAgent ?? null,
    target: journal.plan.target ? { kind: journal.plan.target.kind, id: journal.plan.target.id, name: journal.plan.target.name } : null,
    clickedBy: clickedBy ?? null,
  });
  await browser.storage.local.set({ [KEYS.escalations]: list.slice(-MAX_RECORDS) });
}
