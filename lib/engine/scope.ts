import type { SubAgent } from '../schema/policy';
import { contentStems, editDistance, normalize, stem } from './text';

/**
 * Signal 4: is the customer's request inside what the bot is meant to handle? The scope is the team lead's
 * description plus the sub agents' descriptions and examples, widened with related words so that "my visa"
 * matches "card" and "parcel" matches "delivery". Nothing here is a fixed topic list: without a scope
 * description or sub agents, nothing is out of scope.
 */
const RELATED: string[][] = [
  ['account', 'profile', 'login', 'log', 'signin', 'sign', 'password', 'username', 'user', 'registration', 'register', 'signup', 'credential', 'email', 'switch', 'access', 'locked', 'unlock', 'delete', 'close'],
  ['order', 'purchase', 'buy', 'bought', 'item', 'product', 'cart', 'checkout', 'shop', 'store', 'goods', 'stock', 'price', 'cost', 'variant'],
  ['deliver', 'delivery', 'shipping', 'ship', 'shipment', 'parcel', 'package', 'arrive', 'arrival', 'courier', 'track', 'tracking', 'dispatch', 'late', 'delay', 'address', 'pincode', 'zip', 'reach', 'reached', 'received', 'prepaid', 'where', 'status'],
  ['refund', 'return', 'exchange', 'reimburse', 'reimbursement', 'money', 'back', 'replace', 'replacement', 'damaged', 'broken', 'defective', 'missing', 'wrong'],
  ['invoice', 'bill', 'billing', 'receipt', 'statement'],
  ['card', 'visa', 'mastercard', 'amex', 'debit', 'credit', 'chip', 'expire', 'expiration', 'expiry', 'declined', 'decline', 'pin', 'lost', 'stolen'],
  ['pay', 'payment', 'paid', 'charge', 'charged', 'fee', 'fees', 'emi', 'cod', 'installment', 'autopay', 'due', 'minimum', 'card', 'cash', 'upi', 'wallet', 'accepted', 'cost', 'price', 'budget'],
  ['cancel', 'cancellation', 'cancelled', 'canceled', 'stop'],
  ['subscribe', 'subscription', 'newsletter', 'unsubscribe', 'plan', 'membership', 'renew'],
  ['complaint', 'complain', 'feedback', 'review', 'claim', 'dissatisfied', 'unhappy', 'opinion', 'rate', 'rating', 'experience'],
  ['store', 'stores', 'outlet', 'showroom', 'shop', 'branch', 'nearby', 'near', 'visit', 'city'],
  ['transfer', 'send', 'wire', 'recipient', 'payee', 'routing'],
  ['balance', 'funds', 'savings', 'checking', 'bank', 'banking', 'deposit', 'withdraw', 'withdrawal', 'earning', 'earnings', 'coffers', 'money', 'budget', 'owe', 'afford', 'xfer', 'xfers'],
  ['fraud', 'scam', 'unauthorized', 'unauthorised', 'suspicious', 'dispute', 'freeze', 'frozen', 'block', 'blocked'],
  ['apr', 'interest', 'rate', 'score', 'limit', 'loan', 'rewards', 'reward', 'points', 'redeem', 'cashback'],
  ['transaction', 'transactions', 'spending', 'history', 'spent', 'purchase', 'activity'],
  ['check', 'checks', 'checkbook', 'cheque'],
  ['mattress', 'bed', 'sleep', 'foam', 'spring', 'pillow', 'size', 'king', 'queen', 'single', 'double', 'trial', 'night', 'firm', 'soft', 'orthopedic', 'custom', 'dimension', 'thickness'],
  ['supplement', 'protein', 'whey', 'vitamin', 'nutrition', 'capsule', 'tablet', 'dose', 'side', 'effect', 'authentic', 'genuine', 'fake', 'brand', 'expiry', 'health', 'weight', 'gain', 'muscle', 'fitness', 'diet', 'gym', 'fat', 'mass'],
  ['seller', 'sell', 'vendor', 'distributor', 'dealer', 'franchise', 'partner'],
  ['promo', 'coupon', 'discount', 'code', 'offer', 'sale', 'deal', 'voucher'],
  ['website', 'site', 'app', 'page', 'error', 'bug', 'crash', 'loading', 'troubleshoot'],
  ['size', 'fit', 'color', 'colour', 'shirt', 'jacket', 'shoe', 'shoes', 'jeans', 'clothing', 'clothes', 'dress'],
];

