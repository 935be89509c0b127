import { distance } from 'fastest-levenshtein';
import type { SubAgent } from '../../schema/policy';
import { blankLinks } from '../read/identifiers';
import { tagsOf } from '../read/nlp';
import { modelWords } from './features';
import { domainsOf, isKnownWord, readDomain, scopeProfile, slipOfKnownWord, type DomainReading, type ScopeProfile } from './model';
import { isSmallTalk } from './smalltalk';
import { GENERIC_WORDS, NEUTRAL_WORDS, SYNONYM_SETS } from './synonyms';
import { isModifier, isStopword, isSwap, plainText, sentences, stem, STOPWORDS, tokens, typoBudget, typoDistance } from './words';

/**
 * Signal 4: is the customer's request inside what the bot is meant to handle? The scope is the team lead's
 * description plus the sub agents' names, descriptions and examples. Its words are stemmed, widened with
 * general synonyms ("refund" ~ "reimbursement") and matched with typo tolerance. A request is judged on its
 * topical words: one that names something the scope covers is in scope; one whose topical words are all
 * foreign to the scope is out. Common words every domain uses ("change", "status", "price") are weak: they
 * neither prove nor disprove anything alone. Nothing here is a fixed topic list: without a scope, nothing is
 * out of scope.
 *
 * A learned domain model (scope/model.ts) reads the request and the scope in one space and settles what words
 * alone cannot: a request the lexicon finds foreign but the model places in a domain the scope covers is unsure,
 * and unsure counts as in scope; a request the model confidently places in a domain the scope never speaks of
 * ("what's the weather" to a store) is out even when no scope word is foreign to it. Small talk is never out.
 */

export { isSmallTalk };

type Match = 'direct' | 'related' | 'fuzzy' | null;

export interface ScopeModel {
  direct: Set<string>;
  related: Set<string>;
  /** Other words for the scope's common words only ("purchase" from "orders"): weak evidence, like those words. */
  weakRelated?: Set<string>;
  /** Multi-word synonyms of scope topics ("money back" for refunds), matched as pairs in a request. */
  relatedPairs: Set<string>;
  /** Adjacent word pairs of the scope ("payment method", "credit limit"): the strongest evidence. */
  pairs: Set<string>;
  /**
   * Words the scope only uses after a qualifier ("limit" only in "credit limit"): with another qualifier in a
   * request ("speed limit") they are weak evidence.
   */
  bound: Set<string>;
  hasScope: boolean;
  memo: Map<string, Match>;
  /** The scope's words as written (4+ letters), for typo'd request words that stemming cannot relate. */
  words?: Set<string>;
  /** Which domains of the learned model the scope speaks of: read on first need (profileOf). */
  profile?: ScopeProfile;
  /** The scope text the profile is read from, kept until then. */
  source?: { description: string; subAgents: SubAgent[] };
}

/** The scope's domain profile, read by the model the first time a request needs it. */
function profileOf(model: ScopeModel): ScopeProfile | undefined {
  if (!model.profile && model.source) {
    model.profile = scopeProfile(model.source.description, model.source.subAgents);
    model.source = undefined;
  }
  return model.profile;
}

const synonymIndex = new Map<string, number[]>();
SYNONYM_SETS.forEach((set, i) => {
  for (const w of set) {
    const key = w.split(' ').map(stem).join(' ');
    const list = synonymIndex.get(key) ?? [];
    list.push(i);
    synonymIndex.set(key, list);
  }
});

const GENERIC_STEMS = new Set([...GENERIC_WORDS].map(stem));
const NEUTRAL_STEMS = new Set([...NEUTRAL_WORDS].map(stem));

/** Content stems of a text: no stop words, numbers, placeholders ({{Order Number}}) or chat noise. */
export function contentStems(text: string): string[] {
  return stemsOfNormalized(plainText(text));
}

