import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '@/entrypoints/background/dispatch';
import { handlers } from '@/entrypoints/background/handlers/index';
import { EscalationEventSchema } from '@/lib/notify/event';
import { optionsPage } from '@/test/fixtures/senders';

afterEach(() => {
  vi.unstubAllGlobals();
  fakeBrowser.reset();
});

const ask = (url: string, kind: 'slack' | 'json' = 'json') =>
  dispatch({ type: 'testWebhook', webhook: { kind, url } }, optionsPage(), handlers, () => {});

describe('Send test (background)', () => {
  it('posts one test event and says the receiver got it', async () => {
    const fetch = vi.fn(async () => new Response('ok', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    expect(await ask('https://hooks.example.test/baton')).toEqual({
      ok: true,
      data: { delivered: true, status: 200, message: 'hooks.example.test received the test notification.' },
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://hooks.example.test/baton');
    expect(EscalationEventSchema.parse(JSON.parse(init.body as string)).event).toBe('test');
  });

  it('names the receiver’s refusal, and a host the browser does not let Baton reach', async () => {
    vi.stubGlobal('fetch', async () => new Response('no_service', { status: 404 }));
    expect(await ask('https://hooks.slack.com/services/x', 'slack')).toMatchObject({
      ok: true,
      data: {
        delivered: false,
        status: 404,
        message: expect.stringMatching(/hooks\.slack\.com does not know this webhook address \(404\)/),
      },
    });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    Object.assign(fakeBrowser.permissions, { contains: async () => false });
    expect(await ask('https://hooks.slack.com/services/x', 'slack')).toMatchObject({
      ok: true,
      data: {
        delivered: false,
        message: expect.stringMatching(/Baton is not allowed to reach hooks\.slack\.com: allow it in Options → Notifications/),
      },
    });
  });
});
