/** A small time-limited cache (targets lists, tag ids) shared by the adapters. */
export class TtlCache<T> {
  private entries = new Map<string, { at: number; value: T }>();
  constructor(private ttlMs: number, private now: () => number = Date.now) {}
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
