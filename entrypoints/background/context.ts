import { createHttpClient } from '@/lib/http/client';
import { adapterFor, metaFor } from '@/lib/platforms';
import type { AdapterContext, PlatformAdapter } from '@/lib/platforms/types';
import type { ConversationRef } from '@/lib/schema/conversation';
import type { Transport } from '@/lib/http/types';
import type { Policy } from '@/lib/schema/policy';
import type { Connections, Secrets } from '@/lib/schema/connections';
import { connectionsItem, secretsStore } from '@/utils/storage';
import { connectionOf, controlTransport, transportFor } from './transports';

/**
 * Builds the adapter context for one conversation (or an account, when conversationId is empty). `stored`:
 * connections and secrets the caller already read alongside the policy, so they are not read a second time.
 */
export async function contextFor(
  ref: ConversationRef,
  policy: Policy,
  tabId: number | undefined,
  stored?: { connections: Connections; secrets: Secrets },
  /** Wraps the transport (the queue watch paces and counts its requests). */
  wrap?: (transport: Transport) => Transport,
): Promise<{ adapter: PlatformAdapter; ctx: AdapterContext }> {
  const adapter = adapterFor(ref.platform);
  const { connections, secrets } = stored ?? (await readStored());
  const { transport, authMode } = transportFor(adapter, ref, connections, secrets, tabId);
  const http = createHttpClient({ transport: wrap ? wrap(transport) : transport, platformLabel: metaFor(ref.platform).label });
  // Adapters read their own non-secret settings (API host, the agent's author id) from their slice.
  const connection = connectionOf(connections, ref.platform);
  const control = controlTransport(adapter, ref, connections, secrets);
  return {
    adapter,
    ctx: {
      ref,
      http,
      authMode,
      botIdentity: policy.botIdentity[ref.platform],
      connection,
      pause: policy.suspend.pause[ref.platform],
      ...(control ? { control: createHttpClient({ transport: control, platformLabel: metaFor(ref.platform).label }) } : {}),
    },
  };
}

async function readStored(): Promise<{ connections: Connections; secrets: Secrets }> {
  const [connections, { value: secrets }] = await Promise.all([connectionsItem.get(), secretsStore.read()]);
  return { connections, secrets };
}
