import { createHttpClient } from '@/lib/http/client';
import { adapterFor, metaFor } from '@/lib/platforms';
import type { AdapterContext, PlatformAdapter } from '@/lib/platforms/types';
import type { ConversationRef } from '@/lib/schema/conversation';
import type { Policy } from '@/lib/schema/policy';
import { connectionsItem, secretsStore } from '@/utils/storage';
import { connectionOf, transportFor } from './transports';

/** Builds the adapter context for one conversation (or an account, when conversationId is empty). */
export async function contextFor(
  ref: ConversationRef,
  policy: Policy,
  tabId: number | undefined,
): Promise<{ adapter: PlatformAdapter; ctx: AdapterContext }> {
  const adapter = adapterFor(ref.platform);
  const [connections, { value: secrets }] = await Promise.all([connectionsItem.get(), secretsStore.read()]);
  const { transport, authMode } = transportFor(adapter, ref, connections, secrets, tabId);
  const http = createHttpClient({ transport, platformLabel: metaFor(ref.platform).label });
  // Adapters read their own non-secret settings (API host, the agent's author id) from their slice.
  const connection = connectionOf(connections, ref.platform);
  return {
    adapter,
    ctx: {
      ref,
      http,
      authMode,
      botIdentity: policy.botIdentity[ref.platform],
      apiBase: typeof connection.apiBase === 'string' ? connection.apiBase : undefined,
      connection,
    },
  };
}
