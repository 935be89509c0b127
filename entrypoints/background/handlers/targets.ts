import { expireCaches } from '@/lib/platforms/cache';
import type { RequestOf } from '@/lib/schema/messages';
import type { Target } from '@/lib/schema/target';
import { policyStore } from '@/utils/storage';
import { contextFor } from '@/entrypoints/background/context';

/** An account's inboxes/teams/groups, users and views. Refresh asks the helpdesk again instead of the cache. */
export async function targets(req: RequestOf<'targets'>, tabId: number | undefined): Promise<Target[]> {
  const { policy } = await policyStore.read();
  const ref = { platform: req.platform, account: req.account, conversationId: '', idIsGuess: false };
  const { adapter, ctx } = await contextFor(ref, policy, tabId);
  if (req.refresh) expireCaches();
  return adapter.listTargets(ctx);
}
