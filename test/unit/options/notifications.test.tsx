// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PolicySchema } from '@/lib/schema/policy';
import { useOptions } from '@/components/options/state/store';
import { useWebhookAccess } from '@/components/options/state/webhook-access';
import { $, byTestId, choose, click, mount, resetAll, stored, stubBackground, type, unmount, waitFor } from './helpers';

const HOOKS = 'policy.notify.webhooks';
const field = (path: string) => byTestId<HTMLInputElement>(`field-${path}`);
const errorOf = (path: string) => $(`#f-${path.replace(/\./g, '-')}-error`).textContent ?? '';
const savedPolicy = async () => PolicySchema.parse(await stored('sync', 'baton:policy'));
const SLACK_URL = 'https://hooks.slack.com/services/T0/B0/secret';

/** The browser's permission API as the test scripts it: what `request` answers, and every call made. */
function permissions(answer: () => Promise<boolean>, granted = new Set<string>()) {
  const request = vi.fn((p: { origins: string[] }) => answer().then((ok) => (ok && p.origins.forEach((o) => granted.add(o)), ok)));
  const contains = vi.fn(async (p: { origins: string[] }) => p.origins.every((o) => granted.has(o)));
  Object.assign(fakeBrowser.permissions, { request, contains });
  return { request, contains };
}

beforeEach(async () => {
  await resetAll();
  useWebhookAccess.setState({ access: {}, tests: {} }, true);
  await fakeBrowser.storage.sync.set({ 'baton:policy': PolicySchema.parse({ version: 3, scope: 'Online store' }) });
});
afterEach(unmount);

describe('notifications: options', () => {
  it('an address that is not https is named at its field, and saving is refused', async () => {
    permissions(async () => true);
    await mount();
    await click(byTestId('add-webhook'));
    await type(field(`${HOOKS}.0.url`), 'http://hooks.example.test/baton');
    expect(errorOf(`${HOOKS}.0.url`)).toMatch(/must start with https:\/\//);
    await click(byTestId('save'));
    await waitFor(() => byTestId('error-summary'));
    expect((await savedPolicy()).notify.webhooks).toEqual([]);
  });

  it('saving asks the browser for the webhook’s host in the same click, and saves without waiting for the answer', async () => {
    let answer!: (ok: boolean) => void;
    const p = permissions(() => new Promise<boolean>((r) => (answer = r)));
    await mount();
    await click(byTestId('add-webhook'));
    await choose(field(`${HOOKS}.0.kind`), 'json');
    await type(field(`${HOOKS}.0.url`), 'https://hooks.example.test:8443/baton');
    await click(byTestId('save'));
    // Called inside the click: the only moment a browser shows the prompt.
    expect(p.request).toHaveBeenCalledWith({ origins: ['https://hooks.example.test/*'] });
    await waitFor(() => useOptions.getState().saveStatus.state === 'saved');
    expect((await savedPolicy()).notify.webhooks).toEqual([{ kind: 'json', url: 'https://hooks.example.test:8443/baton' }]);
    expect(byTestId('webhook-access-0').dataset.access).toBe('asking');

    answer(false);
    await waitFor(() => byTestId('webhook-access-0').dataset.access === 'refused');
    expect(byTestId('webhook-access-0').textContent).toMatch(
      /Refused: Baton cannot send notifications to hooks\.example\.test:8443 until you allow it/,
    );
    expect(byTestId('webhook-access-0').getAttribute('role')).toBe('alert');
  });

  it('Allow asks again and shows the host allowed', async () => {
    const p = permissions(async () => true);
    await fakeBrowser.storage.sync.set({
      'baton:policy': PolicySchema.parse({ version: 3, scope: 'Online store', notify: { webhooks: [{ kind: 'slack', url: SLACK_URL }] } }),
    });
    await mount();
    await waitFor(() => byTestId('webhook-access-0').dataset.access === 'missing');
    await click(byTestId('webhook-allow-0'));
    expect(p.request).toHaveBeenCalledWith({ origins: ['https://hooks.slack.com/*'] });
    await waitFor(() => byTestId('webhook-access-0').dataset.access === 'allowed');
  });

  it('Send test posts through the background and shows what the receiver said', async () => {
    permissions(async () => true);
    const bg = stubBackground({
      testWebhook: async () => ({
        ok: true,
        data: { delivered: false, status: 404, message: 'hooks.slack.com does not know this webhook address (404).' },
      }),
    });
    await mount();
    await click(byTestId('add-webhook'));
    await type(field(`${HOOKS}.0.url`), SLACK_URL);
    await click(byTestId('webhook-test-0'));
    await waitFor(() => byTestId('webhook-test-result-0').dataset.state === 'error');
    expect(byTestId('webhook-test-result-0').textContent).toMatch(/does not know this webhook address/);
    expect(bg).toHaveBeenCalledWith({ type: 'testWebhook', webhook: { kind: 'slack', url: SLACK_URL } });
  });

  it('Remove takes the webhook out of the form', async () => {
    permissions(async () => true);
    await mount();
    await click(byTestId('add-webhook'));
    await click(byTestId('add-webhook'));
    await click($('[data-testid="webhook-1"] .card-head button'));
    expect(document.querySelectorAll('[data-testid^="webhook-"][data-testid$="1"]').length).toBe(0);
    expect(byTestId('webhook-0')).toBeTruthy();
  });
});
