import { describe, expect, it } from 'vitest';
import { budgetOf, paceAfter, RatePacer } from '@/lib/http/budget';
import { createHttpClient } from '@/lib/http/client';
import type { HttpResponse } from '@/lib/http/types';

const NOW = Date.UTC(2026, 0, 1);

describe('the budget a helpdesk announces', () => {
  it('reads the per-minute headers with a reset in seconds or as a Unix time, and the used/limit form', () => {
    expect(budgetOf({ 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '12' })).toEqual({ remaining: 12, limit: 700 });
    expect(budgetOf({ 'ratelimit-limit': '700', 'ratelimit-remaining': '3', 'ratelimit-reset': '20' })).toEqual({
      remaining: 3,
      limit: 700,
      resetMs: 20_000,
    });
    expect(
      budgetOf({ 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 30) }, NOW),
    ).toEqual({
      remaining: 0,
      limit: 50,
      resetMs: 30_000,
    });
    expect(budgetOf({ 'X-Example-Account-Api-Call-Limit': '38/40' })).toEqual({ remaining: 2, limit: 40 });
    expect(budgetOf({ 'content-type': 'application/json' })).toBeNull();
    expect(budgetOf({ 'x-ratelimit-remaining': 'lots', 'x-ratelimit-limit': '50' })).toBeNull();
  });

  it('holds nothing while the budget is comfortable, and more the closer it is to spent', () => {
    expect(paceAfter({ remaining: 500, limit: 700 })).toBe(0);
    expect(paceAfter({ remaining: 0, limit: 700, resetMs: 20_000 })).toBe(20_000);
    expect(paceAfter({ remaining: 3, limit: 700, resetMs: 20_000 })).toBe(5_000);
    const leaky = [4, 2, 0].map((remaining) => paceAfter({ remaining, limit: 40 }));
    expect(leaky[0]).toBeGreaterThan(0);
    expect(leaky[1]).toBeGreaterThan(leaky[0]);
    expect(leaky[2]).toBeGreaterThan(leaky[1]);
  });
});

describe('the HTTP helper paces by the budget instead of running into 429s', () => {
  it('a burst sent in parallel spends the budget as requests sent one by one would', () => {
    let now = NOW;
    const pacer = new RatePacer(() => now);
    pacer.observe('https://acme.example/api/a', { 'ratelimit-limit': '10', 'ratelimit-remaining': '3', 'ratelimit-reset': '6' });
    const waits = [1, 2, 3, 4].map(() => pacer.waitFor('https://acme.example/api/b'));
    // Two requests fit above the reserve (a tenth of the limit); the next ones wait, the last for the reset.
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits[2]).toBeGreaterThan(0);
    expect(waits[3]).toBe(6_000);
    // Another host's budget is its own; once the reset has passed, the budget is whole again.
    expect(pacer.waitFor('https://other.example/api')).toBe(0);
    now += 6_000;
    expect(pacer.waitFor('https://acme.example/api/c')).toBe(0);
  });

  it('the client waits before the request that would spend the reserve, and sends it', async () => {
    const slept: number[] = [];
    let remaining = 2;
    const sent: string[] = [];
    const http = createHttpClient({
      platformLabel: 'Helpdesk',
      pacer: new RatePacer(() => NOW),
      sleep: async (ms) => void slept.push(ms),
      transport: async (req): Promise<HttpResponse> => {
        sent.push(req.url);
        remaining--;
        return { status: 200, headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': String(remaining) }, body: {} };
      },
    });
    await http.call({ method: 'GET', url: 'https://acme.example/api/1' }, { action: 'read' });
    expect(slept).toEqual([]);
    await http.call({ method: 'GET', url: 'https://acme.example/api/2' }, { action: 'read' });
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThan(0);
    expect(sent).toHaveLength(2);
  });
});
