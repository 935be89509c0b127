import { connectionsV1ToV2, STORAGE_VERSIONS } from '@/lib/config/migrations';
import { ConnectionsSchema, SecretsSchema } from '@/lib/schema/connections';
import { LegacyAccountsSchema } from '@/lib/schema/storage';
import { defineVersionedItem } from './item';

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
 * Deprecated: where secrets lived before they moved to the extension's IndexedDB (secrets.ts). Read only to
 * move what an older version saved; nothing writes it any more.
 */
export const secretsItem = defineVersionedItem('local:baton:secrets', {
  schema: SecretsSchema,
  fallback: () => ({}),
  version: STORAGE_VERSIONS.secrets,
  label: 'Saved tokens',
});
