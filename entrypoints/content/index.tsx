import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';
import { detectConversation } from '@/lib/platforms';
import { AGENT_APP_MATCHES } from '@/lib/platforms/metas';
import type { Policy } from '@/lib/schema/policy';
import { journalKey } from '@/lib/schema/plan';
import { SIDEBAR_PORT, type CheckResult, type SidebarPortMessage, type SidebarTabRequest } from '@/lib/schema/messages';
import { policyStore } from '@/utils/storage';
import { send } from '@/utils/messaging';
import { announceReady, listenForTabRequests } from './session-fetch';
import { reserveSpace, SIDEBAR_WIDTH } from './layout';
import { showMessage } from './highlight';
import { watchMessageCount, watchThreadRoot } from './thread';

const RECHECK_DEBOUNCE_MS = 1200;
/** The sidebar page, shown in a frame the helpdesk page can neither read nor click into. */
const SIDEBAR_PAGE = '/sidebar.html';

/**
 * The content script reads the page (the URL's conversation, the messages on screen, new ones arriving),
 * makes room for the sidebar and highlights quoted messages. Everything the agent sees and clicks lives in the
 * sidebar frame (entrypoints/sidebar), an extension page that talks to the background itself; the two talk
 * over a runtime port the frame opens to this tab's top frame and `tabs.sendMessage(…, { frameId: 0 })`,
 * channels a page script can neither see nor forge (unlike `window.postMessage`, which the page shares).
 */
