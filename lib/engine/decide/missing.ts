import type { Conversation } from '../../schema/conversation';
import { UNNAMED_ANSWER } from '../acts/types';
import { EXTRACTORS } from '../read/extract';

/** Items the customer has already sent since the bot asked for them are no longer missing. */
export function stillMissing(missing: string[], conv: Conversation, askedAt: number): string[] {
  const replies = conv.messages
    .slice(askedAt + 1)
    .filter((m) => m.role === 'customer' && !m.internal)
    .map((m) => m.text)
    .join('\n');
  if (!replies) return missing;
  const email = EXTRACTORS.email(replies).length > 0;
  const phone = EXTRACTORS.phone(replies).length > 0;
  // The phrase reader names items in full ("email address"), the grammar reader as the bot wrote them ("email").
  const sent: Record<string, boolean> = {
    'email address': email,
    email,
    'phone number': phone,
    phone,
    'order number': EXTRACTORS.order(replies).length > 0 || /\b[A-Z]{0,4}-?\d{4,}\b/.test(replies),
    'user or account id': /\b(user ?(name|id)|username|account)\b[^\n]{0,10}[:#]?\s*\S+|\b[a-z]+\d{2,}\b/i.test(replies),
    name: EXTRACTORS.name(replies).length > 0,
    // A question that names no detail ("Was the outer box damaged?") is answered by any reply.
    [UNNAMED_ANSWER]: true,
  };
  return missing.filter((m) => !sent[m]);
}