/** contentStems for text that is already normalized (the detectors share one normalisation per message). */
function stemsOfNormalized(normalized: string): string[] {
  // Identifiers (emails, links, order numbers) say nothing about the topic.
  const t = blankLinks(normalized, true)
    .replace(/\{\{[^{}]*\}\}/g, ' ')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2');
  const out: string[] = [];
  for (const w of tokens(t)) {
    if (w.length < 2 || isStopword(w) || /^\d/.test(w) || NEUTRAL_WORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

export function isGeneric(s: string): boolean {
  return GENERIC_STEMS.has(s) || NEUTRAL_STEMS.has(s);
}

const COMMON_STEMS = [...new Set([...GENERIC_STEMS, ...NEUTRAL_STEMS, ...STOPWORDS])].filter((w) => w.length >= 3);
const slipMemo = new Map<string, boolean>();

/**
 * A word one slip from a common word ("chek", "probelm", "cud"): that common word, which says nothing about the
 * topic. One slip only, never a changed letter ("coat" is not "cost"), and the first two letters as written.
 */
function slipOfCommonWord(s: string): boolean {
  const hit = slipMemo.get(s);
  if (hit !== undefined) return hit;
  let slip = false;
  // A word of the lexicon is itself ("cold" is not "could").
  if (s.length >= 4 && !tagsOf(s).length) {
    for (const v of COMMON_STEMS) {
      if (v[0] !== s[0] || v[1] !== s[1] || Math.abs(v.length - s.length) > 1) continue;
      // A letter left out or two swapped; an extra letter only in a longer word ("wash" is not "was").
      const shape = v.length > s.length || isSwap(s, v) || (s.length > v.length && s.length >= 6);
      if (shape && typoDistance(s, v, 1) <= 1) {
        slip = true;
        break;
      }
    }
  }
  if (slipMemo.size > 20_000) slipMemo.clear();
  slipMemo.set(s, slip);
  return slip;
}

export function buildScope(description: string, subAgents: SubAgent[]): ScopeModel {
  const direct = new Set<string>();
  const related = new Set<string>();
  const relatedPairs = new Set<string>();
  const pairs = new Set<string>();
  const bound = new Set<string>();
  const free = new Set<string>();
  const weakRelated = new Set<string>();
  const strongRelated = new Set<string>();
  const texts = [description, ...subAgents.flatMap((s) => [s.name.replace(/[_-]+/g, ' '), s.description, ...s.examples])];
  for (const text of texts) {
    // Items of a list are separate even when joined by "and"/"or" ("shipping address and delivery").
    for (const segment of text.split(/[,;:.()/\n&]+|\s(?:and|or|plus)\s/i)) {
      const stems = contentStems(segment);
      stems.forEach((s, i) => {
        direct.add(s);
        if (i > 0) pairs.add(`${stems[i - 1]} ${s}`);
        if (i > 0 && !isGeneric(stems[i - 1])) bound.add(s);
        else free.add(s);
      });
      for (let i = 0; i < stems.length; i++) {
        for (const key of [stems[i], i > 0 ? `${stems[i - 1]} ${stems[i]}` : '']) {
          for (const setIndex of synonymIndex.get(key) ?? []) {
            for (const w of SYNONYM_SETS[setIndex]) {
              const parts = w.split(' ').map(stem);
              if (parts.length === 1) {
                related.add(parts[0]);
                // Another word for a common word ("purchase", "buy" for "order") is as weak as it is; another
                // form of it ("cancellation" for "cancel") is not.
                if (isGeneric(key) && !parts[0].startsWith(key.slice(0, 4))) weakRelated.add(parts[0]);
                else strongRelated.add(parts[0]);
              } else relatedPairs.add(parts.slice(0, 2).join(' '));
            }
          }
        }
      }
    }
  }
  for (const s of direct) related.delete(s);
  for (const s of free) bound.delete(s);
  for (const s of strongRelated) weakRelated.delete(s);
  const words = new Set(texts.flatMap((t) => modelWords(t)).filter((w) => w.length >= 4));
  const hasScope = direct.size > 0;
  return {
    direct,
    related,
    weakRelated,
    relatedPairs,
    pairs,
    bound,
    hasScope,
    memo: new Map(),
    words,
    source: hasScope ? { description, subAgents } : undefined,
  };
}

/** How a stem is covered: exactly, through a synonym, or as a typo/prefix of a scope word. Memoised per model. */
function match(model: ScopeModel, s: string): Match {
  const hit = model.memo.get(s);
  if (hit !== undefined) return hit;
  let m: Match = null;
  if (model.direct.has(s)) m = 'direct';
  else if (model.related.has(s)) m = 'related';
  else if (s.length >= 4) {
    // Typos and prefixes of synonyms count only for long words: synonym lists hold many short foreign-language
    // forms that real English words sit one letter away from.
    const budget = typoBudget(s.length);
    for (const v of [...model.direct, ...model.related]) {
      if (v.length < (model.direct.has(v) ? 4 : 6) || (s.length < 6 && !model.direct.has(v))) continue;
      // Prefixes ("ortho" ~ "orthopedic", "reimburs" ~ "reimbursement").
      if (model.direct.has(v) && ((v.startsWith(s) && s.length >= 5) || (s.startsWith(v) && v.length >= 5 && s.length - v.length <= 3))) {
        m = 'fuzzy';
        break;
      }
      if (budget && v[0] === s[0] && Math.abs(v.length - s.length) <= budget && isTypo(s, v, budget)) {
        m = 'fuzzy';
        break;
      }
    }
  }
  if (model.memo.size > 20_000) model.memo.clear();
  model.memo.set(s, m);
  return m;
}

/**
 * A slip rather than another word: short words may only lose, gain or swap a letter ("invice", "adress"),
 * since a changed letter often makes a different word ("black"/"block", "freud"/"fraud"). Longer words may
 * also have one letter changed, and the longest two slips.
 */
function isTypo(s: string, v: string, budget: number): boolean {
  const d = typoDistance(s, v, budget);
  if (d === 0) return true;
  if (d === 1) return s.length >= 7 || s.length !== v.length || isSwap(s, v);
  return d <= budget;
}

// Greetings, thanks and goodbyes: small talk is never out of scope.
const FILLERS = '((um+|uh+|ok(ay)?|well|oh|so|yes|yeah|no|great|cool|alright|and)[ ,.!]+)*';
const GREETINGS = '(hi|hello|hallo|hey|hola|bonjour|ola|good (morning|afternoon|evening|night))';
const THANKS = '(thanks?|thank you|thx|ty|cheers|gracias|merci|danke|obrigad[oa])';
const LEAVING = "(bye|goodbye|good ?bye|see ya|see you|quit|exit|stop|i'?m done|that'?s all|nothing else)";
const SMALL_TALK = new RegExp(`^${FILLERS}(${GREETINGS}|${THANKS}|${LEAVING})\\b`);
// Two-letter words that carry no topic.
const NOISE = new Set([
  'st',
  'nd',
  'rd',
  'th',
  'am',
  'pm',
  'vs',
  'eg',
  'ie',
  'ok',
  'hi',
  'ya',
  'ur',
  'pl',
  'kk',
  'hm',
  'oh',
  'ah',
  'eh',
  'mr',
  'ms',
  'dr',
  'no',
  'yo',
  'bk',
  // Tails of contractions as the scope reads them ("i'll" → "i ll", "you're" → "you re").
  'll',
  're',
  've',
]);

const FAMILY = new Set(
  'son sons daughter daughters wife husband partner kid kids child children mom mum dad mother father brother sister parents grandma grandpa baby family'
    .split(' ')
    .map(stem),
);

/** Capitalised words inside a sentence are names ("pay Evan", "send 50$ to John"), never topics. */
function properNouns(raw: string): Set<string> {
  const out = new Set<string>();
  for (const m of raw.matchAll(/(?=[A-Z])(?<=[a-z0-9,]\s+)([A-Z][a-z]+)\b/g)) out.add(stem(m[1].toLowerCase()));
  return out;
}

/** A qualifier foreign to the scope ("speed" in "speed limit"), not a common word or a typo of a scope word. */
function qualifierMismatch(model: ScopeModel, prev: string): boolean {
  if (prev.length < 3 || isGeneric(prev) || match(model, prev)) return false;
  for (const v of model.direct) if (Math.abs(v.length - prev.length) <= 1 && v[0] === prev[0] && isTypo(prev, v, 1)) return false;
  return true;
}

export interface ScopeJudgement {
  /** 'in' or 'out' of scope; null when the message has nothing topical to judge. */
  verdict: 'in' | 'out' | null;
  confidence: number;
  /** Topical words the scope covers, and those it does not. */
  covered: string[];
  foreign: string[];
}

const WEIGHT: Record<Exclude<Match, null>, number> = { direct: 1, related: 0.9, fuzzy: 0.7 };

// Thresholds of the learned model, set on held-out public data (docs/notes/scope.md): a request is taken back
// into scope when at least RESCUE_IN of its topical probability lies on covered domains and the model is
// RESCUE_CONF sure of its domain; it is put out of scope on the model alone only when the model is FOREIGN_CONF
// sure of a domain the scope does not cover at all. When the words already relate the request to the scope
// (a typo'd scope word), the model's most likely domain being covered is enough.
const RESCUE_IN = 0.9;
const RESCUE_CONF = 0.6;
// With a typo'd scope word the words already relate the request to the scope: the model need only lean the same way.
const SLIP_EASE = 0.2;
// A typo'd in-scope request has one unknown word, rarely more; several foreign words are a foreign request.
const RESCUE_MAX_FOREIGN = 1;
const DIALOGUE_MIN = 0.6;
const FOREIGN_CONF = 0.9;
const FOREIGN_MAX_IN = 0.05;

// Domains the model alone may put out of scope: assistant tasks no support bot shares a word with. Domains
// near commerce and banking (email "send it to John", takeaway orders, hotels, transport) need the lexicon too.
const VETO_DOMAINS = new Set([
  'weather',
  'music',
  'alarm',
  'cooking',
  'smarthome',
  'chitchat',
  'media',
  'knowledge',
  'lists',
  'datetime',
  'calendar',
  'news',
]);

function modelOnly(reading: DomainReading | undefined, covered: string[], foreign: string[]): ScopeJudgement {
  if (
    reading &&
    VETO_DOMAINS.has(reading.domain) &&
    reading.confidence >= FOREIGN_CONF &&
    reading.inScope <= FOREIGN_MAX_IN &&
    reading.dialogue < 0.2
  ) {
    return {
      verdict: 'out',
      confidence: Math.round(reading.confidence * 60) / 100,
      covered,
      foreign: [...foreign, `domain:${reading.domain}`],
    };
  }
  return { verdict: covered.length ? 'in' : null, confidence: covered.length ? 0.5 : 0, covered, foreign };
}

// "Out" must be confident. Two or more words the scope does not know are a foreign request (words the model
// reads as domain-neutral, "request", "extra", do not count). One foreign word alone is out only when it is
// read as foreign, by the model or through the synonyms customers use for it ("earnings" ~ "income", which the
// model reads as finance, a neighbour of a bank's transfers), and the model does not place the request in (or
// next to) a covered domain with at least DOUBT_CONF confidence or DOUBT_NEAR of its topical probability. A
// word nobody can place ("emblm", a card brand) is unsure next to an action the scope names ("pay" ~
// "payments") or when the model leans to a covered domain ("extra towels" to a hotel).
const DOUBT_NEAR = 0.5;
const DOUBT_CONF = 0.3;
// A foreign word whose own reading is this sure of one domain is placed there.
const WORD_CONF = 0.6;
// A reading this sure of a covered (or neighbouring) domain is enough to doubt.
const WORD_DOUBT = 0.3;
// A foreign word counts as the scope's own domain only where the scope (or its neighbour) is fully covered: a
// domain the scope's short items merely touch ("delivery" reads partly as takeaway) does not take in "toppings".
const WORD_NEAR = 0.9;
// A word the model knows but reads this flatly ("request", "extra") names no domain: not evidence either way.
const FLAT = 0.2;
// A word nobody can place (a typo, a brand, a product name) is foreign only when the request as a whole reads
// this surely as one uncovered domain.
const UNPLACED_CONF = 0.5;

function topOf(p: number[]): { domain: number; p: number } {
  const d = p.indexOf(Math.max(...p));
  return { domain: d, p: p[d] };
}

/**
 * The domain of one word: the model's reading of it or, for a word the model never saw, the best reading of a
 * synonym customers use for it. Undefined when nobody can place the word.
 */
function wordDomain(word: string): { domain: number; p: number } | undefined {
  if (isKnownWord(word)) return topOf(domainsOf(word));
  let best: { domain: number; p: number } | undefined;
  for (const set of synonymIndex.get(stem(word)) ?? []) {
    for (const w of SYNONYM_SETS[set]) {
      if (w.includes(' ') || !isKnownWord(w)) continue;
      const t = topOf(domainsOf(w));
      if (!best || t.p > best.p) best = t;
    }
  }
  return best;
}

/** A common action the scope names, in this or another form ("pay" ~ "payments", "transferring" ~ "transfer"). */
function sharedAction(model: ScopeModel, stems: string[]): boolean {
  for (const s of stems) {
    if (!isGeneric(s) || s.length < 3 || isModifier(s)) continue;
    if (model.direct.has(s)) return true;
    for (const v of model.direct)
      if (v.startsWith(s) && /^(s|es|ed|ing|ment|ments|er|ers|ion|ions|al)$/.test(v.slice(s.length))) return true;
  }
  return false;
}

// Something of the customer's broken, damaged, missing or gone wrong: support bots hear their own domain's
// troubles in words no scope lists ("windscreen cracked", "gas smell", "the burger was raw").
const TROUBLE_STATE = [
  // Damage and breakage.
  /\b(broke|broken|cracked|crack|damaged|damage|dent(ed)?|leak(s|ing|ed)?|smell(s|ing)?|flat|burst|flooded|scratched|torn|spilled)\b/,
  // Gone, late, wrong or faulty.
  /\b(stolen|lost|missing|raw|cold|stopped|stuck|faulty|defective|expired|overcharged|accident|crash(ed)?|hit|wrong|late)\b/,
  // Never came, does not work.
  /\b(never (came|arrived|showed( up)?)|not (working|arriving|loading|charging))\b/,
  /\b(does|did|is|was|has|have) ?n[o']?t (work|arrive|come|load|charge|turn on|start)\b/,
];
function reportsTrouble(normalized: string): boolean {
  return TROUBLE_STATE.some((re) => re.test(normalized));
}

// A request: a question, a wish or need, a polite ask, something the bot should do.
const REQUEST_FRAME = [
  /\?|\b(what|whats|where|wheres|when|which|who|whos|why|how|hows|whether)\b/,
  /\b(can|could|would|will|do|does|did|may|should|shall) (you|i|we|someone|anyone)\b|\b(you|u) (will|can|could|should|must)\b/,
  /\b(need|needs|want|wants|wanted|wanting|wanna|like to|looking (for|to)|look for|trying to|please|pls|plz|tell me|show me|let me know)\b/,
  // "help me with…", not "thanks for the help".
  /\bhelp (me|us|with|out|on|in|to)\b/,
];
// A remark: on what was said ("that's great news"), the customer's own doings ("i'm going to sleep now", "i'll
// be right back"), or a maybe ("maybe later"), with nothing of theirs in trouble ("my tv isn't working").
const REMARK = [
  /^((oh|ok|okay|well|wow|yes|yeah) )*(that|it|this)('s| is| was|s| sounds| looks| seems)\b/,
  /^i('m| am| m|'ll| will| ll| was|'ve been| have been| ve been| just)\b(?!.*\b(my|our)\b)/,
  /^(maybe|perhaps|probably|whatever|anyway)\b/,
];

/** The word comes after "a", "an", "new", "another" or "some" (one word may stand between): a thing sought. */
function seeksNew(normalized: string, word: string): boolean {
  const words = modelWords(normalized);
  const at = words.findIndex((w) => w === word || stem(w) === word);
  if (at < 1 || word.length < 5) return false;
  return words.slice(Math.max(0, at - 2), at).some((w) => w === 'a' || w === 'an' || w === 'new' || w === 'another' || w === 'some');
}

// A question of general knowledge ("how many people have the coronavirus", "who is the best architect").
const FACT = /^(can you tell me |do you know )?(how many|who (is|was|won|invented|wrote)|what (is|was|are|were) the|when (was|did))\b/;

/** A question of fact about the world, not about the customer's own things ("what are my coffers at"). */
function asksFact(normalized: string): boolean {
  return FACT.test(normalized) && !/\b(my|our|mine|i)\b/.test(normalized);
}

function asks(normalized: string): boolean {
  return REQUEST_FRAME.some((re) => re.test(normalized));
}

/** A remark in passing rather than a request, which one foreign word cannot make out of scope. */
function remarkOnly(normalized: string): boolean {
  return REMARK.some((re) => re.test(normalized)) && !asks(normalized);
}

function confidentlyForeign(
  model: ScopeModel,
  profile: ScopeProfile | undefined,
  reading: DomainReading | undefined,
  normalized: string,
  stems: string[],
  foreign: string[],
): boolean {
  if (!profile || !reading) return true;
  const written = modelWords(normalized);
  const evidence = [...new Set(foreign)]
    .map((f) => written.find((w) => stem(w) === f) ?? f)
    .filter((w) => !isKnownWord(w) || topOf(domainsOf(w)).p >= FLAT);
  if (evidence.length >= 2 && !reportsTrouble(normalized)) return true;
  if (evidence.length >= 2) {
    if (reading.confidence >= UNPLACED_CONF && reading.nearTop < DOUBT_NEAR) return true;
    return evidence.some((w) => {
      const d = wordDomain(w);
      return !!d && d.p >= WORD_DOUBT && profile.near[d.domain] < WORD_NEAR;
    });
  }
  if (!evidence.length) return false;
  // One foreign word in a sentence that asks for nothing is a remark, not a request for another service.
  if (remarkOnly(normalized)) return false;
  if (reading.nearIn >= DOUBT_NEAR || (reading.nearTop >= DOUBT_NEAR && reading.confidence >= DOUBT_CONF)) return false;
  const d = wordDomain(evidence[0]);
  const acts = sharedAction(model, stems);
  if (d && d.p >= WORD_CONF) return profile.near[d.domain] < WORD_NEAR;
  if (d && d.p >= WORD_DOUBT && profile.near[d.domain] >= WORD_NEAR) return false;
  if (!d) {
    if (acts || reading.nearTop >= DOUBT_NEAR) return false;
    if (reading.confidence >= UNPLACED_CONF) return true;
    // "i need a salon", "find me a therapist", "i want new cable": a request for a thing the scope never names,
    // asked for as something new, is foreign even when nobody can place the word, unless it is a slip.
    return asks(normalized) && (seeksNew(normalized, evidence[0]) || asksFact(normalized)) && !slipOfKnownWord(evidence[0]);
  }
  return true;
}

/**
 * Shorthand for a scope word ("appt" for appointments, "meds" for medications, "pymnt" for payment): a short word
 * the model does not know, sharing the scope word's first two letters (or only the first, when it has no vowels),
 * whose letters all appear in it in order.
 */
function abbreviates(words: Set<string>, w: string): boolean {
  if (w.length < 3 || w.length > 5 || isKnownWord(w)) return false;
  // Without its vowels ("pymnt", "acct"), the second letter need not match.
  const vowelless = /^[a-z][^aeiou]+$/.test(w);
  for (const v of words) {
    if (v.length < w.length + 2 || v[0] !== w[0] || (v[1] !== w[1] && !vowelless)) continue;
    let k = 0;
    for (let i = 0; i < v.length && k < w.length; i++) if (v[i] === w[k]) k++;
    if (k === w.length) return true;
  }
  return false;
}

function nearScopeWord(words: Set<string>, w: string): boolean {
  const budget = w.length >= 7 ? 2 : 1;
  for (const v of words) {
    if (Math.abs(v.length - w.length) > budget || v[0] !== w[0]) continue;
    if (distance(v, w) <= budget || isSwap(w, v)) return true;
  }
  return false;
}

/**
 * Two neighbouring words of one synonym set the scope relates to, one of them typed with a slip ("credit cars"
 * ~ "credit card"): short words alone are too close to other words for a typo match, a known pair is not.
 */
function slipPair(model: ScopeModel, a: string, b: string): boolean {
  if (a === b || a.length < 3 || b.length < 3) return false;
  for (const [known, typed] of [
    [a, b],
    [b, a],
  ]) {
    for (const set of synonymIndex.get(known) ?? []) {
      for (const w of SYNONYM_SETS[set]) {
        if (w.includes(' ') || w.length < 4 || w === known) continue;
        const v = stem(w);
        if (v[0] !== typed[0] || v === typed || distance(v, typed) > 1) continue;
        if (model.direct.has(v) || model.related.has(v)) return true;
      }
    }
  }
  return false;
}

/** Judges one customer request (normalized text; raw for names) against the scope. */
// "sounds good", "sounds interesting": how a reply sounds is no topic.
const SOUNDS = /\bsound(s|ed)? (good|great|fine|ok|okay|right|perfect|cool|interesting|nice|awesome|fun|lovely|amazing|wonderful)\b/g;

// A place named as where something else starts or ends: "from the restaurant", "to the train station".
const PLACE_PHRASE = /\b(from|to) (the|a|an) [a-z]+( [a-z]+)?(?= from| to| at| by| on| for| and|[.,!?]|$)/g;

// Everyday words for a topic whose own word the scope and the lexicon know: "when am I free?" is the customer's
// calendar, a cab is a taxi. Rewritten before judging, so a calendar or taxi scope covers them and others do not.
const TOPIC_ALIASES: [RegExp, string][] = [
  [/\b(am i free|i am free|i'm free|im free|will i be free|i have free|have any openings?|my (availability|schedule))\b/g, '$& calendar'],
  [/\b(cabs?|uber|lyft)\b/g, 'taxi'],
];

function judgeScope(model: ScopeModel, normalized: string, raw = ''): ScopeJudgement {
  for (const [re, to] of TOPIC_ALIASES) normalized = normalized.replace(re, to);
  const stems = stemsOfNormalized(normalized.replace(SOUNDS, ' '));
  const names = raw ? properNouns(raw) : new Set<string>();
  // "send 20 bucks to maria", "pay evan": whoever money goes to is a person, not a topic.
  for (const m of normalized.matchAll(
    /\b(?:send|sent|pay|paid|transfer|wire|give|owe|xfer)\b(?:(?:\s+\S+){0,4}?\s+to)?\s+([a-z]+)\s*[.!?]?$/g,
  ))
    names.add(stem(m[1]));
  // "add my son to my policy": the customer's family are people, like names, not topics.
  for (const m of normalized.matchAll(/\b(?:my|our|his|her)\s+([a-z]+)\b/g)) if (FAMILY.has(stem(m[1]))) names.add(stem(m[1]));
  // "see dr smith": the word after a title is a name.
  for (const m of normalized.matchAll(/\b(?:dr|mr|mrs|ms|miss|prof|doctor)\.? ([a-z]+)\b/g)) names.add(stem(m[1]));
  const covered: string[] = [];
  const foreign: string[] = [];
  let strong = 0;
  let weak = 0;
  const pairCovered = new Set<number>();
  for (let i = 1; i < stems.length; i++) {
    const pair = `${stems[i - 1]} ${stems[i]}`;
    if (model.pairs.has(pair) || model.relatedPairs.has(pair)) {
      strong += 1;
      pairCovered.add(i - 1).add(i);
    }
  }
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i];
    const m = pairCovered.has(i) ? 'direct' : match(model, s);
    const generic = isGeneric(s) || (m === 'related' && !!model.weakRelated?.has(s));
    if (m && !generic) {
      // "speed limit" is not "credit limit": a bound scope word under another qualifier proves little.
      const prev = i > 0 ? stems[i - 1] : '';
      const requalified =
        m === 'direct' && model.bound.has(s) && !!prev && !pairCovered.has(i) && qualifierMismatch(model, prev) && !names.has(prev);
      strong += requalified ? 0 : WEIGHT[m];
      if (requalified) weak += 0.5;
      covered.push(s);
    } else if ((m === 'direct' || m === 'related') && generic) {
      weak += 0.5;
      covered.push(s);
    } else if (!m && !generic && !names.has(s) && !NOISE.has(s) && !slipOfCommonWord(s) && !(s.length === 2 && !isKnownWord(s)))
      foreign.push(s);
  }
  if (isSmallTalk(normalized)) return { verdict: null, confidence: 0, covered, foreign };
  // A foreign stem whose written word is one slip from a scope word ("plcae" ~ "place") is that word.
  let slips = 0;
  if (foreign.length && model.words) {
    const rescued = new Set(
      modelWords(normalized)
        .filter((w) => (w.length >= 4 && !model.words!.has(w) && nearScopeWord(model.words!, w)) || abbreviates(model.words!, w))
        .map(stem),
    );
    for (let i = foreign.length - 1; i >= 0; i--) {
      if (rescued.has(foreign[i])) {
        slips++;
        covered.push(foreign[i]);
        weak += 0.5;
        foreign.splice(i, 1);
      }
    }
  }
  // "credit cars": a word one slip from a scope synonym, next to a word of the same synonym set, is that pair.
  for (let i = 0; i + 1 < stems.length && foreign.length; i++) {
    const pair = slipPair(model, stems[i], stems[i + 1]);
    if (!pair) continue;
    for (const s of [stems[i], stems[i + 1]]) {
      const at = foreign.indexOf(s);
      if (at >= 0) foreign.splice(at, 1);
      if (!covered.includes(s)) covered.push(s);
    }
    strong += WEIGHT.fuzzy;
  }
  const profile = foreign.length || strong < 1 ? profileOf(model) : undefined;
  const reading = profile ? readDomain(profile, normalized) : undefined;
  if (!foreign.length && !covered.length) return modelOnly(reading, covered, foreign);
  // "thanks ok bye" is small talk; "hi i need to check my balance" is a request after a greeting.
  if (!strong && foreign.length <= 2 && SMALL_TALK.test(normalized) && !asks(normalized.replace(SMALL_TALK, '')))
    return { verdict: null, confidence: 0, covered, foreign };
  if (strong > 0) {
    // "I also need a taxi from the restaurant to the station" to a restaurant bot: the scope word only says where
    // the taxi goes; what is asked for is foreign. Judged again without the places, out stays out.
    const placesOnly = foreign.length ? normalized.replace(PLACE_PHRASE, ' ') : normalized;
    if (placesOnly !== normalized) {
      const asked = judgeScope(model, placesOnly, raw);
      if (asked.verdict === 'out') return { ...asked, covered, confidence: Math.max(0.5, asked.confidence - 0.1) };
    }
    return { verdict: 'in', confidence: Math.min(1, 0.5 + strong / 4), covered, foreign };
  }
  if (!foreign.length) return modelOnly(reading, covered, foreign) ?? { verdict: 'in', confidence: 0.5, covered, foreign };
  // Words say out; the model may know better ("tarck my ordr", "thnaks"): unsure counts as in scope.
  const modelSaysIn =
    reading &&
    (reading.inScope >= RESCUE_IN || (slips > 0 && reading.topCoverage >= RESCUE_IN)) &&
    reading.confidence >= RESCUE_CONF - (slips ? SLIP_EASE : 0);
  if (reading && foreign.length <= RESCUE_MAX_FOREIGN && (reading.dialogue >= DIALOGUE_MIN || modelSaysIn)) {
    return { verdict: null, confidence: 0, covered, foreign };
  }
  if (!confidentlyForeign(model, profile, reading, normalized, stems, foreign)) return { verdict: null, confidence: 0, covered, foreign };
  const confidence = Math.min(0.95, 0.55 + 0.12 * foreign.length - 0.1 * weak);
  return { verdict: 'out', confidence: Math.max(0.5, confidence), covered, foreign };
}

/**
 * Judges a whole customer message sentence by sentence, leaving out sentences about the support itself
 * ("don't transfer me to a human"): in scope if any request is, out only if every judged one is.
 */
export function judgeMessage(model: ScopeModel, normalized: string, raw: string, skip: (sentence: string) => boolean): ScopeJudgement {
  const parts = sentences(normalized).filter((s) => !skip(s));
  const outs: ScopeJudgement[] = [];
  for (const part of parts) {
    const j = judgeScope(model, part, raw);
    if (j.verdict === 'in') return j;
    if (j.verdict === 'out') outs.push(j);
  }
  if (!outs.length) return { verdict: null, confidence: 0, covered: [], foreign: [] };
  return {
    verdict: 'out',
    confidence: Math.max(...outs.map((j) => j.confidence)),
    covered: outs.flatMap((j) => j.covered),
    foreign: outs.flatMap((j) => j.foreign),
  };
}

/** The sub agent a conversation belongs to: by its tags first, then by the customer's words. */
export function matchSubAgent(
  subAgents: SubAgent[],
  tags: string[],
  normalizedCustomerText: string,
  models: ScopeModel[],
): SubAgent | undefined {
  const lowerTags = new Set(tags.map((t) => t.toLowerCase()));
  const byTag = subAgents.find((s) => s.tags.some((t) => lowerTags.has(t.toLowerCase())));
  if (byTag) return byTag;
  const stems = stemsOfNormalized(normalizedCustomerText);
  let best: { s: SubAgent; score: number } | undefined;
  subAgents.forEach((s, i) => {
    const model = models[i];
    let score = 0;
    for (let k = 0; k < stems.length; k++) {
      const m = match(model, stems[k]);
      if (m) score += WEIGHT[m] * (isGeneric(stems[k]) ? 0.3 : 1);
      if (k > 0 && model.pairs.has(`${stems[k - 1]} ${stems[k]}`)) score += 1;
    }
    if (score >= 0.9 && (!best || score > best.score)) best = { s, score };
  });
  return best?.s;
}
