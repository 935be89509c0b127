import { z } from 'zod';
import { WebhookSchema, type Webhook } from '../schema/notify';
import type { Journal } from '../schema/plan';
import type { HttpResponse, Transport } from '../http/types';
import { TransportError } from '../http/types';
import { deliveryId, escalationEvent, EscalationEventSchema, needsHumanEvent, type EscalationEvent } from './event';
import type { NeedSchema, WatchEntry } from '../schema/watch';
import { deliveryHeaders, payloadFor } from './payload';
import { outcomeOf, RETRY } from './retry';

/**
 * One escalation to be told to one webhook. pending: waiting for `nextAttemptAt`; sending: a POST is out
 * (left like this only by a worker that stopped mid-request: it is sent again with the same delivery id);
 * delivered and failed are final.
 */
const DeliverySchema = z.object({
  id: z.string(),
  journalKey: z.string(),
  startedAt: z.string(),
  webhook: WebhookSchema,
  event: EscalationEventSchema,
  status: z.enum(['pending', 'sending', 'delivered', 'failed']),
  attempts: z.number().int().nonnegative(),
  /** Epoch milliseconds. */
  nextAttemptAt: z.number(),
  createdAt: z.number(),
  settledAt: z.number().optional(),
  /** Plain sentence: why the last attempt did not land (kept while retrying, final when failed). */
  lastError: z.string().optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
export const OutboxSchema = z.array(DeliverySchema);

/** Settled deliveries are kept this long so a late re-check of the same escalation still finds them. */
export const KEEP_SETTLED_MS = 7 * 24 * 60 * 60_000;
const MAX_DELIVERIES = 500;
const POST_TIMEOUT_MS = 10_000;

export interface OutboxStore {
  read(): Promise<Delivery[]>;
  write(deliveries: Delivery[]): Promise<void>;
}

export const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Deliveries of one finished escalation, one per configured webhook. */
export async function deliveriesFor(
  journal: Journal,
  webhooks: Webhook[],
  ctx: { platformLabel: string; conversationUrl: string },
  now: number,
): Promise<Delivery[]> {
  return Promise.all(
    webhooks.map(async (webhook) => {
      const id = await deliveryId(journal, webhook.url);
      return {
        id,
        journalKey: journal.key,
        startedAt: journal.startedAt,
        webhook,
        event: await escalationEvent(journal, { ...ctx, deliveryId: id }),
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      };
    }),
  );
}

/**
 * Deliveries of one queue-watch need, one per webhook. The outbox keys them like an escalation whose start is
 * `need:<reason>`, so the same conversation and reason are queued once, whatever the number of scans.
 */
export async function needDeliveries(
  entry: WatchEntry,
  need: z.infer<typeof NeedSchema>,
  needKey: string,
  webhooks: Webhook[],
  ctx: { platformLabel: string; conversationUrl: string },
  now: number,
): Promise<Delivery[]> {
  const startedAt = `need:${needKey}`;
  return Promise.all(
    webhooks.map(async (webhook) => {
      const id = await deliveryId({ key: entry.key, startedAt }, webhook.url);
      return {
        id,
        journalKey: entry.key,
        startedAt,
        webhook,
        event: await needsHumanEvent(entry, need, needKey, { ...ctx, deliveryId: id }),
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      };
    }),
  );
}

/** Drops settled deliveries past their keep time, then the oldest settled ones beyond the cap. */
export function prune(list: Delivery[], now: number): Delivery[] {
  const kept = list.filter((d) => d.settledAt === undefined || now - d.settledAt < KEEP_SETTLED_MS);
  let excess = kept.length - MAX_DELIVERIES;
  if (excess <= 0) return kept;
  return kept.filter((d) => !(d.settledAt !== undefined && excess-- > 0));
}

/**
 * A settled delivery is kept only so the sidebar can say who was told and a late re-check finds its id: the
 * note and summary it carried (customer text) are no longer needed, whatever the team lead allows elsewhere.
 * Evidence quotes stay, as in the handoff log.
 */
function withoutCustomerText(event: EscalationEvent): EscalationEvent {
  return { ...event, note: '', summary: {} };
}

export interface NotifierDeps {
  store: OutboxStore;
  transport: Transport;
  now?: () => number;
  random?: () => number;
}

export interface Notifier {
  /** Adds the deliveries whose id is not in the outbox yet; returns how many were new. */
  enqueue(deliveries: Delivery[]): Promise<number>;
  /**
   * Sends every delivery that is due, once each, and records what happened. Returns when the next pending
   * one is due (epoch ms), or null when none is waiting.
   */
  drain(): Promise<number | null>;
}

/**
 * The outbox's one writer in a worker: every read-change-write of the stored list runs in turn, and a
 * delivery being sent is marked so a second drain (a journal change, a timer, a second tab's escalation)
 * never sends it in parallel. Only a worker that stops mid-POST can send one twice, with the same delivery id.
 */
export function createNotifier({ store, transport, now = Date.now, random = Math.random }: NotifierDeps): Notifier {
  let chain: Promise<unknown> = Promise.resolve();
  const inFlight = new Set<string>();
  const locked = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn);
    chain = run.catch(() => {});
    return run;
  };
  const update = (fn: (list: Delivery[]) => Delivery[]) =>
    locked(async () => {
      const next = fn(await store.read());
      await store.write(next);
      return next;
    });

  async function attempt(d: Delivery): Promise<Partial<Delivery>> {
    let response: HttpResponse | null = null;
    let failure: string | null = null;
    try {
      response = await transport({
        method: 'POST',
        url: d.webhook.url,
        headers: deliveryHeaders(d.event),
        body: payloadFor(d.webhook.kind, d.event),
        timeoutMs: POST_TIMEOUT_MS,
      });
    } catch (e) {
      failure = e instanceof TransportError && e.kind === 'timeout' ? 'no answer in time' : e instanceof Error ? e.message : String(e);
    }
    const at = now();
    const outcome = outcomeOf(hostOf(d.webhook.url), d.attempts, response, failure, at, random);
    switch (outcome.kind) {
      case 'delivered':
        return { status: 'delivered', settledAt: at, lastError: undefined, event: withoutCustomerText(d.event) };
      case 'give_up':
        return { status: 'failed', settledAt: at, lastError: outcome.reason, event: withoutCustomerText(d.event) };
      case 'retry':
        return { status: 'pending', nextAttemptAt: at + outcome.delayMs, lastError: outcome.reason };
    }
  }

  return {
    async enqueue(deliveries) {
      let added = 0;
      await update((list) => {
        const known = new Set(list.map((d) => d.id));
        const fresh = deliveries.filter((d) => !known.has(d.id) && (known.add(d.id), true));
        added = fresh.length;
        return prune([...list, ...fresh], now());
      });
      return added;
    },

    async drain() {
      const at = now();
      const due: Delivery[] = [];
      await update((list) =>
        list.map((d) => {
          const ready = (d.status === 'pending' && d.nextAttemptAt <= at) || (d.status === 'sending' && !inFlight.has(d.id));
          if (!ready || inFlight.has(d.id) || d.attempts >= RETRY.maxAttempts + 1) return d;
          const sending: Delivery = { ...d, status: 'sending', attempts: d.attempts + 1 };
          inFlight.add(d.id);
          due.push(sending);
          return sending;
        }),
      );
      let after: Delivery[];
      try {
        const patch = new Map(await Promise.all(due.map(async (d) => [d.id, await attempt(d)] as const)));
        after = await update((list) => list.map((d) => (patch.has(d.id) ? { ...d, ...patch.get(d.id) } : d)));
      } finally {
        for (const d of due) inFlight.delete(d.id);
      }
      const waiting = after.filter((d) => d.status === 'pending').map((d) => d.nextAttemptAt);
      return waiting.length ? Math.min(...waiting) : null;
    },
  };
}
