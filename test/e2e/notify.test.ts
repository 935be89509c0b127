import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configure, verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import type { ReceivedWebhook, WebhookReceiver } from '../sandbox/webhooks';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationUrl } from '../fixtures/urls';
import { EscalationEventSchema } from '@/lib/notify/event';
import type { Delivery } from '@/lib/notify/outbox';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';
import type { Policy } from '@/lib/schema/policy';

/**
 * What a team sees in Slack and in their own service when an agent escalates. The extension has no host
 * permission for the webhooks here: headless Chromium never settles `permissions.request` (its prompt cannot
 * be answered), so nothing could grant it. Deliveries reach the sandbox because its receiver answers CORS
 * preflights, as a real Slack hook does not; the permission request itself is covered by the Options unit test.
 */
const SLACK = { kind: 'slack' as const, url: 'https://hooks.slack.com/services/T000/B000/sandbox' };
const JSON_HOOK = { kind: 'json' as const, url: 'https://hooks.example.test/baton/escalations' };

const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => {
    receiver = sandbox.platforms.webhooks as WebhookReceiver;
    policy = await demoPolicy(Object.values(sandbox.platforms), { notify: { webhooks: [SLACK, JSON_HOOK] } });
    return { policy, connections: { front: { authorEmail: 'dana@acme-support.example' } } };
  },
});
let policy: Policy;
let receiver: WebhookReceiver;

beforeEach(async () => {
  await e2e.browser.worker.evaluate(() => (globalThis as any).chrome.storage.local.remove('baton:notify-outbox'));
});

const outbox = (): Promise<Delivery[]> =>
  e2e.browser.worker.evaluate(
    async () => ((await (globalThis as any).chrome.storage.local.get('baton:notify-outbox'))['baton:notify-outbox'] ?? []) as never,
  );

/** Waits until every delivery queued for the escalation is delivered or given up: nothing more will be sent. */
async function settled(expected: number): Promise<Delivery[]> {
  await expect
    .poll(async () => (await outbox()).filter((d) => d.status === 'delivered' || d.status === 'failed').length, { timeout: 60_000 })
    .toBe(expected);
  return outbox();
}

const at = (host: string) => receiver.received().filter((r) => r.host === host);
const ok = (rs: ReceivedWebhook[]) => rs.filter((r) => r.answered === 200);

async function escalate(platform: Platform, key: string): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(conversationUrl(platform, key));
  expect(await verdictStatus(page)).toBe('escalate');
  await page.locator('[data-testid="escalate"]').click();
  await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
  const statuses = await page.locator('[data-testid="steps"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  expect(statuses.every((s) => s === 'done' || s === 'skipped')).toBe(true);
  return page;
}

