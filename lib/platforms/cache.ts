/** Every cache the adapters made, so a refresh the user asked for can expire them all at once. */
const all = new Set<{ clear(): void }>();

/**
 * Registers a store the adapters keep between requests (a Map of tag ids, read snapshots, tokens) so that
 * Refresh empties it too: anything kept here that Refresh missed would show the helpdesk as it was.
 */
export function expiring<T extends { clear(): void }>(store: T): T {
  all.add(store);
  return store;
}

/** A small time-limited cache (targets lists, tag ids) shared by the adapters. */
export class TtlCache<T> {
  private entries = new Map<string, { at: number; value: T }>();
  constructor(
    private ttlMs: number,
    private now: () => number = Date.now,
  ) {
    expiring(this);
  }
  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e || this.now() - e.at > this.ttlMs) return undefined;
    return e.value;
  }
  set(key: string, value: T) {
    this.entries.set(key, { at: this.now(), value });
  }
  clear() {
    this.entries.clear();
  }
}

/**
 * Forgets everything the adapters cached. Called when the user presses Refresh: they expect what the
 * helpdesk says now (a team created a minute ago), not a list up to ten minutes old.
 */
export function expireCaches(): void {
  for (const c of all) c.clear();
}
