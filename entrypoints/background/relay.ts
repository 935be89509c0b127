import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { TransportError } from '@/lib/http/types';
import { TAB_READY_PORT } from '@/lib/schema/messages';

/** What the relay needs of the browser; injected so the tab choice can be tested without one. */
export interface RelayBrowser {
  /** Tabs whose URL is on this origin. */
  query(origin: string): Promise<{ id?: number }[]>;
  /** The URL of a tab, or undefined when it is gone or not ours to read. */
  urlOf(tabId: number): Promise<string | undefined>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
  /** The registry as persisted (storage.session survives a worker restart, not a browser restart). */
  load(): Promise<Record<string, string>>;
  save(ready: Record<string, string>): Promise<void>;
}

export interface RelayOptions {
  /** How long a session request waits for a tab of its account that is still loading. */
  waitMs?: number;
  /** How long a tab has to answer a ping before it counts as not ready. */
  pingMs?: number;
}

type Waiter = () => void;

/**
 * Which tabs can carry a session request right now. A tab is ready once its content script announced itself
 * (or answered a ping) and until it reloads, navigates away or closes. The worker can be restarted at any
 * time, so the registry is persisted; a stale entry costs one undelivered message, after which the tab is
 * forgotten and asked again.
 */
export class TabRelay {
  private ready = new Map<number, string>();
  private loaded: Promise<void>;
  private waiters = new Set<Waiter>();
  private readyListeners: ((origin: string, tabId: number) => void)[] = [];
  private readonly waitMs: number;
  private readonly pingMs: number;

  constructor(
    private readonly b: RelayBrowser,
    opts: RelayOptions = {},
  ) {
    this.waitMs = opts.waitMs ?? 8000;
    this.pingMs = opts.pingMs ?? 1500;
    this.loaded = b.load().then(
      (saved) => {
        for (const [id, origin] of Object.entries(saved)) if (!this.ready.has(Number(id))) this.ready.set(Number(id), origin);
      },
      () => {},
    );
  }

  /** Called with the origin and tab each time a tab becomes ready (the background resumes interrupted work). */
  onReady(cb: (origin: string, tabId: number) => void): void {
    this.readyListeners.push(cb);
  }

  /** A content script announced itself: its tab can carry requests for its origin. */
  async markReady(tabId: number, url?: string): Promise<string | undefined> {
    const href = url ?? (await this.b.urlOf(tabId));
    const origin = originOf(href);
    if (!origin) return undefined;
    await this.loaded;
    const was = this.ready.get(tabId);
    this.ready.set(tabId, origin);
    if (was !== origin) await this.persist();
    this.wake();
    for (const cb of this.readyListeners) cb(origin, tabId);
    return origin;
  }

  /** The tab reloaded, navigated or closed: it cannot answer until its content script announces itself again. */
  async forget(tabId: number): Promise<void> {
    await this.loaded;
    if (!this.ready.delete(tabId)) return;
    await this.persist();
  }

  /** Something about the tabs changed (one finished loading): waiting requests look again. */
  changed(): void {
    this.wake();
  }

