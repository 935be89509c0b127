import { describe, expect, it } from 'vitest';
import { zendeskAdapter } from '@/lib/platforms/zendesk';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { runJournal, type JournalStore } from '@/lib/executor/run';
import { handBack } from '@/lib/executor/handback';
import { PolicySchema } from '@/lib/schema/policy';
import type { Journal } from '@/lib/schema/plan';
import type { Target } from '@/lib/schema/target';
import { zendeskTrafficProblems } from '@/test/contracts/zendesk-traffic';
import { zendeskHarness } from '../platforms/zendesk/helpers';
import { ZENDESK_TICKETS } from '@/test/sandbox/platforms/zendesk';
import { AGENT_ID } from '@/test/sandbox/platforms/common';

const store = (): JournalStore => {
  const m = new Map<string, Journal>();
  return { get: async (k) => structuredClone(m.get(k) ?? null), put: async (j) => void m.set(j.key, structuredClone(j)) };
};
const policy = PolicySchema.parse({
  version: 3,
  suspend: { enabled: true, pause: { front: {}, gorgias: {}, zendesk: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] } } },
});

/**
 * Every request Baton makes to Zendesk in the sandbox, through every path it has: reading each kind of
 * ticket, listing (and paging) targets, Check setup, escalating to a group, an agent and a view, taking
 * control from an AI agent, and Return to bot on both kinds of pause. Each body must use only what the
 * official spec declares.
 */
describe('Zendesk traffic against the official spec', () => {
  it('every request of every flow is in the spec (switchboard calls as documented)', async () => {
    const h = zendeskHarness({ authMode: 'session', switchboard: true });
    await h.addManyTargets();
    const targets = await zendeskAdapter.listTargets(h.ctx(''));
    const view = targets.find((t) => t.kind === 'view' && t.viewTag)!;
    const dana: Target = { platform: 'zendesk', kind: 'user', id: String(AGENT_ID), name: 'Dana Agent' };
    const group = targets.find((t) => t.kind === 'group')!;
    const tools = { probe: async () => ({ status: 200, headers: {}, body: null }) };
    await zendeskAdapter.checkSetup!(h.ctx(String(ZENDESK_TICKETS.aiAgent)), tools);
    await zendeskAdapter.checkSetup!(h.ctx('1'), tools);

    const cases: [number, Target][] = [
      [1, group],
      [ZENDESK_TICKETS.parked, dana],
      [4, view],
      [ZENDESK_TICKETS.aiAgent, group],
      [ZENDESK_TICKETS.emailQuoted, dana],
      [ZENDESK_TICKETS.messaging, group],
    ];
    for (const [id, target] of cases) {
      const ctx = h.ctx(String(id));
      const conversation = await zendeskAdapter.read(ctx);
      const plan = buildPlan(
        ctx.ref,
        conversation,
        { note: 'n', tags: ['sys_escalation'], target, routeReason: '', suspend: true },
        policy,
      );
      const s = store();
      const done = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, ctx, s);
      expect(
        done.steps.map((x) => x.status),
        `ticket ${id}`,
      ).toEqual(['done', 'done', 'done', 'done']);
      const back = await handBack(done, { line: 'Sorted.' }, zendeskAdapter, ctx, s);
      expect(back.resumedAt, `ticket ${id}`).toBeTruthy();
    }
    const writes = h.seen.filter((r) => r.method !== 'GET');
    expect(writes.some((r) => r.path.endsWith('/passControl'))).toBe(true);
    expect(zendeskTrafficProblems(h.seen)).toEqual([]);
  });

  it('names a body field the spec does not declare, and an undocumented switchboard call', () => {
    expect(
      zendeskTrafficProblems([
        {
          method: 'PUT',
          path: '/api/v2/tickets/1.json',
          body: { ticket: { additional_tags: ['x'], safe_update: true, updated_stamp: '2026-11-20T10:00:00Z' } },
        },
        {
          method: 'POST',
          path: '/sc/v2/apps/a/conversations/c/passControl',
          body: { switchboardIntegration: 'zd:agentWorkspace', force: true },
        },
        { method: 'GET', path: '/sc/v2/apps/a/conversations' },
        { method: 'GET', path: '/agent/tickets/1' },
      ]),
    ).toEqual([
      'PUT /api/v2/tickets/1.json: ticket.additional_tags is not in the spec',
      'POST /sc/v2/apps/a/conversations/c/passControl: body has undocumented force',
      'GET /sc/v2/apps/a/conversations: filter[userId] is required',
    ]);
  });
});
