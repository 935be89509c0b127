import type { WatchChanges, WatchedItem } from './types';

/** One page of a list sorted newest update first: its items and how to ask for the next page (null: none). */
export interface NewestFirstPage {
  items: WatchedItem[];
  next: (() => Promise<NewestFirstPage>) | null;
}

const time = (stamp: string) => {
  const t = Date.parse(stamp);
  return Number.isNaN(t) ? Number(stamp) : t;
};

/** Whether `a` is at or after `b`, for the stamps helpdesks hand out (ISO times, or Unix seconds). */
export function atOrAfter(a: string, b: string): boolean {
  return time(a) >= time(b);
}

/**
 * Walks a list sorted by update time, newest first, and stops at the first page that reaches back to `since`:
 * a scan costs one page plus one per hundred changed conversations, however long the watched list is.
 * Items stamped exactly `since` are kept (two updates can share a stamp); the scanner drops those it already has.
 */
export async function walkNewestFirst(first: () => Promise<NewestFirstPage>, since: string | null, maxPages = 50): Promise<WatchChanges> {
  const items: WatchedItem[] = [];
  let newest: string | null = null;
  let requests = 0;
  let load: (() => Promise<NewestFirstPage>) | null = first;
  while (load && requests < maxPages) {
    const page: NewestFirstPage = await load();
    requests++;
    let reachedBack = false;
    for (const item of page.items) {
      if (!newest || !atOrAfter(newest, item.updatedAt)) newest = item.updatedAt;
      if (since && !atOrAfter(item.updatedAt, since)) reachedBack = true;
      else items.push(item);
    }
    load = reachedBack ? null : page.next;
  }
  return { items, newest: newest ?? since, requests };
}
