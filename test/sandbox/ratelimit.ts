import { z } from 'zod';

/**
 * Request budgets of the sandbox's helpdesks, announced in each platform's own headers and enforced with a
 * 429 + Retry-After when spent, so Baton's pacing (lib/http/budget.ts) meets what production sends:
 * - Zendesk: account-wide per minute (700 on Enterprise), `X-Rate-Limit` / `X-Rate-Limit-Remaining` on every
 *   answer and `ratelimit-limit` / `ratelimit-remaining` / `ratelimit-reset` (seconds) on ticketing endpoints
 *   (developer.zendesk.com/api-reference/introduction/rate-limits; ../shared/research/api-contracts.md).
 * - Gorgias: a leaky bucket per account, 80 calls per 20 s for OAuth apps (40 for API keys), announced as
 *   `X-Gorgias-Account-Api-Call-Limit: used/limit` (developers.gorgias.com/reference/limitations).
 * Front's API module keeps its own per-minute budget with `x-ratelimit-*` headers (platforms/front/api.ts).
 * The defaults are the generous tiers so ordinary tests never meet them; tests lower them through
 * POST /__admin/rate-limits. Modelled as a sliding window of request times.
 */
export type RatedPlatform = 'zendesk' | 'gorgias';

interface Rule {
  limit: number;
  windowMs: number;
}

const DEFAULTS: Record<RatedPlatform, Rule> = {
  zendesk: { limit: 700, windowMs: 60_000 },
  gorgias: { limit: 80, windowMs: 20_000 },
};

const RateLimitSpecSchema = z.object({
  platform: z.enum(['zendesk', 'gorgias']),
  limit: z.number().int().positive().optional(),
  windowMs: z.number().int().positive().optional(),
  /** Requests counted as already made just now (another integration's share of the account). */
  used: z.number().int().nonnegative().optional(),
});
export type RateLimitSpec = z.input<typeof RateLimitSpecSchema>;

/** Only the APIs are budgeted, not the agent pages or the sandbox's admin routes. */
export function isBudgeted(platform: string, path: string): platform is RatedPlatform {
  return (platform === 'zendesk' || platform === 'gorgias') && path.startsWith('/api/');
}

export class RateLimits {
  private rules: Record<RatedPlatform, Rule> = { ...DEFAULTS };
  private hits: Record<RatedPlatform, number[]> = { zendesk: [], gorgias: [] };
  /** 429s answered since the last reset, per platform (tests assert Baton slowed down instead). */
  rejected: Record<RatedPlatform, number> = { zendesk: 0, gorgias: 0 };

  constructor(private readonly now: () => number = Date.now) {}

  set(spec: RateLimitSpec): Rule & { used: number } {
    const s = RateLimitSpecSchema.parse(spec);
    const rule = { limit: s.limit ?? this.rules[s.platform].limit, windowMs: s.windowMs ?? this.rules[s.platform].windowMs };
    this.rules[s.platform] = rule;
    if (s.used !== undefined) this.hits[s.platform] = Array.from({ length: s.used }, () => this.now());
    return { ...rule, used: this.live(s.platform).length };
  }

  reset(): void {
    this.rules = { ...DEFAULTS };
    this.hits = { zendesk: [], gorgias: [] };
    this.rejected = { zendesk: 0, gorgias: 0 };
  }

  /** Counts one request: whether it may be served, and the headers its answer carries either way. */
  take(platform: RatedPlatform): { ok: boolean; headers: Record<string, string> } {
    const now = this.now();
    const rule = this.rules[platform];
    const live = this.live(platform);
    const ok = live.length < rule.limit;
    if (ok) live.push(now);
    else this.rejected[platform]++;
    const resetMs = live.length ? Math.max(0, live[0] + rule.windowMs - now) : 0;
    const headers = announce(platform, rule.limit, live.length, resetMs);
    if (!ok) headers['Retry-After'] = String(Math.max(1, Math.ceil(resetMs / 1000)));
    return { ok, headers };
  }

  private live(platform: RatedPlatform): number[] {
    const cutoff = this.now() - this.rules[platform].windowMs;
    const kept = this.hits[platform].filter((t) => t > cutoff);
    this.hits[platform] = kept;
    return kept;
  }
}

function announce(platform: RatedPlatform, limit: number, used: number, resetMs: number): Record<string, string> {
  const remaining = String(Math.max(0, limit - used));
  switch (platform) {
    case 'zendesk':
      return {
        'X-Rate-Limit': String(limit),
        'X-Rate-Limit-Remaining': remaining,
        'ratelimit-limit': String(limit),
        'ratelimit-remaining': remaining,
        'ratelimit-reset': String(Math.ceil(resetMs / 1000)),
      };
    case 'gorgias':
      return { 'X-Gorgias-Account-Api-Call-Limit': `${used}/${limit}` };
  }
}
