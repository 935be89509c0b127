import { redact } from '@/lib/insights/events';
import type { LogEvent } from '@/lib/schema/log-event';
import { eventsFromJournal } from '@/lib/insights/from-journal';
import type { Journal } from '@/lib/schema/plan';
import { handoffLog, importLegacyRecords } from '@/utils/handoff-log';
import { policyStore } from '@/utils/storage';
import { onJournalWrites, readAllJournals } from '@/utils/storage/journals';

/**
 * Escalations and returns reach the handoff log from the journals, not from the click handlers: every
 * escalation and every "Return to bot" is a journal write (a new journal, then `resumedAt` set), whichever
 * handler, retry or resume after a restart made it. The worker follows journal writes as they happen and, each
 * time it starts, replays the stored journals, so an entry lost to a worker stopped between the write and the
 * log is written then. The log's keys (conversation + start time) make the replays record nothing twice.
 */
/** Resolves once the stored journals and old records have been caught up with. */
export function installHandoffLog(): Promise<void> {
  onJournalWrites((writes) => {
    // The journal a new escalation replaces may carry a return not yet logged.
    const journals = writes.flatMap((w) => [w.previous, w.value]).filter((j): j is Journal => !!j);
    void recordJournals(journals).catch((e) => console.warn('[baton] the handoff log could not record:', e));
  });
  return catchUp();
}

async function catchUp(): Promise<void> {
  try {
    const { maxEntries } = (await policyStore.read()).policy.handoffLog;
    await importLegacyRecords(handoffLog(), { maxEntries });
    await recordJournals(await readAllJournals());
  } catch (e) {
    console.warn('[baton] the handoff log could not catch up:', e);
  }
}

async function recordJournals(journals: Journal[]): Promise<void> {
  const { keepCustomerText } = (await policyStore.read()).policy.handoffLog;
  await logEvents(journals.flatMap((j) => eventsFromJournal(j, keepCustomerText)));
}

/** Writes events to the log with the team lead's limits (customer text, size cap); returns how many were new. */
export async function logEvents(events: LogEvent[]): Promise<number> {
  const { keepCustomerText, maxEntries } = (await policyStore.read()).policy.handoffLog;
  return handoffLog().add(
    events.map((e) => redact(e, keepCustomerText)),
    { maxEntries },
  );
}
