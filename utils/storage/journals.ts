import { browser } from 'wxt/browser';
import { STORAGE_VERSIONS } from '@/lib/config/migrations';
import type { JournalStore } from '@/lib/executor/run';
import { JournalSchema, type Journal } from '@/lib/schema/plan';
import { defineKeyedItems } from './item';
import { JOURNAL_PREFIX } from './keys';
import { writeWithRoom } from './room';

/**
 * One journal per conversation (key from journalKey(platform, account, conversationId)), written by the
 * background as each step of an escalation runs; tabs showing the conversation watch it.
 */
export const journalItem = defineKeyedItems('local', JOURNAL_PREFIX, {
  schema: JournalSchema.nullable(),
  fallback: () => null,
  version: STORAGE_VERSIONS.journal,
  label: 'Escalation progress',
  labelFor: (key) => `Escalation progress for ${key}`,
});

/**
 * The executor's view of the journals (lib/executor/run.ts JournalStore). A full storage never stops an
 * escalation: old drafts and settled journals make room for its journal.
 */
export const journalStorage: JournalStore = {
  get: (key) => journalItem(key).get(),
  put: async (journal: Journal) => {
    await writeWithRoom(() => journalItem(journal.key).set(journal), {
      key: JOURNAL_PREFIX + journal.key,
      value: journal,
      what: 'the escalation progress',
      essential: true,
    });
  },
};

/** Every stored journal (the worker's parts that follow journals catch up with these when it starts). */
export async function readAllJournals(): Promise<Journal[]> {
  const keys = await journalItem.list();
  return (await Promise.all(keys.map((k) => journalItem(k).get()))).filter((j): j is Journal => !!j);
}

/** One journal write: the journal as written and the one it replaced (null when there was none, or it was removed). */
export interface JournalWrite {
  value: Journal | null;
  previous: Journal | null;
}

/** Calls back with the journals written from now on, whoever wrote them (this worker, a resume, another part). */
export function onJournalWrites(callback: (writes: JournalWrite[]) => void): () => void {
  const parse = (v: unknown) => {
    const p = JournalSchema.safeParse(v);
    return p.success ? p.data : null;
  };
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const writes = Object.entries(changes)
      // `…$` keys are WXT's metadata of an item, not the item.
      .filter(([key]) => key.startsWith(journalItem.prefix) && !key.endsWith('$'))
      .map(([, change]) => ({ value: parse(change.newValue), previous: parse(change.oldValue) }))
      .filter((w) => w.value || w.previous);
    if (writes.length) callback(writes);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
