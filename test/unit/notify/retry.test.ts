import { describe, expect, it } from 'vitest';
import { backoffMs, outcomeOf, RETRY } from '@/lib/notify/retry';

const res = (status: number, headers: Record<string, string> = {}) => ({ status, headers, body: null });

describe('webhook retry policy', () => {
  it('doubles the wait after each failure, jittered between half and all of it, up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 1))).toEqual([2000, 4000, 8000, 16000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30, () => 1)).toBe(RETRY.maxDelayMs);
  });

  it('a 2xx is delivered', () => {
    expect(outcomeOf('hooks.slack.com', 1, res(200), null)).toEqual({ kind: 'delivered', status: 200 });
  });

  it('waits as long as a 429 asks with Retry-After (seconds or a date)', () => {
    expect(outcomeOf('hooks.slack.com', 1, res(429, { 'Retry-After': '30' }), null, 0, () => 0)).toMatchObject({
      kind: 'retry',
      delayMs: 30_000,
      reason: expect.stringMatching(/hooks\.slack\.com asked Baton to slow down \(429\)/),
    });
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(outcomeOf('h', 1, res(429, { 'retry-after': 'Tue, 01 Dec 2026 10:02:00 GMT' }), null, now)).toMatchObject({ delayMs: 120_000 });
  });

  it('a 429 without Retry-After backs off like a server error', () => {
    expect(outcomeOf('h', 2, res(429), null, 0, () => 1)).toMatchObject({ kind: 'retry', delayMs: 4000 });
  });

  it('stops when Retry-After asks for more than an hour', () => {
    expect(outcomeOf('h', 1, res(429, { 'Retry-After': '7200' }), null)).toMatchObject({
      kind: 'give_up',
      reason: expect.stringMatching(/longer than an hour/),
    });
  });

  it('retries server errors and dropped connections, then gives up after the last attempt with a sentence', () => {
    expect(outcomeOf('hooks.example.test', 1, res(500), null)).toMatchObject({
      kind: 'retry',
      reason: 'hooks.example.test had a server error (500).',
    });
    expect(outcomeOf('hooks.example.test', 3, null, 'Failed to fetch')).toMatchObject({
      kind: 'retry',
      reason: 'hooks.example.test could not be reached (Failed to fetch).',
    });
    expect(outcomeOf('hooks.example.test', RETRY.maxAttempts, res(502), null)).toEqual({
      kind: 'give_up',
      reason: `Gave up after ${RETRY.maxAttempts} attempts: hooks.example.test had a server error (502).`,
    });
  });

  it('does not retry an address the receiver says is wrong or gone', () => {
    expect(outcomeOf('hooks.slack.com', 1, res(404), null)).toMatchObject({
      kind: 'give_up',
      reason: expect.stringMatching(/mistyped or deleted/),
    });
    expect(outcomeOf('hooks.slack.com', 1, res(410), null)).toMatchObject({ kind: 'give_up' });
  });
});
