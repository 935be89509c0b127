import { describe, expect, it } from 'vitest';
import { needDeliveries } from '@/lib/notify/outbox';
import { slackMessage } from '@/lib/notify/slack';
import type { WatchEntry } from '@/lib/schema/watch';

const entry: WatchEntry = {
  key: 'zendesk:acme:317',
  ref: { platform: 'zendesk', account: 'acme', conversationId: '317', idIsGuess: false },
  updatedAt: '2026-12-07T10:00:00Z',
  lastMessage: '90',
  needs: [{ kind: 'escalate', signal: 'user_requested_human', label: 'Customer asked for a human' }],
  evidence: 'Please let me talk to a real person. <b>now</b>',
  readAt: '2026-12-07T10:01:00Z',
  announced: [],
};
const hooks = [{ kind: 'slack' as const, url: 'https://hooks.slack.com/services/T0/B0/x' }];
const ctx = { platformLabel: 'Zendesk', conversationUrl: 'https://acme.zendesk.com/agent/tickets/317' };

describe('the "needs a human" webhook event', () => {
  it('is the same delivery for the same conversation and reason, and a new one for another reason', async () => {
    const [a] = await needDeliveries(entry, entry.needs[0]!, 'escalate:user_requested_human', hooks, ctx, 0);
    const [again] = await needDeliveries(entry, entry.needs[0]!, 'escalate:user_requested_human', hooks, ctx, 5);
    const [other] = await needDeliveries(entry, { kind: 'promise', label: 'Promised handoff not done' }, 'promise', hooks, ctx, 0);
    expect(again!.id).toBe(a!.id);
    expect(other!.id).not.toBe(a!.id);
    expect(a!.event.event).toBe('needs_human');
    expect(a!.event.signals[0]!.quote).toBe(entry.evidence);
  });

  it('says "Needs a human" in Slack, with the customer\'s words escaped', async () => {
    const [d] = await needDeliveries(entry, entry.needs[0]!, 'escalate:user_requested_human', hooks, ctx, 0);
    const msg = slackMessage(d!.event);
    expect(msg.text).toMatch(/^Needs a human: Customer asked for a human/);
    expect(JSON.stringify(msg.blocks)).toContain('&lt;b&gt;now&lt;/b&gt;');
    expect(JSON.stringify(msg.blocks)).not.toMatch(/Escalated to/);
  });
});
