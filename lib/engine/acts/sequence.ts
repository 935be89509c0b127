/**
 * The verdict's reading of the conversation: every turn read into acts (acts/), then the sequence decides.
 * - A request for a human counts until the customer takes it back.
 * - A confirmed handoff (transfer, follow-up commitment, redirect to a person, the bot unable to help)
 *   counts until the conversation moves on: the bot serves a new request after it, or, for "I can't",
 *   keeps helping in a later turn.
 * - A handoff still collecting details (a transfer or commitment in the same message as a request for the
 *   order number, email, photo…, or followed by one in a later bot turn), an offer waiting for the customer's
 *   yes, or a "may need review" is pending (`unconfirmed`); a later answer from the bot closes it.
 * - Details asked for after the customer reported an incident (fraud, theft, a claim to file) are
 *   collecting for a person too.
 * - Scope is judged on the customer's latest request that the bot has not taken on.
 * Only turns after the last human agent's reply are read (windowStart), and only the latest READ_LIMIT.
 */
import type { Conversation } from '../../schema/conversation';
import { readBotTurn } from './bot';
import { answersQuestion, followsUp, readCustomerTurn } from './customer';
import { UNNAMED_ANSWER, type Act, type BotAct } from './types';
import { anyPart } from './phrases/parts';

interface TurnReading {
  index: number;
  role: 'bot' | 'customer';
  acts: Act[];
}

interface Finding {
  index: number;
  act: Act;
}

export interface ConversationReading {
  turns: TurnReading[];
  human?: Finding;
  handoff?: Finding;
  pending?: Finding & { kind: 'collecting' | 'offer' | 'vague'; missing: string[] };
  /** The customer message whose scope should be judged, if any. */
  scopeIndex?: number;
}

// The bot reporting what its own check found.
const FINDING = anyPart(
  /\b(upon|after|on) (reviewing|checking|investigating|verifying|examining)\b/,
  /\b(according to (our|the) records|our records (show|indicate))\b/,
  /\b(i|we) have (now )?(checked|reviewed|verified|investigated|examined|confirmed)\b/,
);

// A request to hand something over ("share the screenshot"), not to check something oneself ("verify that…").
const GIVES = /\b(share|send|provide|upload|attach|give|tell|mention|let (me|us) know)\b/i;

/** Long conversations: acts of older turns no longer decide anything; reading them would only cost time. */
const READ_LIMIT = 80;

const ENGAGED: readonly string[] = ['answers', 'asks_details', 'commits_future', 'transfers_now', 'waits', 'redirects', 'offers_transfer'];
const SERVES: readonly string[] = ['answers', 'asks_details', 'waits'];

// "What's its address and contact number?", "how can I reach them?", "give me their number and address please",
// "can you say to me their information?": a request for someone's contact details.
const ASKS_CONTACT = {
  test: (q: string) =>
    /\?|^(what|whats|where|how|can you|could you|do you|give me|provide me|tell me|send me)\b|\bplease\b/.test(q) &&
    /\b(phone|number|address|email)\b|\b(contact|their) (details|info|information)\b|\bhow (can|do|should|would) i (reach|contact|call)\b/.test(
      q,
    ),
};

/**
 * "You may call 415-286-4371" right after the customer asked for that number gives what was asked: an answer,
 * not the bot sending them away. Only when the number or address is in the sentence itself, and never for a
 * redirect to the bot's own side ("call our support team at…").
 */
function contactGiven(a: BotAct): BotAct {
  if (a.kind !== 'redirects' || !/\d{3}|@/.test(a.quote)) return a;
  if (/\b(us|our|team|department|support|service|agent|specialist)\b/.test(a.who ?? '')) return a;
  return { kind: 'answers', confidence: a.confidence, quote: a.quote };
}

function strongest(acts: BotAct[]): BotAct | undefined {
  const order = ['transfers_now', 'commits_future', 'redirects', 'cannot_help'];
  return acts
    .filter((a) => order.includes(a.kind) && !a.retrying)
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.confidence - a.confidence)[0];
}

