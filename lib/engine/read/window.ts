import type { Conversation } from '../../schema/conversation';

/**
 * Where signals start counting: after the last public reply of a human agent, since a human already handling
 * the conversation is not a new escalation. Internal notes never move it.
 */
export function windowStart(conv: Conversation): number {
  for (let i = conv.messages.length - 1; i >= 0; i--) {
    const m = conv.messages[i];
    if (m.role === 'agent' && !m.internal) return i + 1;
  }
  return 0;
}
