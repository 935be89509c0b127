import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import '@/components/sidebar/sidebar.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startClock } from '@/utils/clock';
import { detectConversation } from '@/lib/platforms';
import { AGENT_APP_MATCHES } from '@/lib/platforms/metas';
import type { Policy } from '@/lib/schema/policy';
import { journalKey } from '@/lib/schema/plan';
import type { CheckResult } from '@/lib/schema/messages';
import { useSidebar } from '@/components/sidebar/store';
import { flushDraft } from '@/components/sidebar/draft';
import { policyStore } from '@/utils/storage';
import { send } from '@/utils/messaging';
import { announceReady, listenForTabRequests } from './session-fetch';
import { reserveSpace } from './layout';
import { showMessage } from './highlight';
import { childOf, onAbort } from './lifetime';
import { OpenConversation } from './conversation';
import { SidebarShell } from './sidebar-ui';

export default defineContentScript({
  // Every platform's agent app, from the registry: the manifest asks for exactly the same hosts.
  matches: [...AGENT_APP_MATCHES],
  cssInjectionMode: 'ui',
  runAt: 'document_end',
  // WXT otherwise posts "<extension id>:content:wxt:content-script-started" to the page at start-up.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ignorePageStopEvents(ctx);
    // First of all: this tab can carry the agent's session requests, even before the sidebar is drawn
    // (Options may be waiting on it, or an interrupted escalation).
    listenForTabRequests(ctx, (command) => {
      const s = useSidebar.getState();
      if (!s.ref) return;
      if (command === 'toggle-sidebar') s.setOpen(!s.open);
      if (command === 'escalate' && s.result?.verdict.status === 'escalate' && !s.journal) void s.escalate();
    });
    const ready = announceReady(ctx);
    ready();
    // The verdict comes from the API, which needs only the conversation the URL names: ask for it now, while
    // this tab's own storage reads (policy, draft, sidebar state) are under way.
    const early = askEarly(location.href);
    const policyRead = policyStore.read().then((r) => r.policy);
    // Business hours and elapsed times read Baton's clock (tests move it); it is read alongside the policy.
    const clockRead = startClock();
    const tab = new AgentTab(ctx, early, ready);
    // The sidebar's shadow root (its stylesheet is fetched) is built while storage is read.
    if (early) void tab.shell.prepare();
    tab.policy = await policyRead;
    await clockRead;
    if (ctx.isInvalid) return;
    tab.init(ctx.signal);
    await tab.open(location.href);
  },
});

/** The check for the conversation the URL names, asked before anything else is ready. */
function askEarly(url: string): { key: string; answer: Promise<CheckResult | null> } | null {
  const found = detectConversation(url);
  if (!found) return null;
  const { ref } = found;
  return {
    key: journalKey(ref.platform, ref.account, ref.conversationId),
    answer: send('check', { ref, force: false }).catch(() => null),
  };
}

/**
 * The agent app's tab: the sidebar shell, the policy, and whichever conversation the URL names, one
 * `OpenConversation` at a time, each ended before the next starts.
 */
class AgentTab {
  readonly shell: SidebarShell;
  policy!: Policy;
  private current: { conversation: OpenConversation; life: AbortController } | null = null;
  private signal!: AbortSignal;

  constructor(
    private readonly ctx: ContentScriptContext,
    private early: { key: string; answer: Promise<CheckResult | null> } | null,
    /** Tells the worker again that this tab carries session requests (it may have forgotten it meanwhile). */
    private readonly ready: () => void,
  ) {
    this.shell = new SidebarShell(ctx, (index, quote) => {
      const c = this.current?.conversation;
      if (c) showMessage(ctx, c.adapter.dom, this.policy.botIdentity[c.adapter.platform], index, quote);
    });
  }

  init(signal: AbortSignal): void {
    this.signal = signal;
    const store = useSidebar;
    onAbort(
      signal,
      policyStore.watch(async () => {
        this.policy = (await policyStore.read()).policy;
        if (signal.aborted) return;
        store.getState().setPolicy(this.policy);
        void this.current?.conversation.check({ force: true });
      }),
    );
    onAbort(
      signal,
      store.subscribe((s, prev) => {
        if (s.open !== prev.open || s.ref !== prev.ref) reserveSpace(!!s.ref && s.open);
      }),
    );
    // The event fires as navigation starts, before location.href changes: use the URL it carries.
    this.ctx.addEventListener(window, 'wxt:locationchange', (e) => {
      this.ready();
      void this.open(e.newUrl.href);
    });
    this.ctx.addEventListener(window, 'pagehide', () => {
      const key = store.getState().key;
      if (key) void flushDraft(key);
    });
  }

  /** Shows the conversation `url` names (nothing on other pages); the same one again changes nothing. */
  async open(url: string): Promise<void> {
    const found = detectConversation(url);
    const key = found ? journalKey(found.ref.platform, found.ref.account, found.ref.conversationId) : null;
    if (key === (this.current?.conversation.key ?? null)) return;
    const previous = this.current;
    this.current = null;
    previous?.life.abort();
    if (previous) await flushDraft(previous.conversation.key);
    if (this.signal.aborted) return;
    if (!found || !key) {
      await this.shell.remove();
      await useSidebar.getState().setConversation(null, this.policy);
      reserveSpace(false);
      return;
    }
    // The answer asked for at load is used when it is for this conversation.
    const early = this.early?.key === key ? this.early.answer : null;
    this.early = null;
    const conversation = new OpenConversation(found.ref, found.adapter, key, { shell: this.shell, policy: () => this.policy, early });
    const life = childOf(this.signal);
    this.current = { conversation, life };
    await conversation.init(life.signal);
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
