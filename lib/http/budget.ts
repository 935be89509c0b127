/**
 * A helpdesk's request budget as its answers announce it, and the pace that keeps Baton under it: waiting a
 * little before a request is better than a 429, which every other integration of the account then also
 * pays for. Headers read (from the helpdesks' rate-limit documentation, see ../shared/research):
 * `x-ratelimit-limit` / `x-ratelimit-remaining` / `x-ratelimit-reset` (a Unix time, or seconds);
 * `ratelimit-limit` / `ratelimit-remaining` / `ratelimit-reset` (seconds); `x-rate-limit` /
 * `x-rate-limit-remaining`; and the "used/limit" convention of `X-…-Api-Call-Limit: 10/40` headers.
 */
export interface Budget {
  remaining: number;
  limit: number;
  /** Milliseconds until the budget is whole again, when the answer says. */
  resetMs?: number;
}

const num = (v: string | undefined) => (v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

export function budgetOf(headers: Record<string, string>, now = Date.now()): Budget | null {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) h[k.toLowerCase()] = v;
  const callLimit = Object.entries(h).find(([k]) => k.endsWith('-api-call-limit'))?.[1];
  const usedOf = callLimit ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(callLimit) : null;
  if (usedOf) {
    const limit = Number(usedOf[2]);
    return limit > 0 ? { remaining: Math.max(0, limit - Number(usedOf[1])), limit } : null;
  }
  const remaining = num(h['x-ratelimit-remaining'] ?? h['ratelimit-remaining'] ?? h['x-rate-limit-remaining']);
  const limit = num(h['x-ratelimit-limit'] ?? h['ratelimit-limit'] ?? h['x-rate-limit']);
  if (remaining === undefined || limit === undefined || limit <= 0) return null;
  const reset = num(h['x-ratelimit-reset'] ?? h['ratelimit-reset']);
  // A reset above 10^9 is a Unix time in seconds; below, seconds to wait.
  const resetMs = reset === undefined ? undefined : Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
  return { remaining: Math.max(0, remaining), limit, ...(resetMs === undefined ? {} : { resetMs }) };
}

/** Share of the budget Baton leaves to the account's other integrations and agents before it slows down. */
const RESERVE_SHARE = 0.1;

/** How long to hold the next request after an answer announcing `b`: 0 while the budget is comfortable. */
export function paceAfter(b: Budget): number {
  const reserve = Math.max(1, Math.ceil(b.limit * RESERVE_SHARE));
  if (b.remaining > reserve) return 0;
  // With a reset time: what is left is spread until the reset. Without one (a leaky bucket), assume it
  // drains over a minute and wait one slot per request taken from the reserve.
  if (b.resetMs !== undefined) return b.remaining <= 0 ? b.resetMs : Math.round(b.resetMs / (b.remaining + 1));
  return Math.round((60_000 / b.limit) * (reserve - b.remaining + 1));
}

/**
 * The pace per API origin, shared by every client of one worker (a client lives for one check or one
 * escalation; the budget is the account's). Between answers it counts the requests it let out, so a burst
 * sent in parallel (a read asks for the ticket and its comments at once) spends the same budget it would
 * one by one.
 */
export class RatePacer {
  private readonly known = new Map<string, Budget & { at: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before sending to `url`'s origin; the request is counted against the budget. */
  waitFor(url: string): number {
    const origin = originOf(url);
    const b = this.known.get(origin);
    if (!b) return 0;
    const now = this.now();
    const elapsed = now - b.at;
    // A budget whose reset time has passed is whole again; one without (a leaky bucket) refills as it drains.
    const remaining =
      b.resetMs !== undefined
        ? elapsed >= b.resetMs
          ? b.limit
          : b.remaining
        : Math.min(b.limit, b.remaining + Math.floor((elapsed * b.limit) / 60_000));
    const resetMs = b.resetMs === undefined ? undefined : Math.max(0, b.resetMs - elapsed);
    const wait = paceAfter({ remaining, limit: b.limit, ...(resetMs === undefined ? {} : { resetMs }) });
    this.known.set(origin, {
      remaining: Math.max(0, remaining - 1),
      limit: b.limit,
      at: now,
      ...(resetMs === undefined ? {} : { resetMs }),
    });
    return wait;
  }

  /** Takes the budget an answer from `url` announced; an answer without one changes nothing. */
  observe(url: string, headers: Record<string, string>): void {
    const b = budgetOf(headers, this.now());
    if (b) this.known.set(originOf(url), { ...b, at: this.now() });
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** The worker's one pacer. */
export const sharedPacer = new RatePacer();
