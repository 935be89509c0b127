import type { Conversation } from '../schema/conversation';
import { readBotTurn } from '../engine/acts/bot';
import type { BotActKind } from '../engine/acts/types';

/**
 * Acts in which the bot tells the customer that someone else will act: a transfer done now, or a commitment
 * that the team will follow up. `cannot_help` alone and `redirects` (call us, write to billing@) promise
 * nothing the helpdesk should show, so they are left out. The act readers already exclude the customer as
 * the one who acts ("you will receive an email" is no commitment).
 */
const PROMISE_ACTS: readonly BotActKind[] = ['transfers_now', 'commits_future'];

/**
 * Indexes of the customer-visible bot messages, anywhere in the thread, that promise a handoff. The engine's
 * acts cover only the turns after the last human reply; a pick-up time needs the promise a human has since
 * answered. Read in the background worker with the engine's act readers, so the NLP lexicon stays out of the
 * content script; the sidebar gets the indexes with the check result.
 */
export function promiseIndexes(conversation: Conversation): number[] {
  return conversation.messages.flatMap((m, i) =>
    m.role === 'bot' && !m.internal && readBotTurn(m.text).some((a) => PROMISE_ACTS.includes(a.kind)) ? [i] : [],
  );
}
