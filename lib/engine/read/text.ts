/** Text normalisation shared by the detectors: customer text is data, so it is flattened before matching. */
import { distance } from 'fastest-levenshtein';
import { CHAT_TEXT, markupToText } from '../../html/to-text';
import { boundText } from './bound';
import { functionWords } from './nlp';

// Zero-width and joiner characters are matched one by one on purpose (they are what injected text hides in).
// eslint-disable-next-line no-misleading-character-class
const ZERO_WIDTH = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad\u034f\u180e]/g;
// eslint-disable-next-line no-misleading-character-class
const HAS_ZERO_WIDTH = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad\u034f\u180e]/;
const ODD_SPACE = /[\t\f\v\r\u00a0\u2000-\u200a\u3000]| {2}|\n[\n ]| \n/;

// Look-alike letters used to slip words past filters ("hum\u0430n" with a Cyrillic a).
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ո: 'n',
  ı: 'i',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');

/** Markup and hidden characters removed, entities decoded; case kept (for quotes and the LLM transcript). */
const TOKENIZED = / n't\b| '(s|m|re|ve|ll|d)\b| [.,!?](?= |$)/i;

export function clean(text: string): string {
  // Most chat messages are plain text: each pass runs only when its characters are present.
  let t = boundText(text);
  if (HAS_ZERO_WIDTH.test(t)) t = t.replace(ZERO_WIDTH, '');
  if (t.includes('<') || t.includes('&')) {
    t = markupToText(t, CHAT_TEXT);
    // A decoded reference may itself be a hidden character ("&#8203;").
    if (HAS_ZERO_WIDTH.test(t)) t = t.replace(ZERO_WIDTH, '');
  }
  if (ODD_SPACE.test(t)) t = t.replace(/[ \t\f\v\r\u00a0\u2000-\u200a\u3000]+/g, ' ').replace(/ ?\n[\n ]*/g, '\n');
  // Transcripts exported token by token ("I do n't have that information .") read as typed text.
  if (TOKENIZED.test(t)) t = t.replace(/ (n't|'s|'m|'re|'ve|'ll|'d)\b/gi, '$1').replace(/ ([.,!?;:])(?= |$)/g, '$1');
  return t.trim();
}

/**
 * Lowercased, accent-free, one space between words, newlines kept (they separate turns pasted into one
 * message). Matching never sees HTML, entities, hidden characters or look-alike letters.
 */
export function normalize(text: string): string {
  let t = clean(text);
  // Non-ASCII is rare in support chats in these languages; skip the costly Unicode passes when absent.
  if (/[^\x00-\x7f]/.test(t)) {
    t = t
      .normalize('NFKC')
      .replace(CONFUSABLE_RE, (c) => CONFUSABLES[c])
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[’‘`´ʼ]/g, "'")
      .replace(/[“”«»„]/g, '"');
  }
  return t.toLowerCase();
}

const SENTENCE_BREAK = /(?<=[.!?;])\s+|\n+|(?<=[.!?])(?=[a-z¿¡])/;
// The scope judge's rules were tuned on sentences that run on past "¿"/"¡" right after a stop.
const SENTENCE_BREAK_LATIN = /(?<=[.!?;])\s+|\n+|(?<=[.!?])(?=[a-z])/;

/**
 * Splits into sentences so that conditional or negated clauses are judged on their own. `inverted`: a stop
 * followed at once by "¿" or "¡" starts a new sentence.
 */
export function sentences(text: string, inverted = true): string[] {
  const out: string[] = [];
  for (const s of text.split(inverted ? SENTENCE_BREAK : SENTENCE_BREAK_LATIN)) {
    const t = s.trim();
    if (t) out.push(t);
  }
  return out;
}

// Chat shorthand and contractions, expanded so that negation and verbs are single, comparable tokens.
const EXPAND_WORDS: Record<string, string[]> = {
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
  pleasee: ['please'],
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
  'dare',
  'ought',
]);
const EXPAND = new Map(Object.entries(EXPAND_WORDS));
const IS_BEFORE_S = new Set(['it', 'that', 'what', 'there', 'here', 'he', 'she', 'who', 'where', 'how', 'this']);
const TOKEN = /[a-z0-9]+(?:'[a-z]+)?/g;

/**
 * How much of a contraction is read. 'full': every English contraction ("i'll" → "i will", "it's" → "it is").
 * 'negation': only negated auxiliaries and shorthand; "'s" is dropped and other tails stay words ("i'll" →
 * "i ll"), as the scope judge's vocabulary was built (its rules and model were tuned on this reading).
 */
export type ContractionReading = 'full' | 'negation';
// Shorthand and negations the 'negation' reading leaves as written ("pleasee", "daren't").
const FULL_ONLY = new Set(['pleasee', 'dare', 'ought']);

function expand(t: string, out: string[], full: boolean): void {
  const q = t.indexOf("'");
  if (q < 0) {
    const e = t.length <= 8 && (full || !FULL_ONLY.has(t)) ? EXPAND.get(t) : undefined;
    if (e) for (const w of e) out.push(w);
    else out.push(t);
    return;
  }
  const base = t.slice(0, q);
  const tail = t.slice(q + 1);
  if (tail === 't' && base.endsWith('n')) {
    const aux = base.slice(0, -1);
    if (base === 'can' || base === 'ca') out.push('can', 'not');
    else if (base === 'won' || base === 'wo') out.push('will', 'not');
    else if (base === 'ain') out.push(full ? 'is' : 'ai', 'not');
    else if (AUX.has(aux) && (full || !FULL_ONLY.has(aux))) out.push(aux, 'not');
    // "wan't" is a typo of "want", not a negation.
    else out.push(base + tail);
  } else if (!full) {
    if (tail === 's') out.push(base);
    else out.push(base, tail);
  } else if (tail === 'm') out.push(base, 'am');
  else if (tail === 'll') out.push(base, 'will');
  else if (tail === 've') out.push(base, 'have');
  else if (tail === 'd') out.push(base, 'would');
  else if (tail === 're') out.push(base, 'are');
  else if (tail === 's') {
    if (base === 'let') out.push('let', 'us');
    else if (IS_BEFORE_S.has(base)) out.push(base, 'is');
    else out.push(base);
  } else {
    // French and Portuguese elisions: "n'ai", "l'agent", "quelqu'un".
    out.push(base, tail);
  }
}

const CONTRACTION =
  /\b([a-z]+)'(t|m|ll|ve|d|re|s)\b|\b(dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|couldnt|wouldnt|shouldnt|cant|cannot|wont|im|wanna|gonna|gotta)\b/g;

/** English contractions expanded in running text ("i'll" → "i will"), punctuation kept; one pass. */
export function expandContractions(normalized: string): string {
  // Apostrophe-less forms ("dont", "cant") are checked only when "n" + "t" or "im" could be there at all.
  if (
    !normalized.includes("'") &&
    !(
      normalized.includes('nt') ||
      normalized.includes('im') ||
      normalized.includes('nna') ||
      normalized.includes('cannot') ||
      normalized.includes('gotta')
    )
  )
    return normalized;
  if (
    !normalized.includes("'") &&
    !/\b(dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|couldnt|wouldnt|shouldnt|cant|cannot|wont|im|wanna|gonna|gotta)\b/.test(
      normalized,
    )
  )
    return normalized;
  return normalized.replace(CONTRACTION, (_m: string, base?: string, tail?: string, word?: string) => {
    const out: string[] = [];
    expand(word ?? `${base}'${tail}`, out, true);
    return out.join(' ');
  });
}

/** Lowercase words with English contractions and chat shorthand expanded; elisions split ("n'ai" → "n ai"). */
export function tokens(normalized: string, reading: ContractionReading = 'full'): string[] {
  const out: string[] = [];
  const full = reading === 'full';
  for (const t of normalized.match(TOKEN) ?? []) expand(t, out, full);
  return out;
}

// Words of a request that say nothing about its topic: chat, politeness and the verbs every request uses
// ("I want to know", "can you help me get"). Function words come from compromise's lexicon (nlp.ts), which
// files be/do/have as verbs and a few prepositions and pronouns as other classes: those are listed here.
const REQUEST_FRAME_WORDS =
  'be been being do does did doing have has had having there here all over under against unless mine yours ' +
  'yes no not please thanks thank hi hello hey ok okay just also very really too more most lot well right good again still sure ' +
  'want wanna need needs like know tell give get got make let lets see look find help assist show say said use using go going come think try trying tried able ' +
  'one something anything thing things way today now someone somebody anyone anybody everyone everybody everything nothing nobody ' +
  'somewhere anywhere everywhere nowhere dear sir madam im ive id dont cant wont isnt doesnt didnt youre thats whats ' +
  'so then only even such own same much many other else ever never anymore quite rather almost always often sometimes usually maybe perhaps probably actually basically already';

/** Words that carry no topic: compromise's closed classes plus the request frame above. */
export const STOPWORDS: ReadonlySet<string> = new Set([...functionWords(), ...REQUEST_FRAME_WORDS.split(' ')]);

/** Levenshtein (fastest-levenshtein) with adjacent transpositions as one slip ("ocntact", "eprson"), capped at `max`. */
export function typoDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let d = distance(a, b);
  // One swap of neighbours costs Levenshtein 2; count it as 1 (Damerau).
  if (d === 2 && isSwap(a, b)) d = 1;
  return Math.min(d, max + 1);
}

/** Two neighbouring letters swapped and nothing else ("thnaks" ~ "thanks"). */
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

/** Shortens a quote for evidence, keeping word boundaries. */
export function clip(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  // Whitespace is single spaces here: the cut goes back to the last one.
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space >= 0 ? cut.slice(0, space) : cut) + '…';
}
