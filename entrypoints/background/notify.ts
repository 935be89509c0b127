import { browser } from 'wxt/browser';
import { fetchTransport } from '@/lib/http/client';
import { TransportError, type Transport } from '@/lib/http/types';
import { createNotifier, deliveriesFor, hostOf, type Delivery, type Notifier } from '@/lib/notify/outbox';
import { adapterFor, labelOf } from '@/lib/platforms';
import type { Journal } from '@/lib/schema/plan';
import { policyStore } from '@/utils/storage';
import { onJournalWrites, readAllJournals } from '@/utils/storage/journals';
import { notifyOutboxItem } from '@/utils/storage/notify-outbox';

const ALARM = 'baton:notify';
/**
 * Only escalations finished this recently are announced: a journal write long after the escalation (Return
 * to bot, a webhook added later, an update replaying old journals) must not announce an old one.
 */
export const FRESH_MS = 10 * 60_000;
/** Chromium does not fire alarms sooner than this; shorter waits use a timer while the worker is awake. */
const ALARM_FLOOR_MS = 30_000;

/** A refused host permission looks like any failed fetch; say which it is, so the team lead knows what to do. */
function explainingTransport(inner: Transport): Transport {
  return async (req) => {
    try {
      return await inner(req);
    } catch (e) {
      if (!(e instanceof TransportError) || e.kind !== 'network') throw e;
      // Match patterns carry no port, as Options asks for them (components/options/state/webhook-access.ts).
      const u = new URL(req.url);
      const allowed = await browser.permissions.contains({ origins: [`${u.protocol}//${u.hostname}/*`] }).catch(() => true);
      if (allowed) throw e;
      throw new TransportError(`Baton is not allowed to reach ${hostOf(req.url)}: allow it in Options → Notifications`, 'network');
    }
  };
}

export const webhookTransport: Transport = explainingTransport(fetchTransport((input, init) => fetch(input, init)));

let notifier: Notifier | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function getNotifier(): Notifier {
  notifier ??= createNotifier({
    store: { read: () => notifyOutboxItem.get(), write: (list) => notifyOutboxItem.set(list) },
    transport: webhookTransport,
  });
  return notifier;
}

/** Sends what is due, then wakes up for the next pending delivery: a timer now, an alarm should the worker stop. */
async function pump(): Promise<void> {
  let next: number | null;
  try {
    next = await getNotifier().drain();
  } catch (e) {
    console.warn('[baton] notifications could not be sent:', e);
    return;
  }
  clearTimeout(timer);
  if (next === null) {
    await browser.alarms?.clear(ALARM).catch(() => {});
    return;
  }
  timer = setTimeout(() => void pump(), Math.max(0, next - Date.now()));
  browser.alarms?.create(ALARM, { when: Math.max(next, Date.now() + ALARM_FLOOR_MS) });
}

/** Queues the notifications of finished escalations (each once, whoever asks) and sends them. */
export async function announce(journals: Journal[], now = Date.now()): Promise<void> {
  const fresh = journals.filter((j) => j.finishedAt && !j.resumedAt && now - Date.parse(j.finishedAt) < FRESH_MS);
  if (!fresh.length) return;
  const { webhooks } = (await policyStore.read()).policy.notify;
  if (!webhooks.length) return;
  const deliveries = (
    await Promise.all(
      fresh.map((j) => {
        const ref = { platform: j.plan.platform, account: j.plan.account, conversationId: j.plan.conversationId, idIsGuess: false };
        return deliveriesFor(
          j,
          webhooks,
          { platformLabel: labelOf(ref.platform), conversationUrl: adapterFor(ref.platform).conversationUrl(ref) },
          now,
        );
      }),
    )
  ).flat();
  if (await getNotifier().enqueue(deliveries)) await pump();
}

/** Queues deliveries made elsewhere (the queue watch's "needs a human") and sends them. */
export async function enqueueDeliveries(deliveries: Delivery[]): Promise<void> {
  if (deliveries.length && (await getNotifier().enqueue(deliveries))) await pump();
}

/**
 * Tells the team's webhooks about each escalation once it has finished. It only reads journals: a webhook that
 * is down, slow or refusing never touches the escalation. Finished journals are followed as they are written
 * and, when the worker starts, looked at again (an escalation finished just before the worker stopped), and
 * deliveries still pending resume.
 */
export function installNotify(): void {
  onJournalWrites((writes) => {
    const finished = writes.flatMap((w) => (w.value?.finishedAt ? [w.value] : []));
    if (finished.length) void announce(finished).catch((e) => console.warn('[baton] could not queue a notification:', e));
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void pump();
  });
  void (async () => {
    try {
      await announce(await readAllJournals());
    } catch (e) {
      console.warn('[baton] notifications could not catch up:', e);
    }
    await pump();
  })();
}
