import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '@/entrypoints/background/dispatch';
import { handlers } from '@/entrypoints/background/handlers/index';
import { connectionsItem, secretsStore } from '@/utils/storage';
import { contentScript } from '@/test/fixtures/senders';
import { resetSecrets } from '@/test/fixtures/secrets';

const OTHER = 'https://other-company.zendesk.com/agent/tickets/7';

beforeEach(async () => {
  fakeBrowser.reset();
  await resetSecrets();
  await connectionsItem.set({ zendesk: { account: 'acme', authMode: 'token', email: 'agent@acme.example' } });
  await secretsStore.write({ zendeskToken: 'zd-secret' });
});
afterEach(() => vi.unstubAllGlobals());

describe("another company's ticket open in token mode (review #12)", () => {
  it("is checked from the page's own messages; the token is not sent there, and the sidebar says why", async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const res = await dispatch(
      {
        type: 'check',
        ref: { platform: 'zendesk', account: 'other-company', conversationId: '7', idIsGuess: false },
        domMessages: [{ role: 'customer', text: 'I want to talk to a human please' }],
      },
      contentScript(OTHER),
      handlers,
      () => {},
    );
    expect(res.ok).toBe(true);
    const data = (res as { data: { apiProblem?: string; conversation: { source: string } } }).data;
    expect(data.conversation.source).toBe('dom');
    expect(data.apiProblem).toMatch(/only for acme, the account saved in Options, not for "other-company"/);
    expect(fetch).not.toHaveBeenCalled();
  });
});
