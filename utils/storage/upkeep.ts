import { runningFor } from '@/lib/executor/run';
import { withoutCustomerText } from '@/lib/retention/customer-text';
import { planUpkeep } from '@/lib/retention/plan';
import type { Journal } from '@/lib/schema/plan';
import type { NoteDraft } from '@/lib/schema/storage';
import { readEntries, readValues, removeEntries, writeEntries, type StoredEntry } from './entries';
import { policyStore } from './policy';

export interface UpkeepResult {
  removed: number;
  dated: number;
  stripped: number;
}

/**
 * The regular clean-up of storage.local (lib/retention/plan.ts planUpkeep): expired or empty drafts, settled
 * journals past retention, and customer text the team lead does not let Baton keep. `quietMs`: how long a
 * finished journal keeps its text for the notifier.
 */
export async function runUpkeep(o: { quietMs: number; now?: number }): Promise<UpkeepResult> {
  const now = o.now ?? Date.now();
  const [{ policy }, entries] = await Promise.all([policyStore.read(), readEntries()]);
  const plan = planUpkeep(entries, { now, keepCustomerText: policy.handoffLog.keepCustomerText, quietMs: o.quietMs });
  const byKey = new Map(entries.map((e) => [e.key, e]));
  // A journal this worker is writing right now is left for the next clean-up.
  const idle = (key: string) => {
    const e = byKey.get(key);
    return e?.kind !== 'journal' || !e.journal || !runningFor(e.journal.key);
  };
  const remove = plan.remove.filter(idle);
  const rewrites: Record<string, unknown> = {};
  for (const key of plan.date) rewrites[key] = { ...draftOf(byKey.get(key)), savedAt: new Date(now).toISOString() };
  for (const key of plan.strip.filter(idle)) rewrites[key] = withoutCustomerText(journalOf(byKey.get(key)));
  await removeEntries(remove);
  // Only values nobody changed since they were read are rewritten, so a newer write is never undone.
  const current = await readValues(Object.keys(rewrites));
  const unchanged = Object.entries(rewrites).filter(([key]) => JSON.stringify(current[key]) === JSON.stringify(raw(byKey.get(key))));
  await writeEntries(Object.fromEntries(unchanged));
  return {
    removed: remove.length,
    dated: unchanged.filter(([k]) => plan.date.includes(k)).length,
    stripped: unchanged.filter(([k]) => plan.strip.includes(k)).length,
  };
}

const raw = (e: StoredEntry | undefined) => e?.raw;
const draftOf = (e: StoredEntry | undefined) => (e as { draft: NoteDraft }).draft;
const journalOf = (e: StoredEntry | undefined) => (e as { journal: Journal }).journal;
