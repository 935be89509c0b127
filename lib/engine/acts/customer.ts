/**
 * Readers for a customer's turn, one per act: asks for a human, takes that back, supplies the details the
 * bot asked for, reports a problem, makes a new request, or only greets, thanks, says goodbye or chats.
 * Small talk is never out of scope on its own, and an answer to the bot's question has no topic of its own.
 */
import { findHumanRequest, retracts, type HumanRequest } from './phrases/customer';
import { isSmallTalk } from '../scope/judge';
import { originalQuote } from '../read/sanitize';
import { blankIdentifiers } from '../read/identifiers';
import { clip } from '../read/text';
import { clausesOf } from './clause';
import { anyPart } from './phrases/parts';
import type { BotAct, CustomerAct } from './types';

// Which kind of small talk a message is, by its first telling word; whether it is small talk at all is the
// scope judge's call (isSmallTalk, lib/engine/scope/judge.ts), so scope and acts agree.
const FLAVOUR: [NonNullable<CustomerAct['flavour']>, RegExp][] = [
  ['thanks', /\b(thanks?|thx|thanx|thnx|ty|tysm|cheers|appreciated?|grateful|gracias|merci|danke|obrigad[oa]|grazie)\b/],
  ['farewell', /\b(bye|goodbye|cya|later|take care|ciao|adios|goodnight|ttyl|revoir|tschuss|tchau|have a \w+ (day|one|evening|weekend))\b/],
  ['greeting', /\b(hi|hello|hey|hiya|howdy|greetings|morning|afternoon|evening|yo|hola|bonjour|hallo|ola|salut)\b/],
];

