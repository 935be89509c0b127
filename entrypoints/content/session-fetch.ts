import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fetchTransport } from '@/lib/http/client';
import { TransportError } from '@/lib/http/types';
import { TAB_READY_PORT, TabRequestSchema } from '@/lib/schema/messages';
import { sessionRequestProblem } from '@/lib/platforms/metas';

/**
 * Session auth: the background asks this tab to make a same-origin API call, so the helpdesk's own
 * cookies authenticate it. Only this page's own API paths and the methods Baton uses are relayed (the
 * platform's meta declares them), and no secret ever passes through here.
 * The listener lives as long as this content script's context: an extension update removes it.
 */
export function listenForTabRequests(ctx: ContentScriptContext, onCommand: (command: 'toggle-sidebar' | 'escalate') => void) {
  const transport = fetchTransport(pageFetch(), {}, { credentials: 'same-origin' });
  // The page aborts its requests as it unloads, and this script may still answer before it goes: such a
  // failure is the tab going away (the request may have landed), not the network.
  let unloading = false;
  const leaving = () => (unloading = true);
  ctx.addEventListener(window, 'beforeunload', leaving);
  ctx.addEventListener(window, 'pagehide', leaving);
  ctx.addEventListener(window, 'pageshow', () => (unloading = false));
  const listener = (raw: unknown) => {
    if (ctx.isInvalid) return undefined;
    const parsed = TabRequestSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'ping') return Promise.resolve(true);
    if (msg.type === 'command') {
      onCommand(msg.command);
      return Promise.resolve(true);
    }
    const refused = sessionRequestProblem(location.href, msg.request);
    if (refused) return Promise.resolve({ ok: false, kind: 'network', message: refused });
    return transport(msg.request).then(
      (response) => ({ ok: true, response }),
      (e: unknown) => ({
        ok: false,
        kind: unloading ? 'tab_gone' : e instanceof TransportError ? e.kind : 'network',
        message: unloading ? 'The page was closed or reloaded before the helpdesk answered' : (e as Error).message,
      }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

/**
 * The fetch that makes a request as the page would. In Firefox a content script's own `fetch` is the
 * extension's: it sends no Origin or Referer of the page, which a helpdesk's session checks may refuse;
 * Firefox gives content scripts the page's own as `content.fetch` (MDN, "Content scripts" → "XHR and Fetch").
 * Chromium has no `content`: its content-script fetch already runs with the page's origin.
 */
export function pageFetch(scope: { content?: { fetch?: typeof fetch } } = globalThis as never): typeof fetch {
  const own = scope.content?.fetch;
  return own ? (input, init) => own.call(scope.content, input, init) : (input, init) => fetch(input, init);
}

/**
 * Tells the background this tab can carry session requests (call after `listenForTabRequests`). The open port
 * is the announcement: it closes by itself when this page goes away. When the worker restarts the port
 * closes too; the worker then asks tabs directly (a ping), so nothing here reconnects and wakes it for nothing.
 * Called again after an in-app navigation, in case the worker forgot the tab meanwhile.
 */
export function announceReady(ctx: ContentScriptContext): () => void {
  let port: Browser.runtime.Port | null = null;
  const close = () => {
    try {
      port?.disconnect();
    } catch {
      // Already closed.
    }
    port = null;
  };
  ctx.onInvalidated(close);
  return () => {
    if (ctx.isInvalid) return;
    close();
    try {
      port = browser.runtime.connect({ name: TAB_READY_PORT });
      port.onDisconnect.addListener(() => (port = null));
    } catch {
      // The extension was updated under this page: the new content script announces itself.
    }
  };
}
