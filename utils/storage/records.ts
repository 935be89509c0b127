import { z } from 'zod';
import { STORAGE_VERSIONS } from '@/lib/config/migrations';
import { EscalationRecordSchema, type EscalationRecord } from '@/lib/schema/storage';
import { defineVersionedItem } from './item';

/** The newest records are kept; older ones are dropped so storage.local stays small. */
export const MAX_ESCALATION_RECORDS = 2000;

/** Every escalation, recorded locally for later insight (never sent anywhere). */
export const escalationRecordsItem = defineVersionedItem('local:baton:escalations', {
  schema: z.array(EscalationRecordSchema),
  fallback: () => [],
  version: STORAGE_VERSIONS.escalationRecords,
  label: 'Escalation history',
  // One damaged record should not cost the whole history.
  salvage: (raw) => {
    if (!Array.isArray(raw)) return null;
    const kept = raw.flatMap((r) => {
      const p = EscalationRecordSchema.safeParse(r);
      return p.success ? [p.data] : [];
    });
    return { value: kept, dropped: `${raw.length - kept.length} unreadable record(s) skipped` };
  },
});

let queue: Promise<unknown> = Promise.resolve();

/** Appends one record. Appends run one after another so two escalations at once cannot drop each other. */
export function appendEscalationRecord(record: EscalationRecord): Promise<void> {
  const run = queue.then(async () => {
    const list = await escalationRecordsItem.get();
    list.push(record);
    await escalationRecordsItem.set(list.slice(-MAX_ESCALATION_RECORDS));
  });
  queue = run.catch(() => {});
  return run;
}
