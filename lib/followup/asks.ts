import type { Conversation } from '../schema/conversation';
import { findHumanRequest, retracts } from '../engine/acts/phrases/customer';
import { boundText } from '../engine/read/bound';
import { customerContent, originalQuote } from '../engine/read/sanitize';
import type { CustomerTurns } from '../schema/follow-up';
import type { EscalationWhy } from '../schema/plan';
import type { Policy } from '../schema/policy';
import { promiseIndexes } from './promises';
import { timelineFields, timelineOf } from './timeline';

/**
 * Which customer messages, anywhere in the thread, ask for a human and which take a request back ("never mind,
 * I found it"), read with the engine's own phrase readers (the ones behind the `asks_human` and `takes_back`
 * acts the verdict counts). The verdict reads only the turns after the last human reply; a wait clock needs
 * the asks a human has since answered too. Read in the background worker, so the NLP lexicon stays out of the
 * content script; the sidebar gets the indexes (and each ask's sentence) with the check result.
 */
export function customerTurns(conversation: Conversation): CustomerTurns {
  const asks: CustomerTurns['asks'] = [];
  const retracted: number[] = [];
  conversation.messages.forEach((m, index) => {
    if (m.role !== 'customer' || m.internal) return;
    const text = boundText(m.text);
    const normalized = customerContent(text);
    if (!normalized) return;
    // The two readers behind the customer turn's asks_human and takes_back acts (acts/customer.ts), and only
    // them: the rest of a turn's reading (details, incidents, small talk) is not needed here.
    const human = findHumanRequest(normalized);
    if (human) asks.push({ index, quote: originalQuote(text, human.quote).slice(0, 200) });
    if (retracts(normalized)) retracted.push(index);
  });
  return { asks, retracts: retracted };
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
