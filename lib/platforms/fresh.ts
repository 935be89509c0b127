import type { Conversation } from '../schema/conversation';
import type { AdapterContext, PlatformAdapter } from './types';

/**
 * The conversation as it is now: `known` (the last API read of it) when the adapter's one cheap "changed
 * since" request says nothing moved, a full read otherwise. A re-check of an open conversation that did not
 * change thus costs one request on every platform, whatever the page did meanwhile.
 */
export async function readFresh(
  adapter: PlatformAdapter,
  ctx: AdapterContext,
  known: Conversation | undefined,
): Promise<{ conversation: Conversation; reread: boolean }> {
  if (known?.source === 'api' && adapter.changedSince) {
    // A failing cheap read says nothing about the conversation: the full read gives the real error.
    const changed = await adapter.changedSince(ctx, known).catch(() => true);
    if (!changed) return { conversation: known, reread: false };
  }
  return { conversation: await adapter.read(ctx), reread: true };
}
