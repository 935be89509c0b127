import type { Conversation } from '../schema/conversation';
import { readCustomerTurn } from '../engine/acts/customer';
import { boundText } from '../engine/read/bound';
import { customerContent } from '../engine/read/sanitize';
import type { CustomerTurns } from '../schema/follow-up';
import type { EscalationWhy } from '../schema/plan';
import type { Policy } from '../schema/policy';
import { promiseIndexes } from './promises';
import { timelineFields, timelineOf } from './timeline';

/**
 * Which customer messages, anywhere in the thread, ask for a human and which take a request back ("never
 * mind, I found it"), read with the engine's own customer act readers (the same `asks_human` and `takes_back`
 * the verdict counts). The verdict reads only the turns after the last human reply; a wait clock needs the
 * asks a human has since answered too. Read in the background worker, so the NLP lexicon stays out of the
 * content script; the sidebar gets the indexes (and each ask's sentence) with the check result.
 */
export function customerTurns(conversation: Conversation): CustomerTurns {
  const asks: CustomerTurns['asks'] = [];
  const retracts: number[] = [];
  conversation.messages.forEach((m, index) => {
    if (m.role !== 'customer' || m.internal) return;
    const text = boundText(m.text);
    // The readers of asks_human and takes_back do not depend on the bot's previous turn.
    const acts = readCustomerTurn(text, customerContent(text), []);
    const ask = acts.find((a) => a.kind === 'asks_human');
    if (ask) asks.push({ index, quote: ask.quote.slice(0, 200) });
    if (acts.some((a) => a.kind === 'takes_back')) retracts.push(index);
  });
  return { asks, retracts };
}

/**
 * The late-handoff scorecard at the moment of an escalation (the click is the handoff): the customer's first
 * request for a human, how many times they asked and how many turns they waited. The plan keeps it, and the
 * handoff log and the handoff record (`buildRecord`'s timeline) take it from there.
 */
export function askedAtClick(conversation: Conversation, policy: Policy, now: Date): EscalationWhy['asked'] {
  const t = timelineOf({
    conversation,
    turns: customerTurns(conversation),
    promised: promiseIndexes(conversation),
    journal: null,
    policy,
    now,
  });
  if (!t.firstAsk) return undefined;
  const { askedAt, askQuote, asks, lateTurns } = timelineFields(t);
  return { ...(askedAt ? { askedAt } : {}), ...(askQuote ? { askQuote } : {}), asks, lateTurns };
}