  /**
   * A ready tab of the origin: the preferred one when it is on that origin, else any. Asks tabs that are not
   * known to be ready whether they are (after a worker restart), and waits up to `waitMs` for one that is
   * still loading. Undefined when no tab of the origin exists or none became ready in time.
   */
  async tabFor(origin: string, preferred?: number): Promise<number | undefined> {
    await this.loaded;
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      // Subscribed before looking, so a tab that becomes ready while we look is not missed.
      const next = this.nextChange();
      try {
        const known = this.pick(origin, preferred);
        if (known !== undefined) return known;
        const ids = (await this.b.query(origin)).map((t) => t.id).filter((id): id is number => id !== undefined);
        if (!ids.length) return undefined;
        const answered = await this.firstToAnswer(ids);
        if (answered !== undefined) {
          await this.markReadySilently(answered, origin);
          return answered;
        }
        const left = deadline - Date.now();
        if (left <= 0) return undefined;
        await next.wait(left);
      } finally {
        next.cancel();
      }
    }
  }

  /**
   * Sends a message to a ready tab of the origin. A message that could not be delivered (the tab had no
   * listener yet, or was gone) was not acted on, so another tab is tried. A message the tab took but never
   * answered may have been acted on: that is `tab_gone`, for the caller to check before sending again.
   */
  async send(origin: string, preferred: number | undefined, message: unknown, noTab: string): Promise<unknown> {
    let prefer = preferred;
    for (let tries = 0; tries < 3; tries++) {
      const tab = await this.tabFor(origin, prefer);
      if (tab === undefined) break;
      try {
        return await this.b.sendMessage(tab, message);
      } catch (e) {
        await this.forget(tab);
        if (notDelivered(e)) {
          prefer = undefined;
          continue;
        }
        throw new TransportError(`The helpdesk tab went away before it answered (${(e as Error).message})`, 'tab_gone');
      }
    }
    throw new TransportError(noTab, 'no_tab');
  }

  private pick(origin: string, preferred?: number): number | undefined {
    if (preferred !== undefined && this.ready.get(preferred) === origin) return preferred;
    for (const [id, o] of this.ready) if (o === origin) return id;
    return undefined;
  }

  private async firstToAnswer(ids: number[]): Promise<number | undefined> {
    const asks = ids.map((id) =>
      withDeadline(this.b.sendMessage(id, { type: 'ping' }), this.pingMs).then(
        (answer) => (answer === true ? id : undefined),
        () => undefined,
      ),
    );
    return (await Promise.all(asks)).find((id) => id !== undefined);
  }

  private async markReadySilently(tabId: number, origin: string) {
    this.ready.set(tabId, origin);
    await this.persist();
  }

  private nextChange(): { wait(ms: number): Promise<void>; cancel(): void } {
    let fire: Waiter = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fired = new Promise<void>((resolve) => (fire = resolve));
    this.waiters.add(fire);
    return {
      wait: (ms) => {
        timer = setTimeout(fire, ms);
        return fired;
      },
      cancel: () => {
        clearTimeout(timer);
        this.waiters.delete(fire);
      },
    };
  }

  private wake() {
    const all = [...this.waiters];
    this.waiters.clear();
    for (const w of all) w();
  }

  private persist(): Promise<void> {
    return this.b.save(Object.fromEntries([...this.ready].map(([id, o]) => [String(id), o]))).catch(() => {});
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Chrome and Firefox reject with these when nothing in the tab received the message (no content script yet,
 * or the tab is gone): nothing was acted on. Any other rejection came after the tab took the message.
 */
export function notDelivered(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  return /Receiving end does not exist|Could not establish connection|No tab with id|Invalid tab ID/i.test(m);
}

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no answer')), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

let shared: TabRelay | undefined;

/** The worker's one relay, over the real browser. */
export function tabRelay(): TabRelay {
  shared ??= new TabRelay({
    // A tab whose first page is still on its way counts too (its pendingUrl): it is worth waiting for.
    query: async (origin) =>
      (await browser.tabs.query({})).filter((t) => [t.url, (t as { pendingUrl?: string }).pendingUrl].some((u) => originOf(u) === origin)),
    urlOf: (tabId) =>
      browser.tabs.get(tabId).then(
        (t) => t.url,
        () => undefined,
      ),
    sendMessage: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    load: () => readyTabsItem.getValue(),
    save: (ready) => readyTabsItem.setValue(ready),
  });
  return shared;
}

/** Kept in storage.session: it lasts as long as the tabs it names, and survives a worker restart. */
const readyTabsItem = storage.defineItem<Record<string, string>>('session:baton:readyTabs', { fallback: {} });

/**
 * Content scripts connect a port named TAB_READY_PORT once they listen for session requests; the port closes
 * when their page goes away (reload, navigation, closed tab), which is exactly when the tab stops being ready.
 */
export function installRelay(): TabRelay {
  const relay = tabRelay();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== TAB_READY_PORT) return;
    const tabId = port.sender?.tab?.id;
    if (tabId === undefined) return;
    void relay.markReady(tabId, port.sender?.url ?? port.sender?.tab?.url);
    port.onDisconnect.addListener(() => void relay.forget(tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => void relay.forget(tabId));
  return relay;
}
