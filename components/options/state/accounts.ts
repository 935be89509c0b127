import { PLATFORM_METAS } from '@/lib/platforms/metas';
import type { Connections } from '@/lib/schema/connections';
import type { Accounts } from './form';

/**
 * The account names of the platforms that have one, as saved inside their connections (older builds kept
 * them under a separate key; the connections upgrade folds them in, lib/config/migrations/connections/).
 */
export function accountsOf(connections: Connections): Accounts {
  const out: Accounts = {};
  for (const m of PLATFORM_METAS) {
    if (!m.account) continue;
    const account = (connections[m.platform] as { account?: unknown } | undefined)?.account;
    out[m.platform] = typeof account === 'string' ? account : '';
  }
  return out;
}
