// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NotifyStatus } from '@/components/sidebar/NotifyStatus';
import { deliveriesFor, type Delivery } from '@/lib/notify/outbox';
import { notifyLines } from '@/lib/notify/status';
import { finishedJournal } from './helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CTX = { platformLabel: 'Zendesk', conversationUrl: 'https://acme.zendesk.com/agent/tickets/7' };
const hooks = [
  { kind: 'slack' as const, url: 'https://hooks.slack.com/services/T0/B0/x' },
  { kind: 'json' as const, url: 'https://hooks.example.test/baton' },
];

async function outbox(patch: Partial<Delivery>[]): Promise<Delivery[]> {
  const ds = await deliveriesFor(finishedJournal(), hooks, CTX, 0);
  return ds.map((d, i) => ({ ...d, ...patch[i] }));
}

beforeEach(() => fakeBrowser.reset());

describe('sidebar line on notifications', () => {
  it('says who was told, who is being retried and why, and who gave up', async () => {
    const j = finishedJournal();
    expect(
      notifyLines(
        await outbox([{ status: 'delivered' }, { lastError: 'hooks.example.test had a server error (500).' }]),
        j.key,
        j.startedAt,
      ),
    ).toEqual([
      { state: 'delivered', text: 'Slack notified' },
      { state: 'retrying', text: 'Webhook hooks.example.test failed: hooks.example.test had a server error (500), retrying' },
    ]);
    expect(notifyLines(await outbox([{ status: 'failed', lastError: 'Gave up after 6 attempts: x.' }, {}]), j.key, j.startedAt)).toEqual([
      { state: 'failed', text: 'Slack not notified: Gave up after 6 attempts: x' },
      { state: 'sending', text: 'Notifying hooks.example.test…' },
    ]);
    // Another escalation of the same conversation (after Return to bot) has its own lines.
    expect(notifyLines(await outbox([{}, {}]), j.key, '2026-12-01T12:00:00.000Z')).toEqual([]);
  });

  it('follows the outbox as the background updates it', async () => {
    const j = finishedJournal();
    const el = document.createElement('div');
    document.body.append(el);
    const root = createRoot(el);
    await act(async () => root.render(<NotifyStatus journal={j} />));
    expect(el.textContent).toBe('');
    await act(async () => {
      await fakeBrowser.storage.local.set({
        'baton:notify-outbox': await outbox([{ lastError: 'hooks.slack.com had a server error (500).' }, { status: 'delivered' }]),
      });
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(el.textContent).toContain('Slack failed: hooks.slack.com had a server error (500), retrying');
    await act(async () => {
      await fakeBrowser.storage.local.set({ 'baton:notify-outbox': await outbox([{ status: 'delivered' }, { status: 'delivered' }]) });
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(el.querySelector('[data-testid="notify-status"]')!.textContent).toBe('Slack notifiedWebhook hooks.example.test notified');
    await act(async () => root.unmount());
    el.remove();
  });
});