describe.each(PLATFORMS)('%s: notifications on escalation', (platform) => {
  it('Slack and the JSON webhook each get exactly one payload with summary, reason, target and the conversation link', async () => {
    const page = await escalate(platform, 'human_request');
    const link = conversationUrl(platform, 'human_request');
    const deliveries = await settled(2);
    expect(deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered']);

    // The sidebar reading the conversation again (a reload re-checks it) queues nothing new.
    await page.reload();
    await verdictStatus(page);
    expect(await settled(2)).toHaveLength(2);

    const [slack] = at('hooks.slack.com');
    const [json] = at('hooks.example.test');
    expect(at('hooks.slack.com')).toHaveLength(1);
    expect(at('hooks.example.test')).toHaveLength(1);
    expect(slack.path).toBe('/services/T000/B000/sandbox');
    expect(json.path).toBe('/baton/escalations');

    const event = EscalationEventSchema.parse(json.body);
    expect(event).toMatchObject({ event: 'escalation', platform, conversation: { url: link } });
    expect(event.reason).toMatch(/\w/);
    expect(event.target?.name).toMatch(/return/i);
    expect(event.signals.map((s) => s.kind)).toContain('user_requested_human');
    expect(Object.keys(event.summary).length).toBeGreaterThan(0);
    expect(json.headers['x-baton-delivery']).toBe(event.deliveryId);

    const message = slack.body as { text: string; blocks: unknown[] };
    expect(message.text).toContain(`Escalated to ${event.target!.name}: `);
    const blocks = JSON.stringify(message.blocks);
    expect(blocks).toContain(`<${link}|Open `);
    expect(blocks).toContain('*Reason:*');
    expect(slack.headers['x-baton-delivery']).toMatch(/^dlv_/);
    expect(slack.headers['x-baton-delivery']).not.toBe(event.deliveryId);
    await page.close();
  });

  it('a Slack POST that fails first is retried: one payload lands, the escalation finished normally', async () => {
    receiver.failNext({ host: 'hooks.slack.com', times: 1, status: 500 });
    const page = await escalate(platform, 'bot_handoff');
    expect(await page.locator('[data-testid="retry"]').count()).toBe(0);
    await settled(2);
    const slack = at('hooks.slack.com');
    expect(slack.map((r) => r.answered)).toEqual([500, 200]);
    // The retry is the same delivery, so a receiver that saw the first one can drop it.
    expect(slack[0].headers['x-baton-delivery']).toBe(slack[1].headers['x-baton-delivery']);
    expect(ok(slack)).toHaveLength(1);
    expect(ok(at('hooks.example.test'))).toHaveLength(1);
    await page.close();
  });
});

describe('rate limits', () => {
  it('a 429 with Retry-After is waited out and the payload lands once', async () => {
    receiver.failNext({ host: 'hooks.example.test', times: 1, status: 429, retryAfter: 1 });
    const page = await escalate('zendesk', 'spanish_human');
    await settled(2);
    expect(at('hooks.example.test').map((r) => r.answered)).toEqual([429, 200]);
    expect(ok(at('hooks.slack.com'))).toHaveLength(1);
    await page.close();
  });
});

describe('options', () => {
  it('a webhook saved in Options is told about the next escalation; the host prompt, unanswerable headless, never holds up the save', async () => {
    await configure(e2e.browser.worker, { policy: { ...policy, notify: { webhooks: [] } } });
    const options = await e2e.browser.context.newPage();
    await options.goto(`chrome-extension://${e2e.browser.extensionId}/options.html#notifications`);
    await options.locator('[data-testid="options"][data-phase="ready"]').waitFor({ timeout: 20_000 });
    await options.getByTestId('add-webhook').click();
    await options.getByTestId('field-policy.notify.webhooks.0.kind').selectOption('json');
    await options.getByTestId('field-policy.notify.webhooks.0.url').fill(JSON_HOOK.url);
    await options.getByTestId('save').click();
    await options.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
    // Chromium's prompt is open and nobody can answer it here: Options says it is waiting, not that it was allowed.
    await expect.poll(() => options.getByTestId('webhook-access-0').getAttribute('data-access')).toBe('asking');
    await options.close();

    const page = await escalate('gorgias', 'human_request');
    await settled(1);
    expect(ok(at('hooks.example.test'))).toHaveLength(1);
    expect(at('hooks.slack.com')).toHaveLength(0);
    expect(EscalationEventSchema.parse(at('hooks.example.test')[0].body).conversation.url).toBe(
      conversationUrl('gorgias', 'human_request'),
    );
    await page.close();
    await configure(e2e.browser.worker, { policy });
  });
});

describe('worker restart', () => {
  it('a delivery waiting for its retry when the worker stops is sent by the next worker, once', async () => {
    receiver.failNext({ host: 'hooks.slack.com', times: 1, status: 429, retryAfter: 8 });
    const page = await escalate('front', 'human_request');
    await expect.poll(() => at('hooks.slack.com').length, { timeout: 30_000 }).toBe(1);
    expect(ok(at('hooks.example.test'))).toHaveLength(1);

    // Stop the worker the way Chromium does when it idles (DevTools protocol, from an extension page of the
    // same origin); the options page opened next wakes a new one, which must find the pending delivery.
    const ext = await e2e.browser.context.newPage();
    await ext.goto(`chrome-extension://${e2e.browser.extensionId}/options.html`);
    // The page's own requests (its secrets and Front's lists) are answered first, so none of them wakes the
    // worker again right after it is stopped.
    await ext.locator('[data-testid="options"][data-phase="ready"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => ext.getByTestId('targets-front').getAttribute('data-state'), { timeout: 20_000 }).toMatch(/ready|error/);
    const cdp = await e2e.browser.context.newCDPSession(ext);
    const versions: { versionId: string; runningStatus: string }[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { versionId: string; runningStatus: string }[] }) =>
      versions.push(...e.versions),
    );
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => versions.some((v) => v.runningStatus === 'running'), { timeout: 10_000 }).toBe(true);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => versions.at(-1)?.runningStatus, { timeout: 10_000 }).toBe('stopped');
    // Stopped while the retry was still waiting: only the new worker can send it.
    expect(ok(at('hooks.slack.com'))).toHaveLength(0);
    await ext.reload();
    await expect.poll(() => ok(at('hooks.slack.com')).length, { timeout: 30_000 }).toBe(1);
    expect(versions.at(-1)?.runningStatus).toBe('running');
    // The receiver has the request before the worker has its answer and writes 'delivered'; wait for that write.
    await expect.poll(async () => (await outbox()).map((d) => d.status), { timeout: 10_000 }).toEqual(['delivered', 'delivered']);
    expect(at('hooks.slack.com').map((r) => r.answered)).toEqual([429, 200]);
    expect(at('hooks.example.test')).toHaveLength(1);
    await page.close();
    await ext.close();
  });
});