const relatedIndex = new Map<string, Set<string>>();
for (const group of RELATED) {
  const stems = group.map(stem);
  for (const s of stems) {
    const set = relatedIndex.get(s) ?? new Set<string>();
    for (const t of stems) set.add(t);
    relatedIndex.set(s, set);
  }
}

export interface ScopeModel {
  vocabulary: Set<string>;
  hasScope: boolean;
}

export function buildScope(description: string, subAgents: SubAgent[]): ScopeModel {
  const text = [description, ...subAgents.flatMap((s) => [s.name.replace(/_/g, ' '), s.description, ...s.examples])].join(' ');
  const vocabulary = new Set<string>();
  for (const s of contentStems(text)) {
    vocabulary.add(s);
    for (const r of relatedIndex.get(s) ?? []) vocabulary.add(r);
  }
  return { vocabulary, hasScope: vocabulary.size > 0 };
}

/** Greetings, thanks and goodbyes: small talk is never out of scope. */
const GREETING = /\b(hi|hello|hallo|hey|hola|thanks?|thank you|thx|bye|goodbye|see ya|quit|exit|i'?m done|are(n'?t)? you a (bot|robot|human|person))\b/;

/** Words that say nothing about the topic; a message of only these cannot be judged. */
const NEUTRAL = new Set(
  ['hello', 'hallo', 'hola', 'bye', 'goodbye', 'thx', 'okay', 'um', 'quit', 'done', 'later', 'exactly', 'sir', 'madam', 'dear', 'problem', 'issue', 'question', 'info', 'information', 'detail', 'support', 'service', 'customer', 'assist', 'assistance', 'please', 'urgent', 'asap', 'thank', 'great', 'bot', 'human', 'agent', 'person', 'help', 'work', 'happen', 'understand', 'wrong', 'ok', 'yes', 'no', 'sorry'].map(stem),
);

/**
 * Returns the share of the message's topical words the scope covers, or null when the message has no
 * topical words to judge (greetings, thanks, "talk to a human").
 */
export function scopeCoverage(model: ScopeModel, text: string): { covered: number; total: number } | null {
  const stems = contentStems(text.replace(/(\d)([a-z])/gi, '$1 $2').replace(/([a-z])(\d)/gi, '$1 $2')).filter((s) => !NEUTRAL.has(s));
  if (!stems.length) return null;
  const flat = normalize(text);
  // Small talk ("thanks goodbye", "hello its ella", "aren't you a bot") is not a request to judge.
  if (GREETING.test(flat) && stems.length <= 2) return null;
  let covered = 0;
  for (const s of stems) if (covers(model, s)) covered++;
  return { covered, total: stems.length };
}

/** Exact stem, a shared prefix ("ortho" ~ "orthopedic"), or a typo ("invice", "pliiows", "percel"). */
function covers(model: ScopeModel, s: string): boolean {
  if (model.vocabulary.has(s)) return true;
  if (s.length < 4) return false;
  for (const v of model.vocabulary) {
    if (v.length >= 4 && (v.startsWith(s) || (s.startsWith(v) && v.length >= 5))) return true;
    const max = s.length >= 7 ? 2 : s.length >= 5 ? 1 : 0;
    if (max && Math.abs(v.length - s.length) <= max && editDistance(s, v, max) <= max) return true;
  }
  return false;
}

/** The sub agent a conversation belongs to: by its tags first, then by the customer's words. */
export function matchSubAgent(subAgents: SubAgent[], tags: string[], customerText: string): SubAgent | undefined {
  const lowerTags = tags.map((t) => t.toLowerCase());
  const byTag = subAgents.find((s) => s.tags.some((t) => lowerTags.includes(t.toLowerCase())));
  if (byTag) return byTag;
  const words = new Set(contentStems(customerText));
  let best: { s: SubAgent; score: number } | undefined;
  for (const s of subAgents) {
    const vocab = buildScope(s.description, [{ ...s, description: '' }]).vocabulary;
    let score = 0;
    for (const w of words) if (vocab.has(w)) score++;
    if (score > 0 && (!best || score > best.score)) best = { s, score };
  }
  return best?.s;
}
