import { describe, expect, it } from 'vitest';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { createHttpClient } from '@/lib/http/client';
import { ADAPTERS } from '@/lib/platforms/registry';
import type { AdapterContext } from '@/lib/platforms/types';
import { ConversationSchema, type Platform } from '@/lib/schema/conversation';
import type { StepKind } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';
import type { Target } from '@/lib/schema/target';

/** What the sidebar lists, top to bottom, and which steps share a request (same group number). */
const SEND_ORDER: Record<Platform, [StepKind, number][]> = {
  zendesk: [
    ['note', 0],
    ['assign', 0],
    ['tags', 0],
    ['pause', 0],
  ],
  gorgias: [
    ['note', 0],
    ['assign', 1],
    ['tags', 2],
    ['pause', 2],
  ],
  front: [
    ['note', 0],
    ['assign', 1],
    ['tags', 2],
    ['pause', 2],
  ],
};

const TARGETS: Record<Platform, Target> = {
  zendesk: { platform: 'zendesk', kind: 'group', id: '2', name: 'Returns team' },
  gorgias: { platform: 'gorgias', kind: 'team', id: '3', name: 'Tier 2' },
  front: { platform: 'front', kind: 'inbox', id: 'inb_1', name: 'Returns' },
};

function planFor(platform: Platform) {
  const ref = { platform, account: platform === 'front' ? 'app' : 'acme', conversationId: '7', idIsGuess: false };
  const conversation = ConversationSchema.parse({ id: '7', messages: [{ role: 'customer', text: 'a human please' }], tags: [] });
  const draft = { note: 'Customer wants a human.', tags: ['sys_escalation'], target: TARGETS[platform], routeReason: '', suspend: true };
  return { ref, plan: buildPlan(ref, conversation, draft, defaultPolicy()) };
}

describe('escalation steps are listed in the order the helpdesk is sent them', () => {
  for (const platform of Object.keys(SEND_ORDER) as Platform[]) {
    it(`${platform}: the journal lists the steps in send order, with the ones sent in one request grouped`, () => {
      const adapter = ADAPTERS[platform];
      const { ref, plan } = planFor(platform);
      const journal = newJournal(plan, adapter.stepLayout);
      expect(journal.steps.map((s) => [s.kind, s.group])).toEqual(SEND_ORDER[platform]);

      // The requests the adapter builds cover the steps in exactly the listed order.
      const nothingSent = createHttpClient({
        transport: async () => {
          throw new Error('building the requests sends nothing');
        },
        platformLabel: adapter.label,
      });
      const ctx: AdapterContext = { ref, http: nothingSent, authMode: 'token', botIdentity: defaultPolicy().botIdentity[platform] };
      const ops = adapter.escalationOps(
        ctx,
        plan,
        journal.steps.map((s) => s.kind),
      );
      expect(ops.flatMap((op) => op.covers)).toEqual(journal.steps.map((s) => s.kind));
    });
  }

  it('a step the agent turned off keeps its place, marked skipped', () => {
    const { plan } = planFor('gorgias');
    const journal = newJournal({ ...plan, target: null }, ADAPTERS.gorgias.stepLayout);
    expect(journal.steps.map((s) => [s.kind, s.status])).toEqual([
      ['note', 'pending'],
      ['assign', 'skipped'],
      ['tags', 'pending'],
      ['pause', 'pending'],
    ]);
  });
});
