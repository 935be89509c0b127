import type { ConversationRef, Platform } from '../schema/conversation';
import type { PlatformAdapter } from './types';
import { frontAdapter } from './front';
import { gorgiasAdapter } from './gorgias';
import { zendeskAdapter } from './zendesk';

export const ADAPTERS: Record<Platform, PlatformAdapter> = {
  front: frontAdapter,
  gorgias: gorgiasAdapter,
  zendesk: zendeskAdapter,
};

/** The one place that maps a tab URL to a platform: every other module asks the adapter. */
export function detectConversation(url: string): { adapter: PlatformAdapter; ref: ConversationRef } | null {
  for (const adapter of Object.values(ADAPTERS)) {
    const ref = adapter.detect(url);
    if (ref) return { adapter, ref };
  }
  return null;
}

export function adapterFor(platform: Platform): PlatformAdapter {
  return ADAPTERS[platform];
}
