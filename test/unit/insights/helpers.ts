import type { EventOf } from '@/lib/schema/log-event';
import type { Platform } from '@/lib/schema/conversation';
import type { SignalKind } from '@/lib/schema/verdict';

/** Noon on a day of December 2026, so local-time buckets never straddle midnight in any zone the tests run in. */
export const day = (d: number, minutes = 0) => new Date(2026, 11, d, 12, minutes).toISOString();

export function escalated(
  over: Partial<EventOf<'escalated'>> & { conversationId: string; at: string },
  signals: { kind: SignalKind; quote: string }[] = [{ kind: 'user_requested_human', quote: 'I want a human' }],
): EventOf<'escalated'> {
  return {
    kind: 'escalated',
    platform: 'zendesk' as Platform,
    account: 'acme',
    subAgent: null,
    status: 'escalate',
    override: false,
    reasons: [...new Set(signals.map((s) => s.kind))],
    signals,
    target: null,
    clickedBy: null,
    ...over,
  };
}

export function shown(over: Partial<EventOf<'verdict_shown'>> & { conversationId: string; at: string }): EventOf<'verdict_shown'> {
  return {
    kind: 'verdict_shown',
    platform: 'zendesk',
    account: 'acme',
    subAgent: null,
    status: 'escalate',
    signals: [{ kind: 'user_requested_human', quote: 'I want a human' }],
    engine: 'offline',
    ...over,
  };
}
