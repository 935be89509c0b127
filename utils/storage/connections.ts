import { connectionsV1ToV2, STORAGE_VERSIONS } from '@/lib/config/migrations';
import { ConnectionsSchema, SecretsSchema, type Secrets } from '@/lib/schema/connections';
import { LegacyAccountsSchema } from '@/lib/schema/storage';
import { defineVersionedItem, type Read } from './item';

/**
 * Deprecated: the platforms' account names, from before connections carried them. Read only by the
 * connections upgrade; nothing should write it once Options saves accounts inside the connections.
 */
export const legacyAccountsItem = defineVersionedItem('sync:baton:accounts', {
  schema: LegacyAccountsSchema,
  fallback: () => LegacyAccountsSchema.parse({}),
  version: STORAGE_VERSIONS.legacyAccounts,
  label: 'Saved account names',
});

/** Non-secret connection settings per platform (synced, exportable). */
export const connectionsItem = defineVersionedItem('sync:baton:connections', {
  schema: ConnectionsSchema,
  fallback: () => ConnectionsSchema.parse({}),
  version: STORAGE_VERSIONS.connections,
  migrations: {
    // v2 folds the separately stored account names into the connections.
    2: async (value: unknown) => connectionsV1ToV2(value, await legacyAccountsItem.get()),
  },
  label: 'Saved connections',
});

/**
 * API tokens and keys. storage.local only (never synced, never exported). Only the background worker reads
 * them: content scripts and the options page must ask the background (the options page may write a new
 * secret the user typed and may learn which secrets are set, never their values).
 */
export const secretsItem = defineVersionedItem('local:baton:secrets', {
  schema: SecretsSchema,
  fallback: () => ({}),
  version: STORAGE_VERSIONS.secrets,
  label: 'Saved tokens',
});

/** Background worker only. */
async function read(): Promise<Read<Secrets>> {
  return secretsItem.read();
}

/** Merges: an empty string clears a secret, undefined keeps it (secret fields are write-only in Options). */
async function write(patch: Partial<Secrets>): Promise<void> {
  const next: Record<string, string | undefined> = { ...(await secretsItem.get()) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    next[k] = v === '' ? undefined : v;
  }
  await secretsItem.set(next);
}

/** Which secrets are set, never their values. Meant for the background's reply to the options page. */
async function presence(): Promise<Record<keyof Secrets, boolean>> {
  const s = await secretsItem.get();
  const keys = Object.keys(SecretsSchema.shape) as (keyof Secrets)[];
  return Object.fromEntries(keys.map((k) => [k, typeof s[k] === 'string' && s[k] !== ''])) as Record<keyof Secrets, boolean>;
}

export const secretsStore = { read, write, presence };
