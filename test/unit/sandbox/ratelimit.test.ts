import { describe, expect, it } from 'vitest';
import { isBudgeted, RateLimits } from '@/test/sandbox/ratelimit';
import { budgetOf } from '@/lib/http/budget';

describe("the sandbox announces and enforces each helpdesk's request budget", () => {
  it('Zendesk: X-Rate-Limit and ratelimit-* headers, then a 429 with Retry-After once the window is spent', () => {
    let now = 0;
    const limits = new RateLimits(() => now);
    limits.set({ platform: 'zendesk', limit: 2, windowMs: 10_000 });
    const first = limits.take('zendesk');
    expect(first.ok).toBe(true);
    expect(first.headers).toMatchObject({
      'X-Rate-Limit': '2',
      'X-Rate-Limit-Remaining': '1',
      'ratelimit-remaining': '1',
      'ratelimit-reset': '10',
    });
    expect(limits.take('zendesk').ok).toBe(true);
    const refused = limits.take('zendesk');
    expect(refused.ok).toBe(false);
    expect(refused.headers['Retry-After']).toBe('10');
    expect(limits.rejected.zendesk).toBe(1);
    now += 10_001;
    expect(limits.take('zendesk').ok).toBe(true);
  });

  it("Gorgias: the used/limit header, read by Baton's HTTP helper as the budget left", () => {
    const limits = new RateLimits(() => 0);
    limits.set({ platform: 'gorgias', used: 37 });
    const { headers } = limits.take('gorgias');
    expect(headers).toEqual({ 'X-Gorgias-Account-Api-Call-Limit': '38/80' });
    expect(budgetOf(headers)).toEqual({ remaining: 42, limit: 80 });
  });

  it('only the APIs are budgeted, not the agent pages', () => {
    expect(isBudgeted('zendesk', '/api/v2/tickets/1.json')).toBe(true);
    expect(isBudgeted('zendesk', '/agent/tickets/1')).toBe(false);
    expect(isBudgeted('gorgias', '/app/ticket/5001')).toBe(false);
    expect(isBudgeted('openai', '/v1/chat/completions')).toBe(false);
  });
});
