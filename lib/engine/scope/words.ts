import nlp from 'compromise/two';
import { distance } from 'fastest-levenshtein';

/**
 * The scope judge's own reading of words: tokens, function words, dictionary forms and typo distance. It sits
 * beside the act readers' text.ts on purpose: scope vocabularies are built from the policy and compared with
 * the customer's words, so both sides must go through one stable reading, whatever the act readers change.
 * Dictionary forms and function words come from compromise's lexicon and conjugation tables (MIT).
 */

const world = nlp.world() as unknown as {
  methods: {
    two: {
      transform: {
        verb: { toInfinitive: (word: string, model: unknown, tag: string) => string };
        noun: { toSingular: (word: string, model: unknown) => string };
      };
    };
  };
  model: { one: { lexicon: Record<string, string | string[]> } };
};
const lexicon = world.model.one.lexicon;

function tagsOf(word: string): string[] {
  const t = lexicon[word];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

/** Adjectives and adverbs ("new", "more"): qualities, never the action a request asks for. */
export function isModifier(word: string): boolean {
  return tagsOf(word).some((t) => t === 'Adjective' || t === 'Comparative' || t === 'Superlative' || t === 'Adverb');
}

/** Lowercase, accent-free text with typographic apostrophes made plain (what judgeScope expects). */
export function plainText(text: string): string {
  let t = text.toLowerCase();
  if (/[^\x00-\x7f]/.test(t))
    t = t
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’‘`´ʼ]/g, "'");
  return t;
}

/** Sentences of lowercase text: split after end punctuation and at newlines. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const s of text.split(/(?<=[.!?;])\s+|\n+|(?<=[.!?])(?=[a-z])/)) {
    const t = s.trim();
    if (t) out.push(t);
  }
  return out;
}

// Contractions and chat shorthand that hide a function word ("dont", "u", "wanna").
const EXPAND: Record<string, string[]> = {
  dont: ['do', 'not'],
  doesnt: ['does', 'not'],
  didnt: ['did', 'not'],
  isnt: ['is', 'not'],
  arent: ['are', 'not'],
  wasnt: ['was', 'not'],
  werent: ['were', 'not'],
  havent: ['have', 'not'],
  hasnt: ['has', 'not'],
  couldnt: ['could', 'not'],
  wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'],
  cant: ['can', 'not'],
  cannot: ['can', 'not'],
  wont: ['will', 'not'],
  im: ['i', 'am'],
  u: ['you'],
  r: ['are'],
  ya: ['you'],
  pls: ['please'],
  plz: ['please'],
  wanna: ['want', 'to'],
  gonna: ['going', 'to'],
  gotta: ['got', 'to'],
  ur: ['your'],
  thx: ['thanks'],
};
const AUX = new Set([
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'have',
  'has',
  'had',
  'could',
  'would',
  'should',
  'must',
  'need',
  'might',
  'ai',
]);
const TOKEN = /[a-z0-9]+(?:'[a-z]+)?/g;

/** Lowercase words, contractions split off ("order's" → "order", "can't" → "can not"). */
export function tokens(normalized: string): string[] {
  const out: string[] = [];
  for (const t of normalized.match(TOKEN) ?? []) {
    const q = t.indexOf("'");
    if (q < 0) {
      const e = t.length <= 8 ? EXPAND[t] : undefined;
      if (e) out.push(...e);
      else out.push(t);
      continue;
    }
    const base = t.slice(0, q);
    const tail = t.slice(q + 1);
    if (tail === 't' && base.endsWith('n')) {
      if (base === 'can' || base === 'ca') out.push('can', 'not');
      else if (base === 'won' || base === 'wo') out.push('will', 'not');
      else if (AUX.has(base.slice(0, -1))) out.push(base.slice(0, -1), 'not');
      // "wan't" is a slip for "want", not a negation.
      else out.push(base + tail);
    } else if (tail === 's') out.push(base);
    else out.push(base, tail);
  }
  return out;
}

// Closed classes as compromise's lexicon tags them: grammar, never a topic.
const FUNCTION_TAGS = new Set([
  'Determiner',
  'Preposition',
  'Pronoun',
  'Conjunction',
  'Copula',
  'Auxiliary',
  'Modal',
  'QuestionWord',
  'Possessive',
  'Reflexive',
  'Negative',
]);
// Words of a request that say nothing about its topic: chat, politeness and the verbs every request uses
// ("I want to know", "can you help me get").
const REQUEST_FRAME =
  'be been being do does did doing have has had having there here all over under against unless mine yours ' +
  'yes no not please thanks thank hi hello hey ok okay just also very really too more most lot well right good again still sure ' +
  'want wanna need needs like know tell give get got make let lets see look find help assist show say said use using go going come think try trying tried able ' +
  'one something anything thing things way today now someone somebody anyone anybody everyone everybody everything nothing nobody ' +
  'somewhere anywhere everywhere nowhere dear sir madam im ive id dont cant wont isnt doesnt didnt youre thats whats ' +
  'so then only even such own same much many other else ever never anymore quite rather almost always often sometimes usually maybe perhaps probably actually basically already';

let stopwords: Set<string> | undefined;

/** Function words and request-frame words. Built on first use (a walk over compromise's lexicon). */
export function isStopword(w: string): boolean {
  if (!stopwords) {
    stopwords = new Set(REQUEST_FRAME.split(' '));
    for (const [word, t] of Object.entries(lexicon)) {
      if (/^[a-z]+$/.test(word) && (Array.isArray(t) ? t : [t]).some((x) => FUNCTION_TAGS.has(x))) stopwords.add(word);
    }
  }
  return stopwords.has(w);
}

const baseCache = new Map<string, string>();

function infinitive(word: string): string {
  const tags = tagsOf(word);
  let form: string | undefined;
  if (tags.includes('Gerund') || /ing$/.test(word)) form = 'Gerund';
  else if (tags.includes('PastTense') || tags.includes('Participle') || /ed$/.test(word)) form = 'PastTense';
  else if (tags.includes('PresentTense') && /s$/.test(word)) form = 'PresentTense';
  if (!form || word.length <= 3) return word;
  try {
    return world.methods.two.transform.verb.toInfinitive(word, world.model, form) || word;
  } catch {
    return word;
  }
}

/**
 * Dictionary form of a lowercase word: plurals singular ("deliveries" → "delivery"), verb forms infinitive
 * ("refunded", "refunding" → "refund"). Words the lexicon knows as singular, uncountable, adjective or adverb
 * stay as they are ("status", "news"). Memoised.
 */
export function stem(word: string): string {
  const hit = baseCache.get(word);
  if (hit !== undefined) return hit;
  let out = word;
  if (word.length > 3) {
    const tags = tagsOf(word);
    const participle = /(ed|ing)$/.test(word);
    const fixed =
      !tags.includes('Plural') &&
      tags.some(
        (t) => t === 'Singular' || t === 'Uncountable' || t === 'Infinitive' || ((t === 'Adjective' || t === 'Adverb') && !participle),
      );
    if (!fixed) {
      if (tags.includes('Plural') || (!tags.length && /[^su]s$/.test(word))) {
        try {
          out = world.methods.two.transform.noun.toSingular(word, world.model) || word;
        } catch {
          out = word;
        }
      }
      if (out === word || (/ing$/.test(out) && (tagsOf(out).includes('Gerund') || !tagsOf(out).length))) out = infinitive(out);
    }
  }
  if (baseCache.size > 50_000) baseCache.clear();
  baseCache.set(word, out);
  return out;
}

/** Levenshtein with a swap of neighbours counted as one slip ("ocntact"), capped at max + 1. */
export function typoDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let d = distance(a, b);
  if (d === 2 && a.length === b.length && isSwap(a, b)) d = 1;
  return Math.min(d, max + 1);
}

/** Two neighbouring letters swapped ("thnaks" ~ "thanks"). */
export function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Typo budget for a word of this length: short words are too easy to confuse with other words. */
export function typoBudget(len: number): number {
  return len >= 9 ? 2 : len >= 5 ? 1 : 0;
}
