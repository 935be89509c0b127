import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { TeamStoredSchema, type TeamStored } from '@/lib/schema/team';
import type { Platform } from '@/lib/schema/conversation';

/**
 * Team Insights' cache: the records read back from the helpdesks, per conversation, in the extension's own
 * IndexedDB (the same library and origin as the handoff log, utils/handoff-log). A read lists only what changed
 * since the last one and reads only conversations whose update time moved, so opening Team again costs a
 * few list pages. It holds only what the helpdesk already shows every agent.
 */
interface TeamDB extends DBSchema {
  conversations: { key: string; value: TeamStored & { key: string }; indexes: { account: string } };
  /** Per helpdesk account: the last complete read's start, and how far back its listing has reached. */
  reads: { key: string; value: AccountRead & { key: string } };
}

interface AccountRead {
  /** When the last complete read started (its listing may have missed nothing updated before it). */
  readAt: string;
  /** The oldest update time the cache's listings cover without a gap. */
  coveredSince: string;
}

const DB_NAME = 'baton-team-insights';
const accountKey = (platform: Platform, account: string) => `${platform}|${account.toLowerCase()}`;

export interface TeamCache {
  /** Conversation id → update time, for one account: what need not be read again. */
  known(platform: Platform, account: string): Promise<Record<string, string>>;
  put(conversations: TeamStored[]): Promise<void>;
  /** Every cached conversation (records of any age; the page keeps the window's). */
  all(): Promise<TeamStored[]>;
  lastRead(platform: Platform, account: string): Promise<AccountRead | null>;
  setLastRead(platform: Platform, account: string, read: AccountRead): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

export function openTeamCache(name = DB_NAME): TeamCache {
  let db: Promise<IDBPDatabase<TeamDB>> | null = null;
  const open = () =>
    (db ??= openDB<TeamDB>(name, 1, {
      upgrade(d) {
        const conversations = d.createObjectStore('conversations', { keyPath: 'key' });
        conversations.createIndex('account', 'account');
        d.createObjectStore('reads', { keyPath: 'key' });
      },
    }));
  const rowKey = (c: TeamStored) => `${accountKey(c.platform, c.account)}|${c.conversationId}`;
  const parseAll = (rows: unknown[]) =>
    rows.flatMap((r) => {
      const p = TeamStoredSchema.safeParse(r);
      return p.success ? [p.data] : [];
    });

  return {
    async known(platform, account) {
      const rows = parseAll(await (await open()).getAllFromIndex('conversations', 'account', account));
      return Object.fromEntries(rows.filter((r) => r.platform === platform).map((r) => [r.conversationId, r.updatedAt]));
    },
    async put(conversations) {
      const tx = (await open()).transaction('conversations', 'readwrite');
      for (const c of conversations) await tx.store.put({ ...TeamStoredSchema.parse(c), key: rowKey(c) });
      await tx.done;
    },
    async all() {
      return parseAll(await (await open()).getAll('conversations'));
    },
    async lastRead(platform, account) {
      const row = await (await open()).get('reads', accountKey(platform, account));
      return row ? { readAt: row.readAt, coveredSince: row.coveredSince } : null;
    },
    async setLastRead(platform, account, read) {
      await (await open()).put('reads', { ...read, key: accountKey(platform, account) });
    },
    async clear() {
      const tx = (await open()).transaction(['conversations', 'reads'], 'readwrite');
      await tx.objectStore('conversations').clear();
      await tx.objectStore('reads').clear();
      await tx.done;
    },
    close() {
      void db?.then((d) => d.close());
      db = null;
    },
  };
}

let shared: TeamCache | null = null;
/** The extension's one Team Insights cache (opened on first use). */
export const teamCache = (): TeamCache => (shared ??= openTeamCache());
