import type { Message } from '@/lib/schema/conversation';

/** What a page change means for the open conversation. */
export type PageChange =
  /** A message the page had not shown before is now the newest: worth asking the helpdesk. */
  | 'new-message'
  /** The same messages, or older ones scrolled into view (a virtualised thread): nothing to ask. */
  | 'unchanged'
  /**
   * The conversation view changed, but Baton reads no message in it (the helpdesk's markup moved on): only
   * the helpdesk can say whether it changed, so a cheap "changed since" read is asked, at a bounded rate.
   */
  | 'unreadable';

/** One message as the page shows it: its identity and, when the page says, when it was written. */
export interface SeenMessage {
  key: string;
  at?: number;
}

export function seenOf(m: Message): SeenMessage {
  const at = m.createdAt ? Date.parse(m.createdAt) : NaN;
  const key = m.id ?? [m.role, m.author?.name ?? '', m.createdAt ?? '', m.text.slice(0, 160)].join('|');
  return Number.isNaN(at) ? { key } : { key, at };
}

/**
 * Decides from what the page shows whether the open conversation is worth asking about again. It follows the
 * newest message, not the number of messages: a virtualised thread (one that renders only the rows near the
 * viewport) adds and drops rows as the agent scrolls, while the conversation stays the same. Pure, so the
 * bench can replay an hour of page changes without a browser.
 */
export class RecheckRule {
  private readonly seen = new Set<string>();
  private newest = -Infinity;
  private primed = false;

  /** The page's messages after a change of the conversation view, oldest first. */
  onChange(messages: SeenMessage[]): PageChange {
    if (!messages.length) return 'unreadable';
    const last = messages[messages.length - 1];
    const isNew = this.primed && !this.seen.has(last.key) && (last.at === undefined || last.at >= this.newest);
    // The first messages the page renders are the ones the check at load already read.
    this.primed = true;
    for (const m of messages) {
      this.seen.add(m.key);
      if (m.at !== undefined && m.at > this.newest) this.newest = m.at;
    }
    return isNew ? 'new-message' : 'unchanged';
  }
}

/** After a change, how long the page may keep changing before Baton asks (a burst of renders is one ask). */
export const RECHECK_DEBOUNCE_MS = 1200;
/** Unreadable changes ask at most this often: a view that re-renders all the time still costs little. */
export const UNREADABLE_MIN_GAP_MS = 15_000;
/** While the view is unreadable and the tab visible, the helpdesk is asked "changed since" this often. */
export const VISIBLE_POLL_MS = 60_000;