/** Greeting, thanks, farewell or acknowledgement with nothing else in it ("ciao", "thnaks!", "catch you later"). */
export function readsSmallTalk(normalized: string): CustomerAct['flavour'] | null {
  const bare = normalized.replace(/[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/gu, ' ').trim();
  if (!bare) return /[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/u.test(normalized) ? 'ack' : null;
  if (!isSmallTalk(bare)) return null;
  return FLAVOUR.find(([, re]) => re.test(bare))?.[0] ?? 'ack';
}

/** "cminh730@email.com", "Order ID: 3348917502", "(977) 625-2661", "Crystal Minh", "Southside Venue". */
function readsDetails(normalized: string, raw: string, asked: BotAct | undefined): boolean {
  const rest = blankIdentifiers(normalized).replace(
    /\b(order|id|number|no|username|user|email|phone|account|ref|my|is|it|s|the|here|yes|ok|sure|pin|name|zip|code|date|of|birth|and|its|it's|mine|was|either|or|at|for|with|a|an)\b/g,
    ' ',
  );
  const content = rest.replace(/[^a-z]/g, '');
  if (content.length < 3) return true;
  if (!asked) return false;
  // An answer to the bot's question: short, without a request frame of its own.
  const words = normalized.split(/\s+/).length;
  if (words <= 6 && !/\?/.test(normalized) && !REQUEST.test(normalized)) return true;
  // A proper name or a place as the whole answer ("Tyler Jones.", "Southside Venue").
  return words <= 4 && /^[A-Z][\w'-]*(\s+[A-Z][\w'-]*)*[.!]?$/.test(raw.trim());
}

// A request frame: the customer wants something done or known.
const REQUEST = anyPart(
  /\?/,
  // "I want…", "I need…", "looking for…".
  /\b(i want|i wanna|i need|i would like|i'd like|i wish|i am looking for|i'm looking for|looking for|want to|need to|trying to)\b/,
  // "I also need a taxi", "we'd also like a table".
  /\b(i|we)( also| would also|'d also| d also) (want|wanna|need|like|require)\b/,
  // "can you…", "how do I…", "where…".
  /\b(can you|could you|would you|will you|can i|could i|may i|is it possible|is there|are there|do you|does it)\b/,
  /\b(how (do|can|to|much|long|many|does|is)|where|what|why|when|which|who|whats|wheres|hows|whens|whos|help|please)\b/,
  // "tell me…", and the verbs of a task.
  /\b(tell me|show me|give me|get me|find me|book|cancel|change|check|order|reserve|track|buy|pay|send|make|set up|sign up)\b/,
  // "now add it to my calendar", "search for a flight".
  // (Told to the bot, not hoped for: "i hope you find it" asks nothing new.)
  /(^|[.!?,] |\b(please|pls|can you|could you|now|then|also|just) )(add|put|schedule|search|find|look up) (it|this|that|them|me|a|an|the|some|for|my)\b/,
  // es / fr / de / pt
  /\b(quiero|necesito|puedo|como|donde|je veux|je voudrais|comment|pourquoi|ich mochte|ich will|wie|warum|wo|quero|preciso|posso|onde)\b/,
);

// A problem that a person will have to act on: money taken, an account broken into, a report to file.
const INCIDENT = anyPart(
  // Fraud, theft, a break-in.
  /\b(fraud\w*|stole|stolen|steal\w*|theft|hack\w*|scam\w*|suspicious|unauthori[sz]ed|phishing|identity theft|compromised|broken into)\b/,
  // Money gone, or taken by someone else.
  /\b(money (is |was )?(missing|gone)|missing money)\b/,
  /\b(someone|somebody|some \w+) (has |have )?(took|taken|withdr[ae]w\w*|transferred|used|charged|accessed|stole|emptied|is taking|keeps taking|made)\b/,
  // A report, complaint, claim or dispute to file.
  /\b(file (a|an) (\w+ )?(report|complaint|claim)|report (fraud|a fraud|theft|an incident)|dispute (a|the|this) (charge|transaction))\b/,
  /\b(submit|make|lodge|raise|file|fill) (a|an) (\w+ )?(report|complaint|claim|dispute)\b/,
  // Injury, damage in transit, lost belongings.
  /\b(injur\w*|damaged in|lost (my|the) (card|wallet|luggage|bag|baggage)|lost luggage)\b/,
);

/** A problem the customer reports that the bot alone cannot settle (fraud, theft, a report or claim to file). */
function readsIncident(normalized: string): boolean {
  if (!INCIDENT.test(normalized)) return false;
  // "Is my card protected against fraud?": a question about the topic, not a report of an incident.
  return !clausesOf(normalized).every(
    (c) => c.question && c.subject !== 'i' && !/\b(report|file|stole|took|hack)/.test(c.tokens.join(' ')),
  );
}

// A statement of something wrong is a request for help even without "can you" ("my washing machine isn't working").
const NOT_DONE =
  "(is not|isn't|isnt|does not|doesn't|doesnt|did not|didn't|didnt|won't|wont|will not|can not|cannot|can't|cant|have not|haven't|havent|has not|hasn't|hasnt|never|not)";
const WORKING =
  '(work|working|worked|arrive|arrived|receive|received|load|loading|open|opening|start|starting|turn|charge|charging|connect|connecting|show|showing|access|log|sign|right)';
const TROUBLE = new RegExp(
  `\\b${NOT_DONE} (\\w+ )?${WORKING}\\b|\\b(broken|problem|issue|error|faulty|defective|stuck|crash\\w*|missing|wrong|leak\\w*|overcharged|refund)\\b`,
);

function readsRequest(normalized: string): boolean {
  return REQUEST.test(normalized) || TROUBLE.test(normalized);
}

// The bot's last turn arranged someone to come: a technician, a pickup, an appointment.
const VISIT_TALK =
  /\b(technician|engineer|visit|appointment|repair\w*|install\w*|pick ?up|plumber|electrician|courier|delivery (person|agent|associate))\b/i;
/**
 * "earliest u can get someone here", after the bot offered a technician visit: the someone is the visitor. Only a
 * bare someone/anyone; "someone I can talk to" or "a real person" still asks for a human.
 */
function visitor(human: HumanRequest | null, prev: BotAct[]): HumanRequest | null {
  if (!human || !prev.some((a) => VISIT_TALK.test(a.quote))) return human;
  const bare =
    /\b(someone|somebody|anyone|anybody)\b/.test(human.quote) &&
    !/\b(talk|speak|chat|call|human|agent|person|manager|supervisor|rep|representative|real|live|else)\b/.test(human.quote);
  return bare ? null : human;
}

// "How humid will it be?", "do they have live music?", "what is the address?": a question about what the bot is already
// helping with. Its words need not be the scope's, so it is read as part of that request, not as a new one.
const ACK_FIRST = /^((ok|okay|great|thanks|thank you|perfect|cool|nice|alright|sounds good|yes|yeah|sure|hmm)[,.!]* )+/;
const ASKS_ABOUT =
  /^(and |but |so )?(can you tell me |could you tell me |tell me )?(how|what|whats|when|where|which|is|are|was|were|will|would|does|do|did|has|have)\b/;
// ("What's the weather like there?" asks about something new at the same place: "there" is no reference back.)
const BACK_TO_IT = /\b(it|its|they|them|their|his|her|the (address|phone|number|price|cost|fee|time|date|rating|location|menu|hours))\b/;
const ANOTHER_TASK =
  /\b(also|another|as well|book|reserve|buy|purchase|get me|find|search|look for|add|schedule|set up|i|me|my|we|our|us)\b/;
/** A question about the thing the bot is already helping with. */
export function followsUp(normalized: string): boolean {
  const body = normalized.replace(ACK_FIRST, '');
  const q = body.replace(/^(can you tell me|could you tell me|tell me) /, '');
  return ASKS_ABOUT.test(body) && BACK_TO_IT.test(q) && !ANOTHER_TASK.test(q);
}
// "What type of food?" → "I would like Thai food.": the answer to the bot's question, not a new request, unless the
// customer turns to something else ("no, but can you add it to my calendar?", "I also need a cab").
const TURNS_ELSEWHERE = /\b(also|another|as well|too|but|instead|separately|different)\b|^(no|nope|not)\b/;
export function answersQuestion(normalized: string, prev: BotAct[]): boolean {
  // A question back ("…do you think they will?") is no answer.
  return prev.some((a) => a.kind === 'asks_details') && !normalized.includes('?') && !TURNS_ELSEWHERE.test(normalized);
}

const AFFIRM =
  /^(yes|yeah|yep|yup|sure|ok|okay|please|please do|yes please|go ahead|do it|that would be great|sounds good|si|oui|ja|sim)\b/;

const DECLINE = /^(no|nope|nah|no thanks|no thank you|not now|i am fine|i'm fine|not needed)\b/;

// "Yes, can you find me a restaurant there?": a request of its own after the yes or no ("yes please do that" has none).
function requestAfterYesOrNo(normalized: string): boolean {
  const rest = normalized
    .replace(AFFIRM, '')
    .replace(DECLINE, '')
    .replace(/^[\s,.!]+/, '');
  return rest.split(/\s+/).length >= 4 && readsRequest(rest);
}

/** Every act of one customer message; `normalized` is the sanitised, normalized text, `prev` the bot's last acts. */
export function readCustomerTurn(raw: string, normalized: string, prev: BotAct[]): CustomerAct[] {
  const acts: CustomerAct[] = [];
  if (!normalized) return acts;
  const quote = clip(raw);
  const human = visitor(findHumanRequest(normalized), prev);
  if (human) acts.push({ kind: 'asks_human', confidence: human.confidence, quote: originalQuote(raw, human.quote) });
  if (retracts(normalized)) acts.push({ kind: 'takes_back', confidence: 0.8, quote });
  const asked = prev.find((a) => a.kind === 'asks_details');
  const offered = prev.some((a) => a.kind === 'offers_transfer' || /\?\s*$/.test(a.quote));
  if (offered && AFFIRM.test(normalized) && normalized.split(/\s+/).length <= 10) acts.push({ kind: 'affirms', confidence: 0.8, quote });
  else if (offered && DECLINE.test(normalized) && normalized.split(/\s+/).length <= 6)
    acts.push({ kind: 'declines', confidence: 0.8, quote });
  const flavour =
    readsSmallTalk(normalized) ??
    // What follows the yes or no ("yes, can you find me a restaurant there?") may be a request of its own.
    (acts.some((a) => a.kind === 'affirms' || a.kind === 'declines') && !requestAfterYesOrNo(normalized) ? 'ack' : null);
  if (flavour) {
    acts.push({ kind: 'small_talk', confidence: 0.85, quote, flavour });
    return acts;
  }
  if (readsIncident(normalized)) acts.push({ kind: 'reports_problem', confidence: 0.8, quote });
  if (!human && readsDetails(normalized, raw, asked)) acts.push({ kind: 'supplies_details', confidence: 0.75, quote });
  else if (!human && readsRequest(normalized)) acts.push({ kind: 'new_request', confidence: 0.7, quote });
  // A statement with no request frame: the opening of a conversation states its request ("weather in Paris
  // tomorrow"); mid-dialogue, it is chat around the task ("I hope he finds a job fast").
  else if (!human && !acts.length)
    acts.push(
      prev.length ? { kind: 'small_talk', confidence: 0.5, quote, flavour: 'chat' } : { kind: 'new_request', confidence: 0.6, quote },
    );
  return acts;
}
