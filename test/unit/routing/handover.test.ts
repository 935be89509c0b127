import { describe, expect, it } from 'vitest';
import { chooseRoute } from '@/lib/routing/handover';
import { PolicySchema } from '@/lib/schema/policy';

const team = (id: string, name: string) => ({ platform: 'gorgias' as const, kind: 'team' as const, id, name });
const policy = PolicySchema.parse({
  version: 3,
  routing: {
    defaultTargets: { gorgias: team('9', 'Tier 2') },
    rules: [
      { subAgents: ['returns'], when: { sentiment: 'negative' }, target: team('3', 'Returns escalations') },
      { subAgents: ['returns', 'exchanges'], target: team('1', 'Returns team') },
      { subAgents: ['billing'], target: { platform: 'zendesk', kind: 'group', id: '5', name: 'Billing' } },
    ],
  },
});

describe('handover rules', () => {
  it('first matching rule wins, with its reason', () => {
    const r = chooseRoute({ subAgent: 'returns', sentiment: 'neutral', urgency: 'normal' }, policy, 'gorgias');
    expect(r.target?.name).toBe('Returns team');
    expect(r.reason).toContain('returns → Returns team');
  });
  it('a rule with a condition applies only when it holds', () => {
    const r = chooseRoute({ subAgent: 'returns', sentiment: 'negative', urgency: 'normal' }, policy, 'gorgias');
    expect(r.target?.name).toBe('Returns escalations');
  });
  it("falls back to the platform's default target, ignoring rules for other platforms", () => {
    const r = chooseRoute({ subAgent: 'billing', sentiment: 'neutral', urgency: 'normal' }, policy, 'gorgias');
    expect(r.target?.name).toBe('Tier 2');
    expect(r.ruleIndex).toBe(-1);
  });
  it('says plainly when nothing is configured', () => {
    const r = chooseRoute({ sentiment: 'neutral', urgency: 'normal' }, policy, 'front');
    expect(r.target).toBeNull();
    expect(r.reason).toMatch(/no default target/i);
  });
});
