import { describe, expect, it } from 'vitest';
import { runJournal } from '@/lib/executor/run';
import { TransportError } from '@/lib/http/types';
import { createNotifier, deliveriesFor, KEEP_SETTLED_MS, prune } from '@/lib/notify/outbox';
import { RETRY } from '@/lib/notify/retry';
import type { Operation, PlatformAdapter } from '@/lib/platforms/types';
import type { Webhook } from '@/lib/schema/notify';
import { memoryStore } from '@/test/fixtures/journal-store';
import { finishedJournal, memoryOutbox, scriptedReceiver } from './helpers';

const SLACK: Webhook = { kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/x' };
const JSON_HOOK: Webhook = { kind: 'json', url: 'https://hooks.example.test/baton' };
const CTX = { platformLabel: 'Zendesk', conversationUrl: 'https://acme.zendesk.com/agent/tickets/7' };
const fail500 = { status: 500, headers: {}, body: 'internal_error' };

/** A clock the test moves by hand. */
function clock(start = Date.parse('2026-12-01T10:00:05Z')) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('notification outbox', () => {
  it('sends each escalation once per webhook, with the delivery id as a header', async () => {
    const box = memoryOutbox();
    const rx = scriptedReceiver();
    const c = clock();
    const n = createNotifier({ store: box, transport: rx.transport, now: c.now });
    const ds = await deliveriesFor(finishedJournal(), [SLACK, JSON_HOOK], CTX, c.t);
    expect(await n.enqueue(ds)).toBe(2);
    expect(await n.drain()).toBeNull();
    expect(rx.got.map((r) => r.url).sort()).toEqual([JSON_HOOK.url, SLACK.url]);
    for (const r of rx.got) expect(r.headers!['X-Baton-Delivery']).toMatch(/^dlv_/);
    expect(new Set(rx.got.map((r) => r.headers!['X-Baton-Delivery'])).size).toBe(2);
    expect(box.list.every((d) => d.status === 'delivered')).toBe(true);
    // A re-check, a second tab or a journal write after the escalation queues the same ids: nothing new.
    expect(await n.enqueue(await deliveriesFor(finishedJournal(), [SLACK, JSON_HOOK], CTX, c.t))).toBe(0);
    await n.drain();
    expect(rx.got).toHaveLength(2);
  });

  it('keeps no note or summary text once a delivery is settled, only who was told and the evidence', async () => {
    const box = memoryOutbox();
    const rx = scriptedReceiver();
    const c = clock();
    const n = createNotifier({ store: box, transport: rx.transport, now: c.now });
    const [d] = await deliveriesFor(finishedJournal(), [JSON_HOOK], CTX, c.t);
    expect(d.event.note).not.toBe('');
    await n.enqueue([d]);
    // While it waits, the text is what the webhook will receive.
    expect(box.list[0].event.note).toBe(d.event.note);
    await n.drain();
    expect((rx.got[0].body as { note: string }).note).toBe(d.event.note);
    expect(box.list[0]).toMatchObject({ status: 'delivered', event: { note: '', summary: {} } });
    expect(box.list[0].event.signals).toEqual(d.event.signals);
  });

  it('two drains at once (a timer and a journal write) send a delivery once', async () => {
    const box = memoryOutbox();
    const rx = scriptedReceiver();
    const n = createNotifier({ store: box, transport: rx.transport, now: clock().now });
    await n.enqueue(await deliveriesFor(finishedJournal(), [SLACK], CTX, clock().t));
    await Promise.all([n.drain(), n.drain(), n.drain()]);
    expect(rx.got).toHaveLength(1);
  });

  it('a failed first POST is retried after the backoff, across a worker restart, and lands once', async () => {
    const box = memoryOutbox();
    const c = clock();
    const rx = scriptedReceiver([fail500]);
    const before = createNotifier({ store: box, transport: rx.transport, now: c.now, random: () => 1 });
    await before.enqueue(await deliveriesFor(finishedJournal(), [SLACK], CTX, c.t));
    const next = await before.drain();
    expect(next).toBe(c.t + RETRY.baseMs);
    expect(box.list[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'hooks.slack.com had a server error (500).' });

    // The worker stops; a new one starts with the stored outbox and catches up on the finished journal again.
    const after = createNotifier({ store: box, transport: rx.transport, now: c.now });
    expect(await after.enqueue(await deliveriesFor(finishedJournal(), [SLACK], CTX, c.t))).toBe(0);
    await after.drain();
    expect(rx.got).toHaveLength(1); // not due yet
    c.t = next!;
    expect(await after.drain()).toBeNull();
    expect(rx.got).toHaveLength(2);
    expect(rx.got[0].headers!['X-Baton-Delivery']).toBe(rx.got[1].headers!['X-Baton-Delivery']);
    expect(box.list[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('a POST cut off by the worker stopping is sent again by the next worker, with the same delivery id', async () => {
    const box = memoryOutbox();
    const c = clock();
    const [d] = await deliveriesFor(finishedJournal(), [JSON_HOOK], CTX, c.t);
    box.list = [{ ...d, status: 'sending', attempts: 1 }];
    const rx = scriptedReceiver();
    await createNotifier({ store: box, transport: rx.transport, now: c.now }).drain();
    expect(rx.got).toHaveLength(1);
    expect((rx.got[0].body as { deliveryId: string }).deliveryId).toBe(d.id);
    expect(box.list[0].status).toBe('delivered');
  });

  it('honours Retry-After on 429', async () => {
    const box = memoryOutbox();
    const c = clock();
    const rx = scriptedReceiver([{ status: 429, headers: { 'retry-after': '45' }, body: 'rate_limited' }]);
    const n = createNotifier({ store: box, transport: rx.transport, now: c.now });
    await n.enqueue(await deliveriesFor(finishedJournal(), [SLACK], CTX, c.t));
    expect(await n.drain()).toBe(c.t + 45_000);
  });

  it('gives up after the bounded number of attempts, saying why, and the escalation is untouched', async () => {
    // The escalation runs and finishes on a fake helpdesk, as the worker would.
    const journals = memoryStore();
    const desk = {
      escalationOps: (_c: unknown, _p: unknown, remaining: string[]): Operation[] => [{ covers: remaining as never, run: async () => {} }],
      resumeOps: () => [],
    } as unknown as PlatformAdapter;
    const started = { ...finishedJournal(), finishedAt: undefined };
    await journals.put(started);
    const finished = await runJournal(started, desk, {} as never, journals);
    expect(finished.finishedAt).toBeDefined();
    const stored = structuredClone(journals.data.get(finished.key));

    const box = memoryOutbox();
    const c = clock();
    const down = async () => {
      throw new TransportError('Failed to fetch', 'network');
    };
    const n = createNotifier({ store: box, transport: down, now: c.now });
    await n.enqueue(await deliveriesFor(finished, [JSON_HOOK], CTX, c.t));
    let next = await n.drain();
    for (let i = 0; next !== null && i < 20; i++) {
      c.t = next;
      next = await n.drain();
    }
    expect(box.list[0]).toMatchObject({
      status: 'failed',
      attempts: RETRY.maxAttempts,
      lastError: `Gave up after ${RETRY.maxAttempts} attempts: hooks.example.test could not be reached (Failed to fetch).`,
    });
    expect(journals.data.get(finished.key)).toEqual(stored);
  });

  it('forgets settled deliveries after a week, never pending ones', async () => {
    const c = clock();
    const [d] = await deliveriesFor(finishedJournal(), [SLACK], CTX, c.t);
    const old = { ...d, id: 'old', status: 'delivered' as const, settledAt: c.t - KEEP_SETTLED_MS - 1 };
    const waiting = { ...d, id: 'waiting', createdAt: c.t - KEEP_SETTLED_MS * 2 };
    expect(prune([old, waiting], c.t).map((x) => x.id)).toEqual(['waiting']);
  });
});
