import { describe, expect, it } from 'vitest';
import { findLoop, loopReason, ownerTarget } from '@/lib/routing/loop';
import { buildRecord } from '@/lib/record/build';
import type { Target } from '@/lib/schema/target';

const ANA = { id: '7', name: 'Ana' };
const BEN = { id: '8', name: 'Ben' };
const group = { kind: 'group' as const, id: '2', name: 'Returns team' };
const at = (h: number) => new Date(Date.UTC(2026, 11, 1, 9) + h * 3_600_000);
const escalated = (h: number, agent = BEN, i = 0) => ({
  record: buildRecord({ kind: 'escalated', at: at(h), platform: 'zendesk', agent, target: group }),
  messageIndex: i,
  line: `Baton record bt1.escalated${h}`,
});
const returned = (h: number, agent: typeof ANA | null = ANA, i = 1) => ({
  record: buildRecord({ kind: 'returned', at: at(h), platform: 'zendesk', reason: 'manual', agent, target: group }),
  messageIndex: i,
});
const USERS: Target[] = [
  { platform: 'zendesk', kind: 'user', id: '7', name: 'Ana' },
  { platform: 'zendesk', kind: 'user', id: '8', name: 'Ben' },
  { platform: 'zendesk', kind: 'group', id: '7', name: 'Not a person' },
];

describe('the loop guard', () => {
  it('routes a comeback within the window to the agent who handed it back, pointing at the earlier handoff note', () => {
    const loop = findLoop({ records: [escalated(0), returned(2)], windowHours: 72, now: at(50) })!;
    expect(loop.owner).toEqual(ANA);
    expect(loop.since).toBe(at(2).toISOString());
    expect(loop.note).toEqual({ messageIndex: 0, line: 'Baton record bt1.escalated0' });
    const owner = ownerTarget(loop, USERS, 'zendesk');
    expect(owner).toEqual(USERS[0]);
    expect(loopReason(loop, owner)).toBe('Came back within 72 h of a Return to bot: routed to Ana, who handled it');
  });

  it('falls back to the earlier escalation’s agent when the return names nobody', () => {
    const loop = findLoop({ records: [escalated(0), returned(2, null)], windowHours: 72, now: at(3) })!;
    expect(ownerTarget(loop, USERS, 'zendesk')?.name).toBe('Ben');
  });

  it('is no loop after the window, with the guard off, or once escalated again', () => {
    expect(findLoop({ records: [escalated(0), returned(2)], windowHours: 72, now: at(75) })).toBeNull();
    expect(findLoop({ records: [escalated(0), returned(2)], windowHours: 0, now: at(3) })).toBeNull();
    expect(findLoop({ records: [escalated(0), returned(2), escalated(5, ANA, 2)], windowHours: 72, now: at(6) })).toBeNull();
    expect(findLoop({ records: [escalated(0)], windowHours: 72, now: at(1) })).toBeNull();
  });

  it('counts this browser’s own Return to bot when the helpdesk showed no returned record', () => {
    const local = buildRecord({ kind: 'escalated', at: at(0), platform: 'zendesk', agent: BEN });
    const loop = findLoop({ records: [], journal: { resumedAt: at(1).toISOString(), record: local }, windowHours: 24, now: at(10) })!;
    expect(loop.owner).toEqual(BEN);
    expect(loop.note).toBeUndefined();
  });

  it('says so when the owner is not someone Baton can assign, and keeps the rules’ route', () => {
    const loop = findLoop({ records: [escalated(0), returned(2, { id: '99', name: 'Zoe' })], windowHours: 72, now: at(3) })!;
    const owner = ownerTarget(loop, USERS, 'zendesk');
    expect(owner).toBeNull();
    expect(loopReason(loop, owner)).toMatch(/Zoe, who handled it, is not among the agents Baton can assign/);
  });

  describe('after a close: Baton escalated, a human answered, and the bot is answering the customer again', () => {
    const msg = (role: 'customer' | 'bot' | 'agent', h: number, author?: { id?: string; name?: string }, internal = false) => ({
      role,
      createdAt: at(h).toISOString(),
      internal,
      ...(author ? { author } : {}),
    });
    // 0: the escalation's note (its record), then Ana answers and closes; the customer is back with the bot.
    const thread = [msg('agent', 0, BEN, true), msg('agent', 1, ANA), msg('customer', 30), msg('bot', 30)];

    it('routes to the human who answered, pointing at the escalation note', () => {
      const loop = findLoop({ records: [escalated(0)], messages: thread, windowHours: 72, now: at(31) })!;
      expect(loop.after).toBe('close');
      expect(loop.since).toBe(at(1).toISOString());
      expect(loop.note?.messageIndex).toBe(0);
      const owner = ownerTarget(loop, USERS, 'zendesk');
      expect(owner?.name).toBe('Ana');
      expect(loopReason(loop, owner)).toBe(
        "Came back to the bot within 72 h of a human's last reply after an escalation: routed to Ana, who handled it",
      );
    });

    it('is no loop while the human is still on it, after the window, or without an earlier escalation', () => {
      expect(findLoop({ records: [escalated(0)], messages: thread.slice(0, 3), windowHours: 72, now: at(31) })).toBeNull();
      expect(findLoop({ records: [escalated(0)], messages: thread, windowHours: 72, now: at(80) })).toBeNull();
      expect(findLoop({ records: [], messages: thread, windowHours: 72, now: at(31) })).toBeNull();
      // A human's reply before the escalation is not the escalation being handled.
      const before = [msg('agent', 0, ANA), msg('agent', 1, BEN, true), msg('bot', 2)];
      expect(findLoop({ records: [escalated(1, BEN, 1)], messages: before, windowHours: 72, now: at(3) })).toBeNull();
    });
  });
});