export function readConversation(conv: Conversation, from: number, customerNorm: (i: number) => string): ConversationReading {
  const msgs = conv.messages;
  const start = Math.max(from, msgs.length - READ_LIMIT);
  const turns: TurnReading[] = [];
  let human: Finding | undefined;
  let handoff: Finding | undefined;
  let pending: ConversationReading['pending'];
  let lastBot: BotAct[] = [];
  let incidentOpen = false;
  let handoffTalk = false;
  let fallbacks: Finding[] = [];
  /** A new customer request after the handoff: if the bot then serves it, the handoff is behind. */
  let requestAfterHandoff = false;
  let openRequest: number | undefined;
  /** The bot has taken a request on (answered, collected details, acted). */
  let engaged = false;
  let offerAt: Finding | undefined;
  /** The customer's last turn asked how to reach a place or someone ("what's their phone number?"). */
  let askedContact = false;

  for (let i = start; i < msgs.length; i++) {
    const m = msgs[i];
    if (m.internal || m.role === 'agent') continue;
    if (m.role === 'customer') {
      const acts = readCustomerTurn(m.text, customerNorm(i), lastBot);
      turns.push({ index: i, role: 'customer', acts });
      askedContact = ASKS_CONTACT.test(customerNorm(i)) && !acts.some((a) => a.kind === 'asks_human');
      for (const a of acts) {
        if (a.kind === 'asks_human') human = { index: i, act: a };
        else if (a.kind === 'takes_back' && human && human.index < i) human = undefined;
        else if (a.kind === 'reports_problem') incidentOpen = true;
      }
      if (offerAt && acts.some((a) => a.kind === 'affirms')) {
        // The customer said yes to a transfer: the bot owes a person now.
        handoff = { index: offerAt.index, act: { ...offerAt.act, confidence: 0.75 } };
        offerAt = undefined;
        pending = undefined;
      } else if (offerAt && acts.some((a) => a.kind === 'declines')) {
        offerAt = undefined;
        pending = undefined;
      }
      const asks = acts.some((a) => a.kind === 'new_request' || a.kind === 'reports_problem');
      if (asks && !acts.some((a) => a.kind === 'asks_human')) {
        // A question about what the bot is already helping with keeps the request the bot took on.
        const norm = customerNorm(i);
        if (!(engaged && (followsUp(norm) || answersQuestion(norm, lastBot)))) openRequest = i;
        if (handoff) requestAfterHandoff = true;
      }
      continue;
    }
    const acts = askedContact ? readBotTurn(m.text).map(contactGiven) : readBotTurn(m.text);
    askedContact = false;
    turns.push({ index: i, role: 'bot', acts });
    if (!acts.length) continue;
    lastBot = acts;
    if (acts.some((a) => ENGAGED.includes(a.kind))) {
      openRequest = undefined;
      engaged = true;
    }
    const kinds = new Set(acts.map((a) => a.kind));
    const confirmed = strongest(acts);
    // "I'll pass this to our billing team. Could you give me your order number?": the handoff is still collecting.
    const collecting = acts.find((a) => a.kind === 'asks_details' && a.what?.some((w) => w !== UNNAMED_ANSWER));
    // In the same message any question that asks the customer for something ("I'll escalate this. Could you check
    // with your neighbours first?") keeps it open: the bot is still working the case with the customer.
    const asksNow = collecting ?? acts.find((a) => a.kind === 'asks_details');
    // "I'd recommend checking with your bank. Could you give me its name so I can check from our side?": advice while
    // the bot goes on collecting for its own check, so the redirect is not the last word either.
    // "Provide the reference number and ask them to investigate" tells what to give the bank: a request naming the
    // people elsewhere counts only as a question to the customer or with "me"/"us".
    const forBot =
      !!collecting &&
      (/\?\s*$/.test(collecting.quote) ||
        /\b(me|us)\b/i.test(collecting.quote) ||
        (GIVES.test(collecting.quote) && !/\b(them|they|their|bank|issuer|seller|provider)\b/i.test(collecting.quote)));
    const stillWorking =
      asksNow &&
      (confirmed?.kind === 'transfers_now' || confirmed?.kind === 'commits_future' || (confirmed?.kind === 'redirects' && forBot));
    if (confirmed && stillWorking) {
      pending = { index: i, act: asksNow, kind: 'collecting', missing: asksNow.what ?? [] };
      // The newest handoff talk is the one still open; an earlier one ("contact your bank") is behind it.
      handoff = undefined;
      handoffTalk = true;
      offerAt = undefined;
      continue;
    }
    if (confirmed && !(confirmed.kind === 'cannot_help' && (kinds.has('asks_details') || kinds.has('offers_transfer')))) {
      handoff = { index: i, act: confirmed };
      requestAfterHandoff = false;
      pending = undefined;
      incidentOpen = false;
      offerAt = undefined;
      continue;
    }
    // "I'll transfer you to our team." … "Can I have your account number first?": the transfer is still collecting.
    // "…our team will look into it." … "Was the outer box damaged?": any question about the case keeps it open too.
    if (handoff && asksNow && ['transfers_now', 'commits_future', 'offers_transfer'].includes(handoff.act.kind)) {
      pending = { index: i, act: asksNow, kind: 'collecting', missing: asksNow.what ?? [] };
      handoff = undefined;
      handoffTalk = true;
      continue;
    }
    // Later turns change the reading of earlier ones.
    if (handoff && [...kinds].some((k) => SERVES.includes(k))) {
      // "We are reviewing the images." … "Upon reviewing the images, the damage is evident; we will refund you": the
      // bot's own check, done and reported back in this chat.
      const ownCheckDone =
        handoff.act.kind === 'commits_future' && /^(i|we)$/i.test(handoff.act.who ?? '') && FINDING.test(m.text.toLowerCase());
      const moveOn = handoff.act.kind === 'cannot_help' || requestAfterHandoff || ownCheckDone;
      if (moveOn) handoff = undefined;
    }
    const fallback = acts.find((a) => a.kind === 'cannot_help' && a.lacks === 'understanding');
    if (fallback) fallbacks.push({ index: i, act: fallback });
    else if (kinds.has('answers')) fallbacks = [];
    if (kinds.has('offers_transfer')) {
      const a = acts.find((x) => x.kind === 'offers_transfer')!;
      offerAt = { index: i, act: a };
      pending = { index: i, act: a, kind: 'offer', missing: ['customer confirmation'] };
      handoffTalk = true;
    } else if (kinds.has('may_need_review')) {
      const a = acts.find((x) => x.kind === 'may_need_review')!;
      const ask = acts.find((x) => x.kind === 'asks_details');
      pending = ask
        ? { index: i, act: ask, kind: 'collecting', missing: ask.what ?? [] }
        : { index: i, act: a, kind: 'vague', missing: [] };
      handoffTalk = true;
    } else if (kinds.has('asks_details')) {
      // "Please use this link to upload the photos. Once uploaded, our returns team will review them.": the ask that
      // names the handoff decides, whichever sentence came first.
      const a = acts.find((x) => x.kind === 'asks_details' && x.forHandoff) ?? acts.find((x) => x.kind === 'asks_details')!;
      // Details asked for a person who will take over, or after an incident the bot cannot settle alone.
      if (a.forHandoff || incidentOpen || handoffTalk) pending = { index: i, act: a, kind: 'collecting', missing: a.what ?? [] };
      else pending = undefined;
    } else if (kinds.has('answers') || kinds.has('closes')) {
      pending = undefined;
      offerAt = undefined;
    }
  }
  // One "I didn't understand" without asking to rephrase, or two of any kind: the bot cannot follow.
  if (!handoff && fallbacks.length && (fallbacks.length >= 2 || fallbacks.some((f) => !(f.act as BotAct).retrying)))
    handoff = fallbacks.at(-1);
  return { turns, human, handoff, pending, scopeIndex: openRequest };
}
