import { browser } from 'wxt/browser';
import { desktopNudge } from '@/lib/watch/nudge';
import type { Transport } from '@/lib/http/types';
import { isApiError } from '@/lib/http/errors';
import { adapterFor, labelOf, metaFor } from '@/lib/platforms';
import { pageAccount } from '@/lib/platforms/metas';
import type { ConversationRef, Platform } from '@/lib/schema/conversation';
import { PLATFORMS } from '@/lib/schema/conversation';
import type { Policy } from '@/lib/schema/policy';
import type { ScanReport } from '@/lib/schema/watch';
import { judge } from '@/lib/watch/judge';
import { currentNeeds, needsHuman } from '@/lib/watch/list';
import { needDeliveries } from '@/lib/notify/outbox';
import { enqueueDeliveries } from './notify';
import { WatchPacer } from '@/lib/watch/pace';
import { needId, scanList } from '@/lib/watch/scan';
import { connectionsItem, journalStorage, policyStore } from '@/utils/storage';
import { watchDb } from '@/utils/watch/store';
import { contextFor } from './context';
import { keyOf } from './handlers/memory';

const ALARM = 'baton:queue-watch';
const WATCHED_KEY = 'watched';

/**
 * The account the watch reads on a platform and an open helpdesk tab of it: the account saved in Options (or
 * the platform's only one), else, signed in with the agent's own session, the account of an open tab. Null
 * when no tab of it is open: the watch reads only while agents work there.
 */
async function openAccount(platform: Platform): Promise<{ account: string; tabId: number } | null> {
  const meta = metaFor(platform);
  const saved = (await connectionsItem.get())[platform] as { account?: unknown } | undefined;
  const wanted = !meta.account
    ? (meta.fixedAccount ?? null)
    : typeof saved?.account === 'string' && saved.account
      ? saved.account.toLowerCase()
      : null;
  const tabs = await browser.tabs.query({ url: [...meta.matches] }).catch(() => []);
  for (const t of tabs) {
    const page = t.url ? pageAccount(t.url) : null;
    if (t.id === undefined || page?.platform !== platform) continue;
    if (!wanted || page.account === wanted) return { account: page.account, tabId: t.id };
  }
  return null;
}

/** Paces and counts the scan's requests (lib/watch/pace.ts). */
function pacedTransport(pacer: WatchPacer, counter: { requests: number }): (t: Transport) => Transport {
  return (inner) => async (req) => {
    await pacer.turn();
    counter.requests++;
    const res = await inner(req);
    pacer.observe(res.status, res.headers);
    return res;
  };
}

/** One scan of one platform's watched list; a report either way (a problem is a sentence, never thrown). */
async function scanPlatform(platform: Platform, policy: Policy): Promise<ScanReport | null> {
  const target = policy.watch.targets[platform];
  const meta = metaFor(platform);
  const adapter = adapterFor(platform);
  if (!target || !meta.watch || !adapter.listChanged) return null;
  const open = await openAccount(platform);
  if (!open) return null;
  const { account, tabId } = open;
  const started = Date.now();
  const pacer = new WatchPacer(meta.watch, policy.watch.rateSharePercent);
  const counter = { requests: 0 };
  const wrap = pacedTransport(pacer, counter);
  const base: ConversationRef = { platform, account, conversationId: '', idIsGuess: false };
  const { ctx } = await contextFor(base, policy, tabId, undefined, wrap);
  const db = watchDb();
  const report = (over: Partial<ScanReport>): ScanReport => ({
    platform,
    account,
    at: new Date(started).toISOString(),
    listed: 0,
    read: 0,
    requests: counter.requests,
    waitedMs: Math.round(pacer.waited),
    ...over,
  });
  try {
    const result = await scanList({
      list: `${platform}:${account}:${target.kind}:${target.id}`,
      changes: (since) => adapter.listChanged!(ctx, target.id, since),
      ref: (id) => ({ ...base, conversationId: id }),
      key: keyOf,
      read: (ref) => adapter.read({ ...ctx, ref }),
      judge: async (conversation, ref) => judge(conversation, policy, await journalStorage.get(keyOf(ref)), new Date()),
      store: db,
      now: () => new Date(),
    });
    const r = report({ listed: result.listed, read: result.read, requests: counter.requests, waitedMs: Math.round(pacer.waited) });
    await db.putReport(r);
    return r;
  } catch (e) {
    const problem = isApiError(e) || e instanceof Error ? e.message : String(e);
    const r = report({ problem, requests: counter.requests, waitedMs: Math.round(pacer.waited) });
    await db.putReport(r);
    return r;
  }
}

let running: Promise<ScanReport[]> | null = null;

