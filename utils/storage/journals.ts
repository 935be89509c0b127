import { STORAGE_VERSIONS } from '@/lib/config/migrations';
import type { JournalStore } from '@/lib/executor/run';
import { JournalSchema, type Journal } from '@/lib/schema/plan';
import { defineKeyedItems } from './item';

/**
 * One journal per conversation (key from journalKey(platform, account, conversationId)), written by the
 * background as each step of an escalation runs; tabs showing the conversation watch it.
 */
export const journalItem = defineKeyedItems('local', 'baton:journal:', {
  schema: JournalSchema.nullable(),
  fallback: () => null,
  version: STORAGE_VERSIONS.journal,
  label: 'Escalation progress',
  labelFor: (key) => `Escalation progress for ${key}`,
});

/** The executor's view of the journals (lib/executor/run.ts JournalStore). */
export const journalStorage: JournalStore = {
  get: (key) => journalItem(key).get(),
  put: (journal: Journal) => journalItem(journal.key).set(journal),
};
