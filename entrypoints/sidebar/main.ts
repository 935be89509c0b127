import { browser, type Browser } from 'wxt/browser';
import { SIDEBAR_PORT } from '@/lib/schema/ports';
import type { Policy } from '@/lib/schema/policy';

/**
 * The sidebar frame's first, small script. The sidebar itself (React, the UI, the schemas) is hundreds of
 * kilobytes to load and compile; meanwhile this finds the tab the frame is in and opens the port to that
 * tab's content script, which answers at once with the conversation and, soon after, the verdict it asked
 * for at page load. Messages that arrive before the sidebar is ready are kept for it.
 */
export interface Boot {
  tabId: number;
  port: Browser.runtime.Port;
  /** Hands over the messages kept so far, then every later one as it comes. */
  listen(cb: (raw: unknown) => void): void;
  /** The policy, read as soon as its own code is in (React and the UI are still being evaluated then). */
  policy: Promise<Policy>;
}

// Its own, smaller part of the app's code: read while React and the UI are still being evaluated.
const policy = import('@/utils/storage/policy').then(({ policyStore }) => policyStore.read()).then((r) => r.policy);
policy.catch(() => {});
const app = import('./app');

async function boot(): Promise<Boot | null> {
  // The tab this frame is in: the content script there (top frame only) is the only one it talks to.
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return null;
  const port = browser.tabs.connect(tab.id, { frameId: 0, name: SIDEBAR_PORT });
  let kept: unknown[] | null = [];
  let deliver: ((raw: unknown) => void) | null = null;
  port.onMessage.addListener((raw: unknown) => (deliver ? deliver(raw) : kept?.push(raw)));
  return {
    tabId: tab.id,
    port,
    policy,
    listen(cb) {
      for (const raw of kept ?? []) cb(raw);
      kept = null;
      deliver = cb;
    },
  };
}

void Promise.all([boot(), app]).then(([b, { start }]) => b && start(b));
