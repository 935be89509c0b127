import { budgetOf } from '../http/budget';
import { retryAfterMs } from '../http/client';

/**
 * The queue watch's own pace: a share of the helpdesk's request budget, so a scan never competes with the
 * agents' work. The budget is the published one for the smallest plan until an answer announces the account's
 * real limit. An answer near the end of the budget, or a 429 with its Retry-After, slows the rest of the scan:
 * the gap doubles (up to a minute) and the scan waits out the Retry-After before its next request.
 */
export class WatchPacer {
  private limit: number;
  private last = -Infinity;
  private slowdown = 1;
  private holdUntil = 0;
  /** Milliseconds spent waiting, for the scan's report. */
  waited = 0;

  constructor(
    published: { limit: number; windowMs: number },
    private readonly sharePercent: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.limit = published.limit;
    this.windowMs = published.windowMs;
  }

  private readonly windowMs: number;

  /** The spacing between two requests of the scan. */
  gapMs(): number {
    const perWindow = Math.max(1, (this.limit * this.sharePercent) / 100);
    return Math.min(60_000, (this.windowMs / perWindow) * this.slowdown);
  }

  /**
   * Waits until the next request may go. The slot is taken before waiting, so requests a read sends together
   * (a conversation and its messages) are spaced like any others.
   */
  async turn(): Promise<void> {
    const now = this.now();
    const at = Math.max(this.last + this.gapMs(), this.holdUntil, now);
    this.last = at;
    const wait = at - now;
    if (wait > 0) {
      this.waited += wait;
      await this.sleep(wait);
    }
  }

  /** Reads an answer's budget headers: the account's real limit, and whether to slow down. */
  observe(status: number, headers: Record<string, string>): void {
    const b = budgetOf(headers, this.now());
    if (b) this.limit = b.limit;
    const low = b && b.remaining <= Math.max(1, Math.ceil(b.limit * 0.1));
    if (status === 429 || low) this.slowdown = Math.min(this.slowdown * 2, 64);
    if (status === 429) this.holdUntil = this.now() + (retryAfterMs(headers, this.now()) ?? this.gapMs());
  }
}
