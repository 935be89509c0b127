import { browser } from 'wxt/browser';
import { KEYS } from '../../lib/config/keys';
import { PLATFORM_METAS } from '../../lib/platforms/metas';
import type { Accounts } from './form';

/**
 * Account names of the platforms that have them. Older builds kept them under their own key, outside the
 * connections object; a value stored inside the connections object wins.
 */
export const ACCOUNTS_KEY = 'baton:accounts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function readAccounts(): Promise<Accounts> {
  const got = await browser.storage.sync.get([KEYS.connections, ACCOUNTS_KEY]).catch(() => ({}) as Record<string, unknown>);
  const conn = (got[KEYS.connections] ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const own = (got[ACCOUNTS_KEY] ?? {}) as Record<string, unknown>;
  const out: Accounts = {};
  for (const m of PLATFORM_METAS) if (m.account) out[m.platform] = str(conn[m.platform]?.account) || str(own[m.platform]);
  return out;
}

export async function writeAccounts(accounts: Accounts): Promise<void> {
  await browser.storage.sync.set({ [ACCOUNTS_KEY]: accounts });
}
