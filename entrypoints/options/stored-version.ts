import { browser } from 'wxt/browser';
import { KEYS } from '../../lib/config/keys';
import { POLICY_VERSION } from '../../lib/schema/policy';

/**
 * The version of the policy as stored, read before readPolicy() upgrades and rewrites it, so the page can
 * tell the team lead their saved settings were migrated. Same precedence as readPolicy: local, then sync.
 */
export async function storedPolicyVersion(): Promise<number | null> {
  const [local, sync] = await Promise.all([
    browser.storage.local.get(KEYS.policy),
    browser.storage.sync.get(KEYS.policy).catch(() => ({}) as Record<string, unknown>),
  ]);
  const raw = (local[KEYS.policy] ?? sync[KEYS.policy]) as { version?: unknown } | undefined;
  if (!raw || typeof raw !== 'object') return null;
  return typeof raw.version === 'number' ? raw.version : POLICY_VERSION;
}
