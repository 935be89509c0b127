import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { WatchEntrySchema, ScanReportSchema, type ScanReport, type WatchEntry } from '@/lib/schema/watch';
import type { WatchStore } from '@/lib/watch/scan';

/**
 * The queue watch's memory, in the extension's own IndexedDB (worker and extension pages; never content
 * scripts): one entry per watched conversation, keyed by conversation, with the last message its verdict is
 * about; each list's cursor; each helpdesk's last scan report.
 */
interface WatchDB extends DBSchema {
  entries: { key: string; value: WatchEntry };
  cursors: { key: string; value: string };
  reports: { key: string; value: ScanReport };
  /** Small facts about the watch itself: which lists it watched, when it last notified. */
  meta: { key: string; value: string };
}

const WATCH_DB_NAME = 'baton-queue-watch';

export interface WatchDb extends WatchStore {
  all(): Promise<WatchEntry[]>;
  reports(): Promise<ScanReport[]>;
  putReport(r: ScanReport): Promise<void>;
  meta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  /** Forgets everything (a watched list changed, or the watch was switched off). */
  clear(): Promise<void>;
}

function openWatchDb(name = WATCH_DB_NAME): WatchDb {
  let db: Promise<IDBPDatabase<WatchDB>> | null = null;
  const open = () =>
    (db ??= openDB<WatchDB>(name, 1, {
      upgrade(d) {
        d.createObjectStore('entries', { keyPath: 'key' });
        d.createObjectStore('cursors');
        d.createObjectStore('reports', { keyPath: 'platform' });
        d.createObjectStore('meta');
      },
    }));
  const parsed = (raw: unknown) => {
    const r = WatchEntrySchema.safeParse(raw);
    return r.success ? r.data : undefined;
  };
  return {
    async get(key) {
      return parsed(await (await open()).get('entries', key));
    },
    async put(entry) {
      await (await open()).put('entries', WatchEntrySchema.parse(entry));
    },
    async all() {
      return (await (await open()).getAll('entries')).map(parsed).filter((e): e is WatchEntry => !!e);
    },
    async cursor(list) {
      return (await (await open()).get('cursors', list)) ?? null;
    },
    async setCursor(list, stamp) {
      const d = await open();
      if (stamp === null) await d.delete('cursors', list);
      else await d.put('cursors', stamp, list);
    },
    async reports() {
      return (await (await open()).getAll('reports')).flatMap((r) => {
        const p = ScanReportSchema.safeParse(r);
        return p.success ? [p.data] : [];
      });
    },
    async putReport(r) {
      await (await open()).put('reports', ScanReportSchema.parse(r));
    },
    async meta(key) {
      return (await open()).get('meta', key);
    },
    async setMeta(key, value) {
      await (await open()).put('meta', value, key);
    },
    async clear() {
      const d = await open();
      const tx = d.transaction(['entries', 'cursors', 'reports'], 'readwrite');
      await Promise.all([tx.objectStore('entries').clear(), tx.objectStore('cursors').clear(), tx.objectStore('reports').clear(), tx.done]);
    },
  };
}

let shared: WatchDb | null = null;
/** The one store of this extension context. */
export const watchDb = (): WatchDb => (shared ??= openWatchDb());
