import { browser } from 'wxt/browser';
import { KEYS } from '../../lib/config/keys';
import type { Accounts } from './form';

/**
 * Zendesk subdomain and Gorgias account name. The connections schema has no field for them yet, so they
 * live under their own key; a value stored inside the connections object wins once the schema has one.
 */
export const ACCOUNTS_KEY = 'baton:accounts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function readAccounts(): Promise<Accounts> {
  const got = await browser.storage.sync.get([KEYS.connections, ACCOUNTS_KEY]).catch(() => ({}) as Record<string, unknown>);
  const conn = (got[KEYS.connections] ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const own = (got[ACCOUNTS_KEY] ?? {}) as Record<string, unknown>;
  return {
    zendesk: str(conn.zendesk?.account) || str(own.zendesk),
    gorgias: str(conn.gorgias?.account) || str(own.gorgias),
  };
}

export async function writeAccounts(accounts: Accounts): Promise<void> {
  await browser.storage.sync.set({ [ACCOUNTS_KEY]: accounts });
}
