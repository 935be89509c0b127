import { createHttpClient } from '../../lib/http/client';
import { adapterFor } from '../../lib/platforms';
import type { AdapterContext, PlatformAdapter } from '../../lib/platforms/types';
import type { ConversationRef } from '../../lib/schema/conversation';
import type { Policy } from '../../lib/schema/policy';
import { readConnections, readSecrets } from '../../utils/settings';
import { transportFor } from './transports';

/** Builds the adapter context for one conversation (or an account, when conversationId is empty). */
export async function contextFor(
  ref: ConversationRef,
  policy: Policy,
  tabId: number | undefined,
): Promise<{ adapter: PlatformAdapter; ctx: AdapterContext }> {
  const adapter = adapterFor(ref.platform);
  const [connections, secrets] = await Promise.all([readConnections(), readSecrets()]);
  const { transport, authMode } = transportFor(adapter, ref, connections, secrets, tabId);
  const http = createHttpClient({ transport, platformLabel: adapter.label });
  return {
    adapter,
    ctx: {
      ref,
      http,
      authMode,
      botIdentity: policy.botIdentity[ref.platform],
      apiBase: ref.platform === 'front' ? connections.front.apiBase : undefined,
    },
  };
}
