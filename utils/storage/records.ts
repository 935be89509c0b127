import { z } from 'zod';
import { STORAGE_VERSIONS } from '@/lib/config/migrations';
import { EscalationRecordSchema } from '@/lib/schema/storage';
import { defineVersionedItem } from './item';

/**
 * Legacy: escalations as Baton recorded them in storage.local before the handoff log (IndexedDB,
 * utils/handoff-log). Only read once, to move them into the log (utils/handoff-log/legacy.ts), then removed.
 */
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
