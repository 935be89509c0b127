// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://acme.zendesk.com/agent/tickets/1"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listenForTabRequests } from '@/entrypoints/content/session-fetch';

/** The content script's relay on a Zendesk agent page, with the page's fetch recorded. */
function relay() {
  const sent: { url: string; method: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ url, method: String(init.method) });
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  const ctx = { isInvalid: false, addEventListener: () => {}, onInvalidated: () => {} } as unknown as ContentScriptContext;
  listenForTabRequests(ctx, () => {});
  const ask = async (method: string, url: string) => {
    const message = { type: 'sessionFetch', request: { method, url, headers: {} } };
    const [answer] = (await fakeBrowser.runtime.onMessage.trigger(message, {}, () => {})) as unknown[];
    return answer as { ok: boolean; message?: string };
  };
  return { sent, ask };
}

afterEach(() => {
  vi.unstubAllGlobals();
  fakeBrowser.reset();
});

describe("the agent's tab relays only Baton's API requests with the agent's cookies (review #13)", () => {
  it('a ticket read and a ticket update under /api/v2/ are sent', async () => {
    const { sent, ask } = relay();
    expect((await ask('GET', 'https://acme.zendesk.com/api/v2/tickets/1.json')).ok).toBe(true);
    expect((await ask('PUT', 'https://acme.zendesk.com/api/v2/tickets/1.json')).ok).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it.each([
    ['GET', 'https://acme.zendesk.com/access/logout'],
    ['POST', 'https://acme.zendesk.com/api/v2/users/me/password.json'],
    ['DELETE', 'https://acme.zendesk.com/api/v2/tickets/1.json'],
    ['GET', 'https://acme.zendesk.com/api/v2/../../admin'],
    ['GET', 'https://other.zendesk.com/api/v2/tickets/1.json'],
  ])('%s %s is refused and never reaches the network', async (method, url) => {
    const { sent, ask } = relay();
    const answer = await ask(method, url);
    expect(answer.ok).toBe(false);
    expect(answer.message).toMatch(/Session requests|Cross-origin/);
    expect(sent).toEqual([]);
  });
});
