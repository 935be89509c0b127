import type { WhoAmI } from '@/lib/platforms/types';
import { metaFor } from '@/lib/platforms/metas';
import { ConnectionsSchema } from '@/lib/schema/connections';
import type { RequestOf, SecretPresence } from '@/lib/schema/messages';
import { connectionsItem, policyStore, secretsStore } from '@/utils/storage';
import { contextFor } from '@/entrypoints/background/context';

/** Who the saved connection of a helpdesk acts as (the options page's "Test connection"). */
export async function testConnection(req: RequestOf<'testConnection'>, tabId: number | undefined): Promise<WhoAmI> {
  const { policy } = await policyStore.read();
  const ref = { platform: req.platform, account: req.account, conversationId: '', idIsGuess: false };
  const { adapter, ctx } = await contextFor(ref, policy, tabId);
  return adapter.whoAmI(ctx);
}

/**
 * Only settings that belong to the agent (marked perAgent in the platform's meta) can be given from the
 * sidebar; team settings and secrets stay on the options page.
 */
export async function setConnectionField(req: RequestOf<'setConnectionField'>): Promise<true> {
  const { platform, key, value: raw } = req;
  const field = metaFor(platform).connectionFields.find((f) => f.key === key && f.perAgent);
  if (!field) throw new Error('That setting can only be changed on the options page.');
  const value = field.normalize ? field.normalize(raw) : raw.trim();
  const problem = value ? field.problem?.(value) : `Enter ${field.label.toLowerCase()}.`;
  if (problem) throw new Error(problem);
  const connections = await connectionsItem.get();
  const next = ConnectionsSchema.safeParse({ ...connections, [platform]: { ...connections[platform], [key]: value } });
  if (!next.success) throw new Error(`${field.label} was not saved: ${next.error.issues[0]?.message ?? 'invalid value'}.`);
  await connectionsItem.set(next.data);
  return true;
}

/** Which secrets are saved; the options page never reads their values. */
export async function secretPresence(): Promise<SecretPresence> {
  return secretsStore.presence();
}

export async function saveSecrets(req: RequestOf<'saveSecrets'>): Promise<SecretPresence> {
  await secretsStore.write(req.patch);
  return secretsStore.presence();
}
