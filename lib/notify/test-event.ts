import type { Platform } from '../schema/conversation';
import { EVENT_VERSION, EscalationEventSchema, type EscalationEvent } from './event';

/** What "Send test" posts: a made-up escalation, marked `event: 'test'` so receivers can tell it apart. */
export function testEvent(args: {
  platform: Platform;
  platformLabel: string;
  conversationUrl: string;
  deliveryId: string;
  now: Date;
}): EscalationEvent {
  return EscalationEventSchema.parse({
    event: 'test',
    version: EVENT_VERSION,
    id: 'esc_test',
    deliveryId: args.deliveryId,
    platform: args.platform,
    platformLabel: args.platformLabel,
    account: 'example',
    conversation: { id: '123', url: args.conversationUrl },
    reason: 'This is a test from Baton Options: the customer asked for a person.',
    signals: [{ kind: 'user_requested_human', quote: 'Can I talk to a real person?' }],
    subAgent: 'returns',
    target: { kind: 'team', id: 'test', name: 'Returns team' },
    summary: { 'Order number': '#1001' },
    note: 'Test notification: nothing was escalated.',
    override: false,
    escalatedAt: args.now.toISOString(),
  });
}
