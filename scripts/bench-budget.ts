/**
 * Requests per open conversation per hour, per helpdesk: one simulated hour of an agent keeping a
 * conversation open, replayed against the in-process sandbox through the same pieces the extension uses
 * (the page's re-check rule, entrypoints/content/recheck.ts, and the worker's read gate, lib/platforms/fresh.ts).
 * Deterministic: the hour is a list of events on a virtual clock, not wall-clock waiting.
 *
 * The hour: the conversation is opened at 0:00; a new message arrives every 6 minutes (customer and bot in
 * turn, 9 in all); the agent scrolls the thread every 2 minutes (30 times). On a virtualised thread a
 * scroll drops the newest rows from the page and brings them back. The tab stays visible.
 */
import { createHttpClient } from '../lib/http/client';
import { RatePacer } from '../lib/http/budget';
import type { Transport } from '../lib/http/types';
import { ADAPTERS } from '../lib/platforms';
import { readFresh } from '../lib/platforms/fresh';
import { expireCaches } from '../lib/platforms/cache';
import type { AdapterContext } from '../lib/platforms/types';
import type { Conversation, Platform } from '../lib/schema/conversation';
import { RecheckRule, UNREADABLE_MIN_GAP_MS, VISIBLE_POLL_MS, type SeenMessage } from '../entrypoints/content/recheck';
import { defaultPlatforms } from '../test/sandbox/server';
import type { SandboxModule } from '../test/sandbox/admin';
import { inProcessTransport } from '../test/sandbox/inprocess';
import { sandboxAuth } from '../test/fixtures/demo-policy';
import { conversationId } from '../test/fixtures/urls';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MESSAGE_EVERY = 6 * MINUTE;
const SCROLL_EVERY = 2 * MINUTE;
/** Rows a virtualised thread keeps in the page around the viewport. */
const ROWS = 8;

export interface HourCase {
  platform: Platform;
  /** The thread renders only the rows near the viewport (scrolling changes the rows and their number). */
  virtualised: boolean;
  /** Baton's reader finds no message in the conversation view (its per-message hooks do not match). */
  unreadable: boolean;
  label: string;
}

export const HOUR_CASES: HourCase[] = [
  { platform: 'zendesk', virtualised: false, unreadable: false, label: 'Zendesk' },
  { platform: 'gorgias', virtualised: true, unreadable: false, label: 'Gorgias' },
  { platform: 'front', virtualised: false, unreadable: false, label: 'Front' },
  { platform: 'front', virtualised: false, unreadable: true, label: 'Front, no message hooks' },
];

type Event = { at: number; kind: 'message' | 'scroll' | 'scroll-back' | 'tick' };

function hourOfEvents(): Event[] {
  const events: Event[] = [];
  for (let at = MESSAGE_EVERY; at < HOUR; at += MESSAGE_EVERY) events.push({ at, kind: 'message' });
  for (let at = SCROLL_EVERY - 30_000; at < HOUR; at += SCROLL_EVERY) {
    events.push({ at, kind: 'scroll' }, { at: at + 20_000, kind: 'scroll-back' });
  }
  // The visible-tab poll looks every quarter of its period (entrypoints/content/thread.ts).
  for (let at = VISIBLE_POLL_MS / 4; at < HOUR; at += VISIBLE_POLL_MS / 4) events.push({ at, kind: 'tick' });
  return events.sort((a, b) => a.at - b.at);
}

/** Requests one open conversation costs in the hour: now, and under the rule before (count of rows, no gate). */
export async function requestsPerHour(c: HourCase): Promise<{ now: number; before: number }> {
  return { now: await replay(c, 'now'), before: await replay(c, 'before') };
}

async function replay(c: HourCase, rule: 'now' | 'before'): Promise<number> {
  const modules = (await defaultPlatforms()) as SandboxModule[];
  let requests = 0;
  const inner = inProcessTransport(modules);
  const transport: Transport = (req) => {
    requests++;
    return inner(req);
  };
  const adapter = ADAPTERS[c.platform];
  const id = conversationId(c.platform, 'tracking_resolved');
  const ctx: AdapterContext = {
    ref: { platform: c.platform, account: c.platform === 'front' ? 'app' : 'acme', conversationId: id, idIsGuess: false },
    http: createHttpClient({
      transport,
      platformLabel: adapter.label,
      headers: sandboxAuth(c.platform),
      sleep: async () => {},
      pacer: new RatePacer(),
    }),
    authMode: 'token',
    botIdentity: { ids: [], names: [], emails: [] },
  };
  const mod = modules.find((m) => m.name === c.platform)!;
  const adminPost = (path: string, body: unknown) =>
    mod.admin!({ method: 'POST', host: 'sandbox', path, query: {}, headers: {}, body, cookies: {} });

  // Adapters keep short-lived caches in module state (Front's snapshot, Zendesk's CSRF token, Gorgias's
  // current user): each replay starts like a fresh worker.
  resetAdapterCaches();
  let known: Conversation | undefined = (await readFresh(adapter, ctx, undefined)).conversation;
  const check = async (newMessage: boolean) => {
    known = (await readFresh(adapter, ctx, rule === 'now' && !newMessage ? known : undefined)).conversation;
  };

  // What the page shows: message keys in order; a scrolled virtualised thread lacks its newest rows.
  const thread: SeenMessage[] = known.messages.map((m, i) => ({ key: m.id ?? `m${i}`, at: i }));
  let scrolled = false;
  const rows = () => {
    if (c.unreadable) return [];
    if (!c.virtualised) return thread;
    const end = scrolled ? thread.length - 3 : thread.length;
    return thread.slice(Math.max(0, end - ROWS), end);
  };
  const recheck = new RecheckRule();
  recheck.onChange(rows());
  let lastCount = rows().length;
  let lastAsk = 0;

  for (const e of hourOfEvents()) {
    if (e.kind === 'message') {
      const n = thread.length;
      await adminPost(`/__admin/${c.platform}/conversations/${id}/messages`, {
        role: n % 2 ? 'customer' : 'bot',
        text: n % 2 ? `Any news on my order? (${n})` : `Still checking with the courier for you. (${n})`,
      });
      thread.push({ key: `new${n}`, at: n });
    }
    if (e.kind === 'scroll') scrolled = c.virtualised;
    if (e.kind === 'scroll-back') scrolled = false;
    if (e.kind === 'tick') {
      if (rule === 'now' && c.unreadable && e.at - lastAsk >= VISIBLE_POLL_MS) {
        lastAsk = e.at;
        await check(false);
      }
      continue;
    }
    // Scrolling a thread that is not virtualised changes nothing in the DOM.
    if (e.kind !== 'message' && !c.virtualised) continue;
    if (rule === 'before') {
      // The previous rule: any change in the number of rows read the whole conversation again.
      const count = rows().length;
      if (count !== lastCount) await check(true);
      lastCount = count;
      continue;
    }
    const change = recheck.onChange(rows());
    if (change === 'new-message') {
      lastAsk = e.at;
      await check(true);
    } else if (change === 'unreadable' && e.at - lastAsk >= UNREADABLE_MIN_GAP_MS) {
      lastAsk = e.at;
      await check(false);
    }
  }
  return requests;
}

function resetAdapterCaches() {
  expireCaches();
}
