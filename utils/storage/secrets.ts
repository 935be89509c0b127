import { openDB, type IDBPDatabase } from 'idb';
import { SecretsSchema, type Secrets } from '@/lib/schema/connections';
import { secretsItem as legacyItem } from './connections';
import type { Read } from './item';
import { SECRETS_DB } from './secrets-db';

/**
 * API tokens and keys, read only by the background worker (the options page writes a new value and learns
 * which are set through it, never their values).
 *
 * Why IndexedDB rather than extension storage: storage.local and storage.sync are open to content scripts,
 * which run in the helpdesk page's renderer, and neither browser can close them reliably: Firefox supports
 * `setAccessLevel` on storage.session only (bug 1724754 is open), and Chrome documents it for session
 * storage. storage.session is closed to content scripts by default but is cleared when the browser quits.
 * An IndexedDB database belongs to the origin that opens it; content scripts run in the page's origin, so
 * only the extension's own pages and worker can open this one, and it persists.
 */
type Db = IDBPDatabase;

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  // Opened per use and closed at once: the worker may sleep at any moment, and nothing keeps a connection.
  const db = await openDB(SECRETS_DB.name, SECRETS_DB.version, {
    upgrade(d) {
      if (!d.objectStoreNames.contains(SECRETS_DB.store)) d.createObjectStore(SECRETS_DB.store);
    },
  });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/**
 * Moves secrets an older version kept in storage.local into the database, then deletes them there. What the
 * database already holds wins; nothing is lost if the move is interrupted (the old key goes last).
 */
export async function migrateSecrets(): Promise<void> {
  // An invalid old value reads as {} with a reason: it is still removed from the content scripts' reach.
  const { value: legacy, reason } = await legacyItem.read();
  if (!Object.keys(legacy).length && reason === undefined) return;
  await withDb(async (db) => {
    const current = SecretsSchema.safeParse((await db.get(SECRETS_DB.store, SECRETS_DB.key)) ?? {});
    const kept = current.success ? current.data : {};
    await db.put(SECRETS_DB.store, { ...legacy, ...kept }, SECRETS_DB.key);
  });
  await legacyItem.remove();
}

/** Background worker only. An unreadable record gives no secrets and a reason. */
async function read(): Promise<Read<Secrets>> {
  try {
    await migrateSecrets();
    const raw = await withDb((db) => db.get(SECRETS_DB.store, SECRETS_DB.key));
    if (raw == null) return { value: {} };
    const parsed = SecretsSchema.safeParse(raw);
    return parsed.success ? { value: parsed.data } : { value: {}, reason: 'Saved tokens are invalid; enter them again in Options.' };
  } catch (e) {
    return { value: {}, reason: `Saved tokens could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}

/** Merges: an empty string clears a secret, undefined keeps it (secret fields are write-only in Options). */
async function write(patch: Partial<Secrets>): Promise<void> {
  const next: Record<string, string | undefined> = { ...(await read()).value };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === '') delete next[k];
    else next[k] = v;
  }
  const value = SecretsSchema.parse(next);
  await withDb((db) => db.put(SECRETS_DB.store, value, SECRETS_DB.key));
}

/** Which secrets are set, never their values. Meant for the background's reply to the options page. */
async function presence(): Promise<Record<keyof Secrets, boolean>> {
  const { value: s } = await read();
  const keys = Object.keys(SecretsSchema.shape) as (keyof Secrets)[];
  return Object.fromEntries(keys.map((k) => [k, typeof s[k] === 'string' && s[k] !== ''])) as Record<keyof Secrets, boolean>;
}

export const secretsStore = { read, write, presence };