export default defineContentScript({
  // Every platform's agent app, from the registry: the manifest asks for exactly the same hosts.
  matches: [...AGENT_APP_MATCHES],
  // As early as the URL is known: the verdict is asked for, and the sidebar frame starts loading, while the
  // helpdesk's own page is still being parsed.
  runAt: 'document_start',
  // WXT otherwise posts "<extension id>:content:wxt:content-script-started" to the page at start-up.
  noScriptStartedPostMessage: true,
  main(ctx) {
    ignorePageStopEvents(ctx);
    let ui: IframeContentScriptUi<void> | null = null;
    let stopThread: (() => void) | null = null;
    /** Open sidebar frames of this tab (Baton's own, and any the page itself framed: both run Baton's code). */
    const frames = new Set<Browser.runtime.Port>();
    const post = (msg: SidebarPortMessage) => {
      for (const port of frames) {
        try {
          port.postMessage(msg);
        } catch {
          frames.delete(port);
        }
      }
    };

    // This tab carries the agent's session requests even before the sidebar is drawn (Options may be waiting
    // on it, or an interrupted escalation). Keyboard shortcuts go on to the sidebar frame.
    listenForTabRequests(
      ctx,
      (command) => post({ type: 'command', command }),
      (req) => onSidebar(req),
    );
    const ready = announceReady(ctx);
    ready();

    let current = detectConversation(location.href);
    const keyOf = (found: typeof current) => (found ? journalKey(found.ref.platform, found.ref.account, found.ref.conversationId) : null);
    // The verdict comes from the API, which needs only the conversation the URL names: ask for it now, while
    // the sidebar frame loads. Its answer is handed to the frame once (null when that check failed).
    let early: { key: string; result: CheckResult | null | undefined; claimed: boolean } | null = null;
    if (current) {
      const entry = { key: keyOf(current)!, result: undefined as CheckResult | null | undefined, claimed: false };
      early = entry;
      void send('check', { ref: current.ref, force: false })
        .catch(() => null)
        .then((result) => {
          entry.result = result;
          if (entry.claimed && early === entry) post({ type: 'answer', key: entry.key, result });
        });
    }

    // The bot's identity tells its messages from the agents' on the page; only the policy's is needed here.
    let policy: Policy | null = null;
    const policyRead = () =>
      policyStore.read().then(
        (r) => void (policy = r.policy),
        () => {},
      );
    let policyLoaded = policyRead();
    ctx.onInvalidated(policyStore.watch(() => (policyLoaded = policyRead())));
    const identity = () => (current && policy ? policy.botIdentity[current.adapter.platform] : null);
    const readDom = () => {
      const found = current;
      const id = identity();
      return found && id ? safe(() => found.adapter.dom.readMessages(document, id)) : [];
    };
    const domMessages = async () => {
      await policyLoaded;
      return readDom().map((m) => m.message);
    };

    const onSidebar = async (req: SidebarTabRequest): Promise<unknown> => {
      switch (req.op) {
        case 'conversation':
          // Read from the URL now, not from what was last announced: the page may have just moved on.
          return { ref: detectConversation(location.href)?.ref ?? null };
        case 'domMessages':
          return domMessages();
        case 'highlight': {
          await policyLoaded;
          const found = current;
          const id = identity();
          return !!found && !!id && showMessage(ctx, found.adapter.dom, id, req.index, req.quote);
        }
        case 'layout':
          layout(req.open, req.width, req.height);
          return true;
      }
    };

    const onConnect = (port: Browser.runtime.Port) => {
      if (port.name !== SIDEBAR_PORT || !fromSidebarPage(port.sender)) return;
      frames.add(port);
      port.onDisconnect.addListener(() => {
        frames.delete(port);
        // A frame also goes when the extension is updated: see announceReady.
        void ctx.isInvalid;
      });
      const claim = early && early.key === keyOf(current) && !early.claimed ? early : null;
      if (claim) claim.claimed = true;
      port.postMessage({ type: 'conversation', ref: current?.ref ?? null, early: !!claim } satisfies SidebarPortMessage);
      if (claim && claim.result !== undefined)
        port.postMessage({ type: 'answer', key: claim.key, result: claim.result } satisfies SidebarPortMessage);
    };
    browser.runtime.onConnect.addListener(onConnect);
    ctx.onInvalidated(() => {
      browser.runtime.onConnect.removeListener(onConnect);
      for (const port of frames) port.disconnect();
      frames.clear();
      stopThread?.();
      reserveSpace(false);
    });

    function layout(open: boolean, width: number, height: number) {
      const frame = ui?.iframe;
      if (!frame || !current) return;
      Object.assign(
        frame.style,
        open
          ? { top: '0', width: `${SIDEBAR_WIDTH}px`, height: '100vh' }
          : { top: '40%', width: `${Math.ceil(width)}px`, height: `${Math.ceil(height)}px` },
      );
      reserveSpace(open);
    }

    function createUi(): IframeContentScriptUi<void> {
      return createIframeUi(ctx, {
        page: SIDEBAR_PAGE,
        position: 'inline',
        // The body may not be parsed yet; the frame is fixed on the viewport, so its parent does not matter.
        anchor: () => document.body ?? document.documentElement,
        append: 'last',
        onBeforeMount(_wrapper, iframe) {
          iframe.title = 'Baton escalation sidebar';
          iframe.setAttribute('data-baton-sidebar', '');
          // Drawn open until the frame says otherwise (it knows whether the agent collapsed it).
          Object.assign(iframe.style, {
            position: 'fixed',
            top: '0',
            right: '0',
            width: `${SIDEBAR_WIDTH}px`,
            height: '100vh',
            border: '0',
            margin: '0',
            padding: '0',
            background: 'transparent',
            colorScheme: 'normal',
            zIndex: '2147483000',
          });
        },
      });
    }

    let synced = false;
    const sync = (url: string) => {
      const found = detectConversation(url);
      if (synced && keyOf(found) === keyOf(current)) return;
      synced = true;
      current = found;
      stopThread?.();
      stopThread = null;
      if (!found) {
        ui?.remove();
        ui = null;
        reserveSpace(false);
        post({ type: 'conversation', ref: null, early: false });
        return;
      }
      post({ type: 'conversation', ref: found.ref, early: false });
      if (!ui) {
        ui = createUi();
        ui.mount();
        reserveSpace(true);
      }
      // The thread renders when the page gets to it (and again after in-app navigation): re-check when a
      // message arrives in whichever thread element is on the page.
      const dom = found.adapter.dom;
      stopThread = watchThreadRoot(
        ctx,
        () => dom.threadRoot(document),
        (root) =>
          watchMessageCount(
            ctx,
            root,
            () => readDom().length,
            () => post({ type: 'thread' }),
            RECHECK_DEBOUNCE_MS,
          ),
      );
    };

    // The event fires as navigation starts, before location.href changes: use the URL it carries. An event
    // of that name made by the page carries no URL this world can see, so the real location is read instead.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => {
      ready();
      sync(e.newUrl instanceof URL ? e.newUrl.href : location.href);
    });
    sync(location.href);
  },
});

/**
 * WXT stops an older copy of a content script when a newer one dispatches "<id>:content:wxt:content-script-started"
 * on the document, and accepts that event from anyone: a page script that knows Baton's (public) id could
 * switch Baton off. The event reaches the window's capture phase before WXT's listener on the document, so it
 * is stopped there. An orphaned copy (extension updated) notices through its closed ports instead.
 */
function ignorePageStopEvents(ctx: ContentScriptContext) {
  // The name as WXT 0.21 builds it (ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE, private there).
  const type = `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
  ctx.addEventListener(window, type as keyof WindowEventMap, (e: Event) => e.stopImmediatePropagation(), { capture: true });
}

/** Only Baton's own sidebar page (an extension page of this extension) may open the sidebar port. */
function fromSidebarPage(sender: Browser.runtime.MessageSender | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id || !sender.url) return false;
  return sender.url.split(/[?#]/)[0] === browser.runtime.getURL(SIDEBAR_PAGE);
}

function safe<T>(fn: () => T[]): T[] {
  try {
    return fn();
  } catch {
    return [];
  }
}