/** Scans every watched list (one at a time per worker: a scan asked for while one runs joins it). */
export function scanAll(): Promise<ScanReport[]> {
  running ??= (async () => {
    try {
      const { policy } = await policyStore.read();
      if (!policy.watch.enabled) return [];
      const reports: ScanReport[] = [];
      for (const p of PLATFORMS) {
        const r = await scanPlatform(p, policy);
        if (r) reports.push(r);
      }
      await showCount(policy);
      await announceNeeds(policy).catch((e) => console.warn('[baton] could not queue the queue watch notifications:', e));
      if (policy.watch.desktopNotifications) await notifyDesktop().catch(() => {});
      return reports;
    } finally {
      running = null;
    }
  })();
  return running;
}

/** The list as of now, for the page, the sidebar's panel and the badge. */
export async function currentList(policy: Policy, only?: { platform: Platform; account: string }) {
  const entries = (await watchDb().all()).filter(
    (e) => !only || (e.ref.platform === only.platform && e.ref.account.toLowerCase() === only.account.toLowerCase()),
  );
  return needsHuman(entries, policy.followUp.claimTargetMinutes, new Date(), (e) => adapterFor(e.ref.platform).conversationUrl(e.ref));
}

/** Tells the webhooks about each need once per conversation and reason (nothing is marked while none is set). */
async function announceNeeds(policy: Policy): Promise<void> {
  const { webhooks } = policy.notify;
  if (!webhooks.length) return;
  const db = watchDb();
  const now = new Date();
  for (const entry of await db.all()) {
    const fresh = currentNeeds(entry, policy.followUp.claimTargetMinutes, now).filter((n) => !entry.announced.includes(needId(n)));
    if (!fresh.length) continue;
    const ctx = { platformLabel: labelOf(entry.ref.platform), conversationUrl: adapterFor(entry.ref.platform).conversationUrl(entry.ref) };
    const deliveries = (await Promise.all(fresh.map((n) => needDeliveries(entry, n, needId(n), webhooks, ctx, now.getTime())))).flat();
    await db.put({ ...entry, announced: [...entry.announced, ...fresh.map(needId)] });
    await enqueueDeliveries(deliveries);
  }
}

/** The extension ships no icon files: a plain red square, as a notification needs one. */
const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGUlEQVR4nGPYoizxnxLMMGrAqAGjBgwXAwBD1e4QMc1JXwAAAABJRU5ErkJggg==';
let lastNotifiedAt = 0;
const LAST_NOTIFIED = 'notified-at';

/** A desktop notification for conversations new on the list, at most one a minute, when the browser allows it. */
async function notifyDesktop(): Promise<void> {
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false))) return;
  lastNotifiedAt = Math.max(lastNotifiedAt, Number((await watchDb().meta(LAST_NOTIFIED)) ?? 0));
  const nudge = desktopNudge(await watchDb().all(), lastNotifiedAt, Date.now());
  if (!nudge) return;
  lastNotifiedAt = Date.now();
  await watchDb().setMeta(LAST_NOTIFIED, String(lastNotifiedAt));
  await browser.notifications.create('baton:needs-human', {
    type: 'basic',
    iconUrl: NOTIFICATION_ICON,
    title: nudge.title,
    message: nudge.message,
  });
}

/** The extension's badge: how many conversations need a human now. */
export async function showCount(policy: Policy): Promise<void> {
  const n = policy.watch.enabled ? (await currentList(policy)).length : 0;
  await browser.action?.setBadgeText({ text: n ? String(n) : '' }).catch(() => {});
  await browser.action?.setBadgeBackgroundColor?.({ color: '#b42318' }).catch(() => {});
}

/** Sets the alarm from the saved interval (none while the watch is off), and again whenever the policy changes. */
export function installWatch(): void {
  const arm = async () => {
    const { policy } = await policyStore.read();
    // Another watched inbox or view: what the watch knew of the old one no longer belongs on the list.
    const watched = JSON.stringify(policy.watch.targets);
    if ((await watchDb().meta(WATCHED_KEY)) !== watched) {
      await watchDb().clear();
      await watchDb().setMeta(WATCHED_KEY, watched);
    }
    if (!policy.watch.enabled) {
      await browser.alarms?.clear(ALARM).catch(() => {});
      await showCount(policy);
      return;
    }
    const existing = await browser.alarms?.get(ALARM).catch(() => undefined);
    if (existing?.periodInMinutes !== policy.watch.intervalMinutes)
      await browser.alarms?.create(ALARM, { periodInMinutes: policy.watch.intervalMinutes, delayInMinutes: policy.watch.intervalMinutes });
  };
  const openList = () => void browser.tabs.create({ url: browser.runtime.getURL('/needs-human.html') });
  browser.action?.onClicked.addListener(openList);
  browser.notifications?.onClicked.addListener((id) => {
    if (id === 'baton:needs-human') openList();
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void scanAll().catch((e) => console.warn('[baton] the queue watch could not scan:', e));
  });
  policyStore.watch(() => void arm().catch(() => {}));
  void arm().catch(() => {});
}
