import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import '@/components/sidebar/sidebar.css';
import { createRoot, type Root } from 'react-dom/client';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startClock } from '@/utils/clock';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { detectConversation } from '@/lib/platforms';
import { AGENT_APP_MATCHES } from '@/lib/platforms/metas';
import type { PlatformAdapter } from '@/lib/platforms/types';
import type { Policy } from '@/lib/schema/policy';
import { journalKey } from '@/lib/schema/plan';
import type { CheckResult } from '@/lib/schema/messages';
import { App } from '@/components/sidebar/App';
import { useSidebar } from '@/components/sidebar/store';
import { flushDraft } from '@/components/sidebar/draft';
import { journalItem, policyStore } from '@/utils/storage';
import { send } from '@/utils/messaging';
import { announceReady, listenForTabRequests } from './session-fetch';
import { reserveSpace } from './layout';
import { showMessage } from './highlight';
import { watchMessageCount, watchThreadRoot } from './thread';

const RECHECK_DEBOUNCE_MS = 1200;

export default defineContentScript({
  // Every platform's agent app, from the registry: the manifest asks for exactly the same hosts.
  matches: [...AGENT_APP_MATCHES],
  cssInjectionMode: 'ui',
  runAt: 'document_end',
  // WXT otherwise posts "<extension id>:content:wxt:content-script-started" to the page at start-up.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ignorePageStopEvents(ctx);
    const store = useSidebar;
    let ui: Promise<ShadowRootContentScriptUi<Root>> | null = null;
    let adapter: PlatformAdapter | null = null;
    let stopThread: (() => void) | null = null;
    let stopJournal: (() => void) | null = null;

    // First of all: this tab can carry the agent's session requests, even before the sidebar is drawn
    // (Options may be waiting on it, or an interrupted escalation).
    listenForTabRequests(ctx, (command) => {
      const s = store.getState();
      if (!s.ref) return;
      if (command === 'toggle-sidebar') s.setOpen(!s.open);
      if (command === 'escalate' && s.result?.verdict.status === 'escalate' && !s.journal) void s.escalate();
    });
    const ready = announceReady(ctx);
    ready();
    // The verdict comes from the API, which needs only the conversation the URL names: ask for it now, while
    // this tab's own storage reads (policy, draft, sidebar state) are under way. Null when that check failed.
    const first = detectConversation(location.href);
    let early: { key: string; answer: Promise<CheckResult | null> } | null = first
      ? {
          key: journalKey(first.ref.platform, first.ref.account, first.ref.conversationId),
          answer: send('check', { ref: first.ref, force: false }).catch(() => null),
        }
      : null;

    const policyRead = policyStore.read().then((r) => r.policy);
    // Business hours and elapsed times read Baton's clock (tests move it); it is read alongside the policy.
    const clockRead = startClock();
    // The sidebar's shadow root (its stylesheet is fetched) is built while storage is read.
    if (first) ui = createUi();
    let policy: Policy = await policyRead;
    await clockRead;
    if (ctx.isInvalid) return;
    const domMessages = () =>
      adapter ? adapter.dom.readMessages(document, policy.botIdentity[adapter.platform]).map((m) => m.message) : [];
    const check = (force = false) => store.getState().check({ force, domMessages: safe(domMessages) });

    ctx.onInvalidated(
      policyStore.watch(async () => {
        policy = (await policyStore.read()).policy;
        if (ctx.isInvalid) return;
        store.getState().setPolicy(policy);
        void check(true);
      }),
    );
    ctx.onInvalidated(
      store.subscribe((s, prev) => {
        if (s.open !== prev.open || s.ref !== prev.ref) reserveSpace(!!s.ref && s.open);
      }),
    );
    ctx.onInvalidated(() => {
      stopThread?.();
      stopJournal?.();
    });

    /** Journal progress is written by the background; any tab showing this conversation follows it live. */
    const followJournal = (key: string | null) => {
      stopJournal?.();
      stopJournal = key ? journalItem(key).watch(({ value }) => store.getState().journalChanged(value)) : null;
    };

    function createUi(): Promise<ShadowRootContentScriptUi<Root>> {
      return createShadowRootUi(ctx, {
        name: 'baton-sidebar',
        // Closed: the helpdesk page's scripts get null from the host's shadowRoot, so they cannot read the note or
        // find the buttons (security review A2). The buttons also act only on trusted clicks (trusted.ts).
        mode: 'closed',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        onMount(container) {
          const root = createRoot(container);
          root.render(
            <App
              onQuote={(index, quote) => adapter && showMessage(ctx, adapter.dom, policy.botIdentity[adapter.platform], index, quote)}
            />,
          );
          return root;
        },
        onRemove(root) {
          root?.unmount();
        },
      });
    }

    const sync = async (url = location.href) => {
      const found = detectConversation(url);
      const key = found ? journalKey(found.ref.platform, found.ref.account, found.ref.conversationId) : null;
      if (key === store.getState().key) return;
      const prevKey = store.getState().key;
      if (prevKey) await flushDraft(prevKey);
      adapter = found?.adapter ?? null;
      followJournal(key);
      stopThread?.();
      stopThread = null;
      if (!found) {
        const gone = ui;
        ui = null;
        (await gone)?.remove();
        await store.getState().setConversation(null, policy);
        reserveSpace(false);
        return;
      }
      // The conversation is shown at once; its draft and open state are read while the verdict is asked for
      // and the sidebar is drawn (the store merges an answer only once the saved draft is in).
      const loaded = store.getState().setConversation(found.ref, policy);
      // The answer asked for at load is used when it is for this conversation; when it failed (the API could
      // not be read), the check is asked again with the messages on the page.
      const answer = early?.key === key ? early.answer : null;
      early = null;
      if (answer) {
        const ref = found.ref;
        void store
          .getState()
          .check({ answer: answer.then((r) => r ?? send('check', { ref, force: false, domMessages: safe(domMessages) })) });
      } else void check();
      ui ??= createUi();
      const [shell] = await Promise.all([ui, loaded]);
      if (ctx.isInvalid || store.getState().key !== key) return;
      if (!shell.mounted) shell.mount();
      reserveSpace(store.getState().open);
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
            () => safe(domMessages).length,
            () => void check(),
            RECHECK_DEBOUNCE_MS,
          ),
      );
    };

    // The event fires as navigation starts, before location.href changes: use the URL it carries.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => {
      ready();
      void sync(e.newUrl.href);
    });
    ctx.addEventListener(window, 'pagehide', () => {
      const key = store.getState().key;
      if (key) void flushDraft(key);
    });
    await sync();
  },
});

function safe<T>(fn: () => T[]): T[] {
  try {
    return fn();
  } catch {
    return [];
  }
}

/**
 * WXT switches a content script off when the document receives its "another instance started" event, and a
 * page script can fire that event too (security review #5): it is stopped before WXT's own listener sees it.
 */
function ignorePageStopEvents(ctx: ContentScriptContext) {
  // The name as WXT 0.21 builds it (ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE, private there).
  const type = `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
  ctx.addEventListener(window, type as keyof WindowEventMap, (e: Event) => e.stopImmediatePropagation(), { capture: true });
}
