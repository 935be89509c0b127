import { browser } from 'wxt/browser';
import { KEYS } from '../../lib/config/keys';
import { SECRET_KEYS, type SecretKey } from './form';

export type SecretPresence = Record<SecretKey, boolean>;

/**
 * Whether each secret is set, never its value: the values are dropped here, before anything reaches
 * the page's state, so no secret can be rendered, drafted or exported by accident.
 */
export async function secretPresence(): Promise<SecretPresence> {
  const got = await browser.storage.local.get(KEYS.secrets);
  const stored = (got[KEYS.secrets] ?? {}) as Record<string, unknown>;
  return Object.fromEntries(SECRET_KEYS.map((k) => [k, typeof stored[k] === 'string' && stored[k] !== ''])) as SecretPresence;
}
