import { browser } from 'wxt/browser';
import type { Entry } from '@/lib/retention/plan';
import { JournalSchema } from '@/lib/schema/plan';
import { NoteDraftSchema } from '@/lib/schema/storage';
import { DRAFT_PREFIX, JOURNAL_PREFIX, LAST_CONVERSATION_KEY } from './keys';

const local = () => browser.storage.local;

/** Bytes Chrome counts against the quota for one item: the key plus the value as JSON. */
export const bytesOf = (key: string, value: unknown) => key.length + (JSON.stringify(value)?.length ?? 0);

const cleanable = (k: string) =>
  (k.startsWith(DRAFT_PREFIX) || k.startsWith(JOURNAL_PREFIX) || k === LAST_CONVERSATION_KEY) && !k.endsWith('$');

/** An entry with the value as stored, to tell whether someone wrote it since. */
export type StoredEntry = Entry & { raw: unknown };

/**
 * The drafts, journals and spare copies in storage.local. Names are listed first (getKeys, Chrome 130+) so
 * only these values are read, not the rest of the area.
 */
export async function readEntries(): Promise<StoredEntry[]> {
  const area = local();
  const keys = await listKeys();
  const values: Record<string, unknown> = keys ? await readValues(keys.filter(cleanable)) : await area.get(null);
  return Object.entries(values).flatMap(([key, raw]): StoredEntry[] => {
    if (!cleanable(key)) return [];
    const bytes = bytesOf(key, raw);
    if (key === LAST_CONVERSATION_KEY) return [{ kind: 'spare', key, bytes, raw }];
    if (key.startsWith(DRAFT_PREFIX)) {
      const p = NoteDraftSchema.safeParse(raw);
      return [{ kind: 'draft', key, bytes, raw, draft: p.success ? p.data : null }];
    }
    const p = JournalSchema.safeParse(raw);
    return [{ kind: 'journal', key, bytes, raw, journal: p.success ? p.data : null }];
  });
}

/** The area's names, or null where the browser cannot list them alone (before Chrome 130, Firefox). */
async function listKeys(): Promise<string[] | null> {
  const area = local() as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  try {
    return typeof area.getKeys === 'function' ? await area.getKeys() : null;
  } catch {
    return null;
  }
}

export async function readValues(keys: readonly string[]): Promise<Record<string, unknown>> {
  return keys.length ? local().get([...keys]) : {};
}

/** Removes the items with WXT's metadata entries (`key$`). */
export async function removeEntries(keys: readonly string[]): Promise<void> {
  if (keys.length) await local().remove(keys.flatMap((k) => [k, `${k}$`]));
}

export async function writeEntries(items: Record<string, unknown>): Promise<void> {
  if (Object.keys(items).length) await local().set(items);
}
