import { parseRecords } from '../record/codec';
import type { HandoffRecord } from '../schema/record';
import type { Conversation } from '../schema/conversation';

/**
 * The escalation a colleague already recorded in the helpdesk (the record line of their note), when the latest
 * record in the conversation's notes is an escalation not ended by a Return to bot. Null when there is none.
 */
export function colleagueEscalation(conversation: Conversation): HandoffRecord | null {
  let latest: HandoffRecord | null = null;
  for (const m of conversation.messages) {
    if (!m.internal) continue;
    for (const r of parseRecords(m.text).records) if (!latest || r.at >= latest.at) latest = r;
  }
  return latest?.kind === 'escalated' ? latest : null;
}

/** "Already escalated by Dana Agent at 10:42 UTC": what the list says when it skips such a conversation. */
export function colleagueSentence(r: HandoffRecord): string {
  const who = r.agent?.name ? `by ${r.agent.name}` : 'by a colleague';
  return `Already escalated ${who} (${r.at.slice(0, 16).replace('T', ' ')} UTC): nothing was sent.`;
}
