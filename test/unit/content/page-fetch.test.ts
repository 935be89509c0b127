import { describe, expect, it, vi } from 'vitest';
import { pageFetch } from '@/entrypoints/content/session-fetch';

describe("session requests are made as the page's own (Firefox's content.fetch)", () => {
  it('uses content.fetch where the browser gives one, called on the page', async () => {
    const content = {
      fetch: vi.fn(async function (this: unknown) {
        expect(this).toBe(content);
        return new Response('{}');
      }),
    };
    await pageFetch({ content })('https://acme.example/api/v2/tickets/1.json', { method: 'GET' });
    expect(content.fetch).toHaveBeenCalledWith('https://acme.example/api/v2/tickets/1.json', { method: 'GET' });
  });

  it("falls back to the content script's fetch elsewhere (Chromium has no content.fetch)", async () => {
    const global = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', global);
    await pageFetch({})('https://acme.example/api/v2/tickets/1.json');
    expect(global).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });
});
