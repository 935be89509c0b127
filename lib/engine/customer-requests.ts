import type { Conversation } from '../schema/conversation';
import { botFinding } from './bot-reading';
import { aboutSupport, findHumanRequest } from './human-request';
import { judgeMessage, stemsOfNormalized, type ScopeJudgement, type ScopeModel } from './scope';

// A customer message that asks for something, as opposed to an answer to the bot's question ("Crystal", "#123").
const REQUEST_FRAME =
  /\?|\b(i want|i need|i would like|i'd like|i wish|can you|could you|can i|could i|how (do|can|to|much|long|many)|where|what|why|when|which|is it possible|help|please|problem|issue|not working|wrong|broken|quiero|necesito|puedo|como|donde|je veux|je voudrais|comment|pourquoi|ich mochte|ich will|wie|warum|wo|quero|preciso|posso|onde|porque)\b/;

/** "cminh730@email.com", "Order ID: 3348917502", "(977) 625-2661": data the bot asked for, no topic. */
function isIdentifierOnly(normalized: string): boolean {
  if (normalized.length >= 80) return false;
  const rest = normalized
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/\+?[\d\s().#-]{4,}/g, ' ')
    .replace(/\b(order|id|number|no|username|user|email|phone|account|ref|my|is|it|s|the|here|yes|ok|sure)\b/g, ' ')
    .trim();
  return rest.replace(/[^a-z]/g, '').length < 3;
}

/**
 * The latest customer request that can be judged against the scope. Replies to the bot's questions ("Crystal",
 * "#1234", "yes, the blue one") and acknowledgements ("perfect, thanks") are skipped unless they also ask for
 * something new; so are requests for a human, which are their own signal.
 */
export function latestScopeJudgement(
  conv: Conversation,
  from: number,
  scope: ScopeModel,
  customerNorm: (i: number) => string,
): { index: number; judgement: ScopeJudgement } | undefined {
  const msgs = conv.messages;
  for (let i = msgs.length - 1; i >= from; i--) {
    const m = msgs[i];
    if (m.role !== 'customer' || m.internal) continue;
    const text = customerNorm(i);
    if (!text || isIdentifierOnly(text)) continue;
    let prev = i - 1;
    while (prev >= from && msgs[prev].internal) prev--;
    const p = prev >= from ? msgs[prev] : undefined;
    const asksAnew = REQUEST_FRAME.test(text);
    if (p?.role === 'bot') {
      const botAsked = /\?\s*$/.test(p.text.trim()) || ['collecting', 'offer'].includes(botFinding(p.text)?.kind ?? '');
      if (botAsked && !(asksAnew && stemsOfNormalized(text).length >= 3)) continue;
      if (!asksAnew && stemsOfNormalized(text).length <= 2) continue;
    }
    if (findHumanRequest(text)) continue;
    const j = judgeMessage(scope, text, m.text, aboutSupport);
    if (j.verdict) return { index: i, judgement: j };
  }
  return undefined;
}

/** What the conversation is about, for recognising the sub agent: the customer's first requests and latest messages. */
export function topicText(conv: Conversation, customerNorm: (i: number) => string): string {
  const idx = conv.messages.flatMap((m, i) => (m.role === 'customer' && !m.internal ? [i] : []));
  const picked = idx.length <= 8 ? idx : [...idx.slice(0, 3), ...idx.slice(-5)];
  return picked.map(customerNorm).join('\n');
}
