import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { dedupeKey } from '@/lib/insights/events';
import { LogEventSchema, type LogEvent, type StoredEvent } from '@/lib/schema/log-event';

/**
 * The handoff log: IndexedDB in the extension's own origin (background worker and extension pages share it;
 * content scripts run in the helpdesk's origin and never open it). Entries are unique by their dedupe key, so
 * a second report of the same thing (a re-check, a worker replaying journals after a restart) changes nothing.
 */
interface LogDB extends DBSchema {
  events: { key: number; value: StoredEvent; indexes: { dedupe: string; at: string } };
  /** `floor`: the log holds nothing at or before this time (cleared then, or older entries dropped by the cap). */
  meta: { key: string; value: string };
}

const LOG_DB_NAME = 'baton-handoff-log';

export interface AddOptions {
  /** The oldest entries beyond this many are dropped (policy.handoffLog.maxEntries). */
  maxEntries: number;
}

export interface HandoffLog {
  /** Records events not already in the log; an entry already there gains fields it lacked (a pickup seen later). Returns how many are new. */
  add(events: LogEvent[], opts: AddOptions): Promise<number>;
  /** Every entry, oldest first; entries that no longer parse are left out. */
  all(): Promise<LogEvent[]>;
  count(): Promise<number>;
  /** Empties the log; journals replayed afterwards do not bring old escalations back. */
  clear(at?: Date): Promise<void>;
  floor(): Promise<string | null>;
  close(): void;
}

/** Fields a repeated report may add to the entry already logged (never overwrite: the first report stands). */
const FILLABLE = [
  'pickedUpAt',
  'promisedAt',
  'clickedBy',
  'summary',
  'askedAt',
  'askQuote',
  'asks',
  'lateTurns',
  'handoffAt',
  'repliedAt',
  'premature',
] as const;

export function openHandoffLog(name = LOG_DB_NAME): HandoffLog {
  let db: Promise<IDBPDatabase<LogDB>> | null = null;
  const open = () =>
    (db ??= openDB<LogDB>(name, 1, {
      upgrade(d) {
        const events = d.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
        events.createIndex('dedupe', 'dedupe', { unique: true });
        events.createIndex('at', 'at');
        d.createObjectStore('meta');
      },
    }));

  return {
    async add(events, { maxEntries }) {
      const d = await open();
      const tx = d.transaction(['events', 'meta'], 'readwrite');
      const store = tx.objectStore('events');
      const floor = await tx.objectStore('meta').get('floor');
      let added = 0;
      for (const raw of events) {
        const event = LogEventSchema.parse(raw);
        if (floor && event.at <= floor) continue;
        const dedupe = dedupeKey(event);
        const existing = await store.index('dedupe').get(dedupe);
        if (!existing) {
          await store.add({ ...event, dedupe } as StoredEvent);
          added += 1;
          continue;
        }
        const fill: Record<string, unknown> = {};
        for (const f of FILLABLE) {
          const v = (event as Record<string, unknown>)[f];
          const had = (existing as Record<string, unknown>)[f];
          if (v !== undefined && v !== null && (had === undefined || had === null)) fill[f] = v;
        }
        if (Object.keys(fill).length) await store.put({ ...existing, ...fill } as StoredEvent);
      }
      const over = (await store.count()) - maxEntries;
      if (over > 0) {
        let cursor = await store.index('at').openCursor();
        let newestDropped = '';
        for (let i = 0; i < over && cursor; i++) {
          newestDropped = cursor.value.at > newestDropped ? cursor.value.at : newestDropped;
          await cursor.delete();
          cursor = await cursor.continue();
        }
        if (newestDropped && (!floor || newestDropped > floor)) await tx.objectStore('meta').put(newestDropped, 'floor');
      }
      await tx.done;
      return added;
    },
    async all() {
      const d = await open();
      const rows = await d.getAllFromIndex('events', 'at');
      return rows.flatMap((r) => {
        const p = LogEventSchema.safeParse(r);
        return p.success ? [p.data] : [];
      });
    },
    async count() {
      return (await open()).count('events');
    },
    async clear(at = new Date()) {
      const d = await open();
      const tx = d.transaction(['events', 'meta'], 'readwrite');
      await tx.objectStore('events').clear();
      await tx.objectStore('meta').put(at.toISOString(), 'floor');
      await tx.done;
    },
    async floor() {
      return (await (await open()).get('meta', 'floor')) ?? null;
    },
    close() {
      void db?.then((d) => d.close());
      db = null;
    },
  };
}

let shared: HandoffLog | null = null;
/** The extension's one log (opened on first use). */
export const handoffLog = (): HandoffLog => (shared ??= openHandoffLog());
