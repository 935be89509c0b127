import type { ConversationRef, Platform } from '../schema/conversation';
import type { PlatformAdapter, PlatformMeta } from './types';
import { frontAdapter } from './front';
import { gorgiasAdapter } from './gorgias';
import { zendeskAdapter } from './zendesk';
import { metaFor } from './metas';

export { PLATFORM_METAS, metaFor, labelOf } from './metas';

/**
 * The one place that pairs each platform's adapter with its meta. A new helpdesk is a folder under
 * lib/platforms/ plus one line here and one in metas.ts; nothing else in Baton names it.
 */
export const ADAPTERS: Record<Platform, PlatformAdapter> = {
  front: frontAdapter,
  gorgias: gorgiasAdapter,
  zendesk: zendeskAdapter,
};

/** The one place that maps a tab URL to a platform: every other module asks the registry. */
export function detectConversation(url: string): { adapter: PlatformAdapter; meta: PlatformMeta; ref: ConversationRef } | null {
  for (const adapter of Object.values(ADAPTERS)) {
    const ref = adapter.detect(url);
    if (ref) return { adapter, meta: metaFor(adapter.platform), ref };
  }
  return null;
}

export function adapterFor(platform: Platform): PlatformAdapter {
  return ADAPTERS[platform];
}
