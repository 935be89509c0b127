import type { SecretPresence } from '@/lib/schema/messages';
import { send } from '@/utils/messaging';
import type { SecretKey } from './form';

export type { SecretPresence };

/**
 * Whether each secret is set, never its value: the options page asks the background worker, the only
 * part of Baton that reads secrets, so no secret can be rendered, drafted or exported by accident.
 */
export function secretPresence(): Promise<SecretPresence> {
  return send('secretPresence');
}

/** Saves typed secrets ('' removes one, an absent key keeps it) through the background; answers what is set now. */
export function saveSecrets(patch: Partial<Record<SecretKey, string>>): Promise<SecretPresence> {
  return send('saveSecrets', { patch });
}
