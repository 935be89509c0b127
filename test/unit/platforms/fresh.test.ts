import { describe, expect, it } from 'vitest';
import { createHttpClient } from '@/lib/http/client';
import { RatePacer } from '@/lib/http/budget';
import type { Transport } from '@/lib/http/types';
import { ADAPTERS } from '@/lib/platforms';
import { readFresh } from '@/lib/platforms/fresh';
import type { AdapterContext } from '@/lib/platforms/types';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';
import { defaultPlatforms } from '@/test/sandbox/server';
import type { SandboxModule } from '@/test/sandbox/admin';
import { inProcessTransport } from '@/test/sandbox/inprocess';
import { sandboxAuth } from '@/test/fixtures/demo-policy';
import { conversationId } from '@/test/fixtures/urls';

/** Each adapter's "changed since" read against the in-process sandbox, through the gate the worker uses. */
async function setup(platform: Platform) {
  const modules = (await defaultPlatforms()) as SandboxModule[];
  const sent: string[] = [];
  const inner = inProcessTransport(modules);
  const transport: Transport = (req) => {
    sent.push(`${req.method} ${new URL(req.url).pathname}`);
    return inner(req);
  };
  const http = createHttpClient({
    transport,
    platformLabel: ADAPTERS[platform].label,
    headers: sandboxAuth(platform),
    sleep: async () => {},
    pacer: new RatePacer(),
  });
  const id = conversationId(platform, 'tracking_resolved');
  const ctx: AdapterContext = {
    ref: { platform, account: platform === 'front' ? 'app' : 'acme', conversationId: id, idIsGuess: false },
    http,
    authMode: 'token',
    botIdentity: { ids: [], names: [], emails: [] },
  };
  const mod = modules.find((m) => m.name === platform)!;
  const addMessage = (text: string) =>
    mod.admin!({
      method: 'POST',
      host: 'sandbox',
      path: `/__admin/${platform}/conversations/${id}/messages`,
      query: {},
      headers: {},
      body: { role: 'customer', text },
      cookies: {},
    });
  return { adapter: ADAPTERS[platform], ctx, sent, addMessage };
}

describe.each(PLATFORMS)('%s: an open conversation is read again only when it changed', (platform) => {
  it('unchanged: one request, and the conversation read before', async () => {
    const { adapter, ctx, sent } = await setup(platform);
    const first = await readFresh(adapter, ctx, undefined);
    expect(first.reread).toBe(true);
    sent.length = 0;
    const again = await readFresh(adapter, ctx, first.conversation);
    expect(again).toEqual({ conversation: first.conversation, reread: false });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^GET /);
  });

  it('a new message: read again in full, the message included', async () => {
    const { adapter, ctx, addMessage } = await setup(platform);
    const first = await readFresh(adapter, ctx, undefined);
    await addMessage('Actually, can a person call me about this?');
    const again = await readFresh(adapter, ctx, first.conversation);
    expect(again.reread).toBe(true);
    expect(again.conversation.messages.at(-1)?.text).toContain('can a person call me');
  });

  it('a conversation read from the page is never taken as the API state', async () => {
    const { adapter, ctx } = await setup(platform);
    const first = await readFresh(adapter, ctx, undefined);
    const again = await readFresh(adapter, ctx, { ...first.conversation, source: 'dom' });
    expect(again.reread).toBe(true);
  });
});
