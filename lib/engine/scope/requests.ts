import type { Conversation } from '../../schema/conversation';
import { aboutSupport } from '../acts/phrases/customer';
import { judgeMessage, type ScopeJudgement, type ScopeModel } from './judge';

/**
 * Scope is judged on one customer message: the latest request the bot has not taken on yet (sequence.ts
 * picks it). Answers to the bot's questions, small talk and requests for a human never reach this point.
 */
export function scopeJudgementAt(
  conv: Conversation,
  index: number | undefined,
  scope: ScopeModel,
  customerNorm: (i: number) => string,
): { index: number; judgement: ScopeJudgement } | undefined {
  if (index === undefined) return undefined;
  const text = customerNorm(index);
  if (!text) return undefined;
  const judgement = judgeMessage(scope, text, conv.messages[index].text, aboutSupport);
  return judgement.verdict ? { index, judgement } : undefined;
}

/** What the conversation is about, for recognising the sub agent: the customer's first requests and latest messages. */
export function topicText(conv: Conversation, customerNorm: (i: number) => string): string {
  const idx = conv.messages.flatMap((m, i) => (m.role === 'customer' && !m.internal ? [i] : []));
  const picked = idx.length <= 8 ? idx : [...idx.slice(0, 3), ...idx.slice(-5)];
  return picked.map(customerNorm).join('\n');
}
