/**
 * Queue watch cost: requests and time per scan of 500 watched conversations of which 5% changed since the last
 * scan, per helpdesk, against the in-process sandbox, through the same scan, adapter and pace the worker uses.
 * The pace is the watch's default share (10%) of each helpdesk's published budget for its smallest plan
 * (PlatformMeta.watch), on a virtual clock: "paced" is how long the scan takes in production at that share,
 * "CPU" what it costs this machine.
 */
import { createHttpClient } from '../lib/http/client';
import type { Transport } from '../lib/http/types';
import { ADAPTERS } from '../lib/platforms';
import { metaFor } from '../lib/platforms/metas';
import type { AdapterContext } from '../lib/platforms/types';
import { PLATFORMS, type ConversationRef, type Platform } from '../lib/schema/conversation';
import { PolicySchema } from '../lib/schema/policy';
import type { WatchEntry } from '../lib/schema/watch';
import { judge } from '../lib/watch/judge';
import { WatchPacer } from '../lib/watch/pace';
import { scanList, type WatchStore } from '../lib/watch/scan';
import { DEMO_BASE, sandboxAuth } from '../test/fixtures/demo-policy';
import { inProcessTransport } from '../test/sandbox/inprocess';
import { createFrontSandbox } from '../test/sandbox/platforms/front';
import { createGorgiasSandbox } from '../test/sandbox/platforms/gorgias';
import { createZendeskSandbox } from '../test/sandbox/platforms/zendesk';

const WATCHED = 500;
const CHANGED = 25;
const SHARE = 10;

export interface WatchCost {
  platform: Platform;
  watched: number;
  changed: number;
  /** Requests of the scan after 5% changed: the list pages and the reads. */
  requests: number;
  read: number;
  /** Requests of the first scan, which reads everything. */
  firstRequests: number;
  cpuMs: number;
  /** How long the scan takes at the default share of the published budget. */
  pacedMs: number;
  budget: string;
  /** The scan's requests as a share of one published window's whole budget. */
  shareOfWindow: number;
}

function memoryStore(): WatchStore {
  const entries = new Map<string, WatchEntry>();
  const cursors = new Map<string, string>();
  return {
    get: async (k) => entries.get(k),
    put: async (e) => void entries.set(e.key, e),
    cursor: async (l) => cursors.get(l) ?? null,
    setCursor: async (l, s) => void (s === null ? cursors.delete(l) : cursors.set(l, s)),
  };
}

export async function watchScanCost(platform: Platform): Promise<WatchCost> {
  const sandbox = platform === 'zendesk' ? createZendeskSandbox() : platform === 'gorgias' ? createGorgiasSandbox() : createFrontSandbox();
  const adminPost = (path: string, body: unknown) =>
    sandbox.admin!({ method: 'POST', host: 'x', path, query: {}, headers: {}, body, cookies: {} }) as { body: Record<string, unknown> };
  const seeded = adminPost(`/__admin/${platform}/watch-queue`, { copies: WATCHED / 50 }).body;
  const watchId = String(seeded.viewId ?? seeded.inboxId);
  const ids = Object.values((seeded.tickets ?? seeded.conversations) as Record<string, string | number>).map(String);

  const meta = metaFor(platform);
  let virtual = 0;
  const newPacer = () =>
    new WatchPacer(
      meta.watch!,
      SHARE,
      () => virtual,
      async (ms) => void (virtual += ms),
    );
  let pacer = newPacer();
  const count = { requests: 0 };
  const inner = inProcessTransport([sandbox], { cookies: {} });
  const transport: Transport = async (req) => {
    await pacer.turn();
    count.requests++;
    return inner(req);
  };
  const http = createHttpClient({ transport, platformLabel: meta.label, headers: sandboxAuth(platform), sleep: async () => {} });
  const base: ConversationRef = { platform, account: platform === 'front' ? 'app' : 'acme', conversationId: '', idIsGuess: false };
  const ctx: AdapterContext = { ref: base, http, authMode: 'token', botIdentity: { ids: [], names: [], emails: [] }, connection: {} };
  const policy = PolicySchema.parse(DEMO_BASE);
  const adapter = ADAPTERS[platform];
  const store = memoryStore();
  const scan = () =>
    scanList({
      list: `${platform}:${watchId}`,
      changes: (since) => adapter.listChanged!(ctx, watchId, since),
      ref: (id) => ({ ...base, conversationId: id }),
      key: (r) => `${r.platform}:${r.account}:${r.conversationId}`,
      read: (ref) => adapter.read({ ...ctx, ref }),
      judge: async (c) => judge(c, policy, null, new Date()),
      store,
      now: () => new Date(),
    });

  await scan();
  const firstRequests = count.requests;
  // 5% of the conversations get a new customer message, spread over the list.
  for (let i = 0; i < CHANGED; i++) {
    const id = ids[Math.floor((i * ids.length) / CHANGED)]!;
    adminPost(`/__admin/${platform}/conversations/${id}/messages`, { role: 'customer', text: 'Any news on this?' });
  }
  count.requests = 0;
  virtual = 0;
  pacer = newPacer();
  const t = performance.now();
  const second = await scan();
  const cpuMs = performance.now() - t;
  const w = meta.watch!;
  return {
    platform,
    watched: ids.length,
    changed: CHANGED,
    requests: count.requests,
    read: second.read,
    firstRequests,
    cpuMs: Math.round(cpuMs),
    pacedMs: Math.round(virtual),
    budget: w.source,
    shareOfWindow: Math.round((count.requests / w.limit) * 1000) / 10,
  };
}

export async function watchScanCosts(): Promise<WatchCost[]> {
  const out: WatchCost[] = [];
  for (const p of PLATFORMS) out.push(await watchScanCost(p));
  return out;
}

/** One line per helpdesk for `npm run bench`. */
export function formatWatchCosts(costs: WatchCost[]): string[] {
  return [
    `  queue watch, ${WATCHED} watched, ${CHANGED} changed (5%), one scan at ${SHARE}% of the published budget:`,
    ...costs.map(
      (c) =>
        `    ${metaFor(c.platform).label.padEnd(8)} ${c.requests} requests (${c.read} read; first scan ${c.firstRequests}), paced ${Math.round(c.pacedMs / 1000)} s, CPU ${c.cpuMs} ms; ${c.shareOfWindow}% of one window of ${c.budget}`,
    ),
  ];
}
