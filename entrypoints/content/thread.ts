import type { Message } from '@/lib/schema/conversation';
import { childOf, debounced, every, later, observe } from './lifetime';
import { RECHECK_DEBOUNCE_MS, RecheckRule, seenOf, UNREADABLE_MIN_GAP_MS, VISIBLE_POLL_MS, type PageChange } from './recheck';

/**
 * Follows the helpdesk's conversation view as the page renders it: `onThread` gets the view element each
 * time it appears or is replaced (single-page apps render it after the URL changes, and again on navigation),
 * with a signal that ends when that element goes, so no timer has to guess when the page has loaded.
 */
export function watchThreadRoot(
  signal: AbortSignal,
  find: () => Element | null,
  onThread: (root: Element, signal: AbortSignal) => void,
): void {
  let current: Element | null = null;
  let life: AbortController | null = null;
  const look = () => {
    const root = safeFind(find);
    if (root === current) return;
    life?.abort();
    life = null;
    current = root;
    if (root) {
      life = childOf(signal);
      onThread(root, life.signal);
    }
  };
  // Only the view's presence is checked on each page change: cheap, and reading messages waits for it.
  observe(signal, document.documentElement, { childList: true, subtree: true }, look);
  look();
}

/**
 * Asks for a re-check when the conversation view shows something new (RecheckRule): a new newest message
 * at once (debounced); a change Baton cannot read at most every UNREADABLE_MIN_GAP_MS, and then also every
 * VISIBLE_POLL_MS while the tab is visible, since the page will not say when a message arrives.
 */
export function watchConversation(
  signal: AbortSignal,
  root: Element,
  messages: () => Message[],
  recheck: (change: Exclude<PageChange, 'unchanged'>) => void,
): void {
  const rule = new RecheckRule();
  let unreadable = false;
  // The check at load has just asked.
  let lastAsk = Date.now();
  const ask = (change: Exclude<PageChange, 'unchanged'>) => {
    lastAsk = Date.now();
    recheck(change);
  };
  const soon = debounced(signal, () => ask('new-message'), RECHECK_DEBOUNCE_MS);
  let waiting = false;
  const askWhenAllowed = () => {
    if (waiting) return;
    waiting = true;
    const gap = Math.max(RECHECK_DEBOUNCE_MS, UNREADABLE_MIN_GAP_MS - (Date.now() - lastAsk));
    later(
      signal,
      () => {
        waiting = false;
        // A view that was only half rendered and shows its messages by now needs nothing.
        if (unreadable) ask('unreadable');
      },
      gap,
    );
  };
  const look = (changed: boolean) => {
    const change = rule.onChange(safeRead(messages).map(seenOf));
    unreadable = change === 'unreadable';
    if (!changed) return;
    if (change === 'new-message') soon();
    else if (unreadable) askWhenAllowed();
  };
  // Text edits count: an app may reuse a message's element for the next one.
  observe(signal, root, { childList: true, subtree: true, characterData: true }, () => look(true));
  look(false);
  every(
    signal,
    () => {
      if (unreadable && document.visibilityState === 'visible' && Date.now() - lastAsk >= VISIBLE_POLL_MS) ask('unreadable');
    },
    VISIBLE_POLL_MS / 4,
  );
}

function safeRead(read: () => Message[]): Message[] {
  try {
    return read();
  } catch {
    return [];
  }
}

function safeFind(find: () => Element | null): Element | null {
  try {
    const el = find();
    return el && el.isConnected ? el : null;
  } catch {
    return null;
  }
}
