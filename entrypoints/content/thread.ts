import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Follows the helpdesk's conversation thread as the page renders it: `onThread` gets the thread element each
 * time it appears or is replaced (single-page apps render it after the URL changes, and again on navigation),
 * so no timer has to guess when the page has loaded. Everything stops when the content script is invalidated
 * (extension update) or when the returned function is called.
 */
export function watchThreadRoot(
  ctx: ContentScriptContext,
  find: () => Element | null,
  onThread: (root: Element) => () => void,
): () => void {
  let current: Element | null = null;
  let stopCurrent: (() => void) | null = null;
  const look = () => {
    const root = safeFind(find);
    if (root === current) return;
    stopCurrent?.();
    stopCurrent = null;
    current = root;
    if (root) stopCurrent = onThread(root);
  };
  // Only the thread's presence is checked on each page change: cheap, and reading messages waits for it.
  const page = new MutationObserver(look);
  page.observe(document.documentElement, { childList: true, subtree: true });
  look();
  const stop = () => {
    page.disconnect();
    stopCurrent?.();
    stopCurrent = null;
    current = null;
  };
  const unlisten = ctx.onInvalidated(stop);
  return () => {
    unlisten();
    stop();
  };
}

/**
 * Calls `onChange` (debounced) when the number of messages in the thread changes, e.g. a customer's new
 * message arrives. Timers are the context's, so none fires after an extension update.
 */
export function watchMessageCount(
  ctx: ContentScriptContext,
  root: Element,
  count: () => number,
  onChange: () => void,
  debounceMs: number,
): () => void {
  let last = count();
  let timer: number | undefined;
  const observer = new MutationObserver(() => {
    const now = count();
    if (now === last) return;
    last = now;
    clearTimeout(timer);
    timer = ctx.setTimeout(onChange, debounceMs);
  });
  observer.observe(root, { childList: true, subtree: true });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  const unlisten = ctx.onInvalidated(stop);
  return () => {
    unlisten();
    stop();
  };
}

function safeFind(find: () => Element | null): Element | null {
  try {
    const el = find();
    return el && el.isConnected ? el : null;
  } catch {
    return null;
  }
}
