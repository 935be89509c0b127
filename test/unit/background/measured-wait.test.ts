import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { measuredWait } from '@/entrypoints/background/handlers/wait';
import type { LogEvent } from '@/lib/schema/log-event';
import { defaultPolicy } from '@/lib/schema/policy';
import { handoffLog } from '@/utils/handoff-log';
import { policyStore } from '@/utils/storage';

const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '1', idIsGuess: false };
// Mondays at 09:00 UTC, one a week.
const monday = (week: number, min = 0) => new Date(Date.parse('2026-11-02T09:00:00Z') + week * 7 * 86_400_000 + min * 60_000).toISOString();

/** Baton's escalation on a Monday at 09:00 and the verdict that saw a human reply `queue` minutes later. */
function handoff(week: number, queue: number, account = 'acme'): LogEvent[] {
  const where = { platform: 'zendesk' as const, account, conversationId: `c${week}`, subAgent: null };
  return [
    {
      kind: 'escalated',
      ...where,
      at: monday(week),
      status: 'escalate',
      override: false,
      reasons: ['user_requested_human'],
      signals: [],
      target: { kind: 'group', id: '360', name: 'Tier 2' },
      clickedBy: null,
      handoffAt: monday(week),
    },
    {
      kind: 'verdict_shown',
      ...where,
      at: monday(week, queue + 1),
      status: 'none',
      signals: [],
      engine: 'offline',
      handoffAt: monday(week),
      repliedAt: monday(week, queue),
    },
  ];
}

const ask = (at: string) => measuredWait({ type: 'measuredWait', ref, target: 'Tier 2', at });

describe('the measured pick-up for the message to the customer', () => {
  it("answers only with the team lead's leave, from this account's handoffs, once five are measured at that hour", async () => {
    await handoffLog().add(
      [1, 2, 3, 4].flatMap((w) => handoff(w, 10 + w)),
      { maxEntries: 1000 },
    );
    // Another account's handoffs never count for this one.
    await handoffLog().add(handoff(5, 30, 'globex'), { maxEntries: 1000 });
    expect(await ask(monday(9, 20))).toBeNull();

    const policy = defaultPolicy();
    await policyStore.write({ ...policy, customerMessage: { ...policy.customerMessage, measuredWait: true } });
    expect(await ask(monday(9, 20))).toBeNull();
    await handoffLog().add(handoff(6, 20), { maxEntries: 1000 });
    expect(await ask(monday(9, 20))).toEqual({ minutes: 13, samples: 5 });
    // Monday 10:00 has none of its own.
    expect(await ask(monday(9, 60))).toBeNull();
  });
});
