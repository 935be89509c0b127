import { describe, expect, it } from 'vitest';
import { buildRecord, mainReason } from '@/lib/record/build';
import { parseRecords, recordLine } from '@/lib/record/codec';

describe('the record an escalation writes', () => {
  it('is counted under the signal the registry lists first, or manual with none', () => {
    expect(mainReason([{ kind: 'out_of_scope' }, { kind: 'user_requested_human' }])).toBe('user_requested_human');
    expect(mainReason([{ kind: 'out_of_scope' }, { kind: 'bot_handed_off' }])).toBe('bot_handed_off');
    expect(mainReason([])).toBe('manual');
  });

  it("carries the clock's timeline when given, in UTC, and reads back exactly as written", () => {
    const r = buildRecord({
      kind: 'escalated',
      at: '2026-12-07T11:00:00+01:00',
      platform: 'gorgias',
      signals: [{ kind: 'bot_handed_off', confidence: 0.8765 }],
      override: true,
      subAgent: 'returns',
      promisedAt: '2026-12-07T09:59:00Z',
      agent: { id: '3', name: 'Ana' },
      target: { kind: 'team', id: '3', name: 'Tier 2' },
      timeline: { askedAt: '2026-12-07T09:55:00Z', asks: 2, lateTurns: 1 },
    });
    expect(r).toMatchObject({
      at: '2026-12-07T10:00:00.000Z',
      reason: 'bot_handed_off',
      signals: [{ kind: 'bot_handed_off', c: 0.88 }],
      override: true,
      askedAt: '2026-12-07T09:55:00.000Z',
      asks: 2,
      lateTurns: 1,
    });
    expect(parseRecords(recordLine(r)).records).toEqual([r]);
  });

  it('bounds what it takes from elsewhere, so the reader never refuses a record Baton wrote', () => {
    const r = buildRecord({
      kind: 'returned',
      at: new Date('2026-12-07T10:00:00Z'),
      platform: 'front',
      reason: 'manual',
      subAgent: 'x'.repeat(500),
      agent: { name: 'y'.repeat(500) },
      signals: Array.from({ length: 12 }, () => ({ kind: 'out_of_scope' as const, confidence: 1.7 })),
      timeline: { askedAt: 'not a time', asks: 5000 },
    });
    expect(r.subAgent).toHaveLength(120);
    expect(r.agent).toEqual({ name: 'y'.repeat(120) });
    expect(r.signals).toHaveLength(8);
    expect(r.signals[0]!.c).toBe(1);
    expect(r.askedAt).toBeUndefined();
    expect(r.asks).toBe(1000);
    expect(parseRecords(recordLine(r)).records).toEqual([r]);
  });
});
