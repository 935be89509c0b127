import './../../components/sidebar/sidebar.css';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { detectConversation } from '../../lib/platforms';
import { AGENT_APP_MATCHES } from '../../lib/platforms/metas';
import type { PlatformAdapter } from '../../lib/platforms/types';
import type { Policy } from '../../lib/schema/policy';
import { KEYS } from '../../lib/config/keys';
import { journalKey, JournalSchema } from '../../lib/schema/plan';
import { App } from '../../components/sidebar/App';
import { useSidebar } from '../../components/sidebar/store';
import { flushDraft } from '../../components/sidebar/draft';
import { onPolicyChange, readPolicy } from '../../utils/settings';
import { listenForSessionFetch } from './session-fetch';
import { reserveSpace } from './layout';
import { showMessage } from './highlight';

const RECHECK_DEBOUNCE_MS = 1200;

export default defineContentScript({
  // Every platform's agent app, from the registry: the manifest asks for exactly the same hosts.
  matches: [...AGENT_APP_MATCHES],
  cssInjectionMode: 'ui',
  runAt: 'document_end',
  async main(ctx) {
    let ui: ShadowRootContentScriptUi<Root> | null = null;
    let adapter: PlatformAdapter | null = null;
    let policy: Policy = (await readPolicy()).policy;
    let observer: MutationObserver | null = null;
    let recheckTimer: ReturnType<typeof setTimeout> | undefined;

    const store = useSidebar;
    const domMessages = () => (adapter ? adapter.dom.readMessages(document, policy.botIdentity[adapter.platform]).map((m) => m.message) : []);
    const check = (force = false) => store.getState().check({ force, domMessages: safe(domMessages) });

    listenForSessionFetch((command) => {
      const s = store.getState();
      if (!s.ref) return;
      if (command === 'toggle-sidebar') s.setOpen(!s.open);
      if (command === 'escalate' && s.result?.verdict.status === 'escalate' && !s.journal) void s.escalate();
    });

    onPolicyChange(async () => {
      policy = (await readPolicy()).policy;
      store.getState().setPolicy(policy);
      void check(true);
    });

    // Journal progress is written by the background; any tab showing this conversation follows it live.
    browser.storage.onChanged.addListener((changes, area) => {
      const key = store.getState().key;
      if (area !== 'local' || !key) return;
      const change = changes[KEYS.journal(key)];
      if (!change) return;
      const parsed = JournalSchema.safeParse(change.newValue);
      store.getState().journalChanged(parsed.success ? parsed.data : null);
    });

    store.subscribe((s, prev) => {
      if (s.open !== prev.open || s.ref !== prev.ref) reserveSpace(!!s.ref && s.open);
    });

    const watchThread = () => {
      observer?.disconnect();
      const root = adapter?.dom.threadRoot(document);
      if (!root) return;
      let lastCount = safe(domMessages).length;
      observer = new MutationObserver(() => {
        const count = safe(domMessages).length;
        if (count === lastCount) return;
        lastCount = count;
        clearTimeout(recheckTimer);
        recheckTimer = setTimeout(() => void check(), RECHECK_DEBOUNCE_MS);
      });
      observer.observe(root, { childList: true, subtree: true });
    };

    const sync = async (url = location.href) => {
      const found = detectConversation(url);
      const key = found ? journalKey(found.ref.platform, found.ref.account, found.ref.conversationId) : null;
      if (key === store.getState().key) return;
      const prevKey = store.getState().key;
      if (prevKey) await flushDraft(prevKey);
      adapter = found?.adapter ?? null;
      if (!found) {
        observer?.disconnect();
        ui?.remove();
        ui = null;
        await store.getState().setConversation(null, policy);
        reserveSpace(false);
        return;
      }
      const [stored] = await Promise.all([
        browser.storage.local.get(KEYS.sidebarOpen(found.ref.platform)),
        store.getState().setConversation(found.ref, policy),
      ]);
      useSidebar.setState({ open: stored[KEYS.sidebarOpen(found.ref.platform)] !== false });
      // Ask for the verdict first; mounting the sidebar overlaps with the background's work.
      void check();
      if (!ui) {
        ui = await createShadowRootUi(ctx, {
          name: 'baton-sidebar',
          position: 'inline',
          anchor: 'body',
          append: 'last',
          onMount(container) {
            const root = createRoot(container);
            root.render(
              <App
                onQuote={(index, quote) => adapter && showMessage(adapter.dom, policy.botIdentity[adapter.platform], index, quote)}
              />,
            );
            return root;
          },
          onRemove(root) {
            root?.unmount();
          },
        });
        ui.mount();
      }
      reserveSpace(store.getState().open);
      // The thread may render after the URL changes; watch for it a few times.
      watchThread();
      setTimeout(watchThread, 800);
      setTimeout(watchThread, 2500);
    };

    // The event fires as navigation starts, before location.href changes: use the URL it carries.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => void sync(e.newUrl.href));
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
