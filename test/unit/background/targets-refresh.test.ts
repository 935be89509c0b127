import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { optionsPage } from '@/test/fixtures/senders';
import { resetSecrets } from '@/test/fixtures/secrets';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '@/entrypoints/background/dispatch';
import { handlers } from '@/entrypoints/background/handlers/index';
import { connectionsItem, secretsStore } from '@/utils/storage';

/** A Zendesk account whose groups the test changes, answering like the API over a token. */
function zendeskWithGroups(groups: { id: number; name: string }[]) {
  const requests: string[] = [];
  const fake = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    requests.push(url.pathname);
    const body = url.pathname.endsWith('/groups.json')
      ? { groups }
      : url.pathname.endsWith('/users.json')
        ? { users: [] }
        : url.pathname.endsWith('/views.json')
          ? { views: [] }
          : null;
    return new Response(JSON.stringify(body ?? { error: 'not found' }), {
      status: body ? 200 : 404,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fake);
  return requests;
}

const ask = async (refresh?: boolean) => {
  const res = await dispatch(
    { type: 'targets', platform: 'zendesk', account: 'acme', ...(refresh === undefined ? {} : { refresh }) },
    optionsPage(),
    handlers,
  );
  if (!res.ok) throw new Error(res.error);
  return (res.data as { name: string }[]).map((t) => t.name);
};

beforeEach(async () => {
  fakeBrowser.reset();
  await resetSecrets();
  await connectionsItem.set({ zendesk: { account: 'acme', authMode: 'token', email: 'agent@acme.example' } });
  await secretsStore.write({ zendeskToken: 'sandbox-zendesk-token' });
});
afterEach(() => vi.unstubAllGlobals());

describe('targets list', () => {
  it('is cached briefly, and Refresh shows what the helpdesk has now', async () => {
    const groups = [{ id: 1, name: 'Tier 1' }];
    const requests = zendeskWithGroups(groups);
    // Refreshing first keeps this test independent of lists cached by other tests in the same worker.
    expect(await ask(true)).toEqual(['Tier 1']);
    const afterFirst = requests.length;
    expect(afterFirst).toBeGreaterThan(0);

    groups.push({ id: 2, name: 'Returns team' });
    // Without refresh the short-lived cache answers: no request reaches the helpdesk.
    expect(await ask()).toEqual(['Tier 1']);
    expect(requests.length).toBe(afterFirst);

    // The refresh flag the sidebar and Options send when the user presses Refresh goes to the helpdesk again.
    expect(await ask(true)).toEqual(['Tier 1', 'Returns team']);
    expect(requests.length).toBeGreaterThan(afterFirst);
  });
});
