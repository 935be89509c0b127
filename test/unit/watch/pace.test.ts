import { describe, expect, it } from 'vitest';
import { WatchPacer } from '@/lib/watch/pace';

function clock() {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}

describe('the queue watch pace', () => {
  it('spaces requests to the chosen share of the published budget until the helpdesk announces its own', async () => {
    const c = clock();
    // Gorgias API key: 40 requests per 20 s; 10% of it is 4 per 20 s, one every 5 s.
    const pacer = new WatchPacer({ limit: 40, windowMs: 20_000 }, 10, c.now, c.sleep);
    await pacer.turn();
    await pacer.turn();
    expect(c.slept).toEqual([5000]);
    // The account's real budget, announced by its answers (80 per 20 s): one every 2.5 s.
    pacer.observe(200, { 'X-Gorgias-Account-Api-Call-Limit': '3/80' });
    await pacer.turn();
    expect(c.slept.at(-1)).toBe(2500);
  });

  it('waits out a 429 Retry-After and keeps a slower pace for the rest of the scan', async () => {
    const c = clock();
    const pacer = new WatchPacer({ limit: 200, windowMs: 60_000 }, 10, c.now, c.sleep);
    await pacer.turn();
    const before = pacer.gapMs();
    pacer.observe(429, { 'Retry-After': '30', 'X-Rate-Limit': '200', 'X-Rate-Limit-Remaining': '0' });
    await pacer.turn();
    expect(c.slept.at(-1)).toBe(30_000);
    expect(pacer.gapMs()).toBeGreaterThan(before);
    expect(pacer.waited).toBe(30_000);
  });
});
