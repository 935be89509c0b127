import { LegacyAccountsSchema, type LegacyAccounts } from '../../../schema/storage';

/**
 * Connections v1 had no account names: the platforms' account names lived under their own
 * sync key (`baton:accounts`). v2 keeps them inside each platform's connection. An account already in
 * the connection wins (that is what the options page has shown since v2), so running this on a value
 * that is already v2 changes nothing and returns the same object.
 */
export function connectionsV1ToV2(value: unknown, legacyAccounts?: unknown): unknown {
  if (!isObject(value)) return value;
  const accounts = LegacyAccountsSchema.safeParse(legacyAccounts ?? {});
  const legacy = accounts.success ? accounts.data : LegacyAccountsSchema.parse({});
  let changed = false;
  const next: Record<string, unknown> = { ...value };
  // The platforms that had an account name are exactly the legacy schema's keys.
  for (const platform of Object.keys(LegacyAccountsSchema.shape) as (keyof LegacyAccounts)[]) {
    const conn = isObject(value[platform]) ? value[platform] : undefined;
    if (conn && typeof conn.account === 'string' && conn.account !== '') continue;
    if (!legacy[platform] && conn && 'account' in conn) continue;
    next[platform] = { ...(conn ?? {}), account: legacy[platform] };
    changed = true;
  }
  return changed ? next : value;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
