import { eventFromRecord } from '@/lib/insights/from-journal';
import { escalationRecordsItem } from '@/utils/storage/records';
import type { AddOptions, HandoffLog } from './store';

/**
 * Moves the escalations Baton kept in storage.local before the handoff log into it, then removes the old
 * key. Safe to run again after an interruption: entries already moved are recognised by their key.
 */
export async function importLegacyRecords(log: HandoffLog, opts: AddOptions): Promise<number> {
  const { value: records } = await escalationRecordsItem.read();
  if (!records.length) return 0;
  const added = await log.add(records.map(eventFromRecord), opts);
  await escalationRecordsItem.remove();
  return added;
}
