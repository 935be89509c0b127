/** Text normalisation shared by the detectors: customer text is data, so it is flattened before matching. */

const ZERO_WIDTH = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad\u034f\u180e]/g;
const HAS_ZERO_WIDTH = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad\u034f\u180e]/;
const ODD_SPACE = /[\t\f\v\r\u00a0\u2000-\u200a\u3000]| {2}|\n[\n ]| \n/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'", hellip: '...' };

// Look-alike letters used to slip words past filters ("hum\u0430n" with a Cyrillic a).
const CONFUSABLES: Record<string, string> = { 'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'х': 'x', 'у': 'y', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ɡ': 'g', 'ո': 'n', 'ı': 'i' };
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');

/** Markup and hidden characters removed, entities decoded; case kept (for quotes and the LLM transcript). */
export function clean(text: string): string {
  // Most chat messages are plain text: each pass runs only when its characters are present.
  let t = HAS_ZERO_WIDTH.test(text) ? text.replace(ZERO_WIDTH, '') : text;
  if (t.includes('<')) {
    t = t
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
      .replace(/<\/?[a-z!][^>]{0,1000}>/gi, ' ');
  }
  if (t.includes('&')) {
    t = t.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
    t = t.replace(ZERO_WIDTH, '');
  }
  if (ODD_SPACE.test(t)) t = t.replace(/[ \t\f\v\r\u00a0\u2000-\u200a\u3000]+/g, ' ').replace(/ *\n[\n ]*/g, '\n');
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

/** Splits into sentences so that conditional or negated clauses are judged on their own. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const s of text.split(/(?<=[.!?;])\s+|\n+|(?<=[.!?])(?=[a-z¿¡])/)) {
    const t = s.trim();
    if (t) out.push(t);
  }
  return out;
}

// Chat shorthand and contractions, expanded so that negation and verbs are single, comparable tokens.
const EXPAND_WORDS: Record<string, string[]> = {
  dont: ['do', 'not'], doesnt: ['does', 'not'], didnt: ['did', 'not'], isnt: ['is', 'not'], arent: ['are', 'not'], wasnt: ['was', 'not'],
  werent: ['were', 'not'], havent: ['have', 'not'], hasnt: ['has', 'not'], couldnt: ['could', 'not'], wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'], cant: ['can', 'not'], cannot: ['can', 'not'], wont: ['will', 'not'], im: ['i', 'am'], u: ['you'], r: ['are'],
  ya: ['you'], pls: ['please'], plz: ['please'], pleasee: ['please'], wanna: ['want', 'to'], gonna: ['going', 'to'], gotta: ['got', 'to'],
  ur: ['your'], thx: ['thanks'],
};
const AUX = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'could', 'would', 'should', 'must', 'need', 'might', 'dare', 'ought']);
const EXPAND = new Map(Object.entries(EXPAND_WORDS));
const IS_BEFORE_S = new Set(['it', 'that', 'what', 'there', 'here', 'he', 'she', 'who', 'where', 'how', 'this']);
const TOKEN = /[a-z0-9]+(?:'[a-z]+)?/g;

function expand(t: string, out: string[]): void {
  const q = t.indexOf("'");
  if (q < 0) {
    const e = t.length <= 8 ? EXPAND.get(t) : undefined;
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
    else if (base === 'ain') out.push('is', 'not');
    else if (AUX.has(aux)) out.push(aux, 'not');
    // "wan't" is a typo of "want", not a negation.
    else out.push(base + tail);
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

const CONTRACTION = /\b([a-z]+)'(t|m|ll|ve|d|re|s)\b|\b(dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|couldnt|wouldnt|shouldnt|cant|cannot|wont|im|wanna|gonna|gotta)\b/g;

/** English contractions expanded in running text ("i'll" → "i will"), punctuation kept; one pass. */
export function expandContractions(normalized: string): string {
  // Apostrophe-less forms ("dont", "cant") are checked only when "n" + "t" or "im" could be there at all.
  if (!normalized.includes("'") && !(normalized.includes('nt') || normalized.includes('im') || normalized.includes('nna') || normalized.includes('cannot') || normalized.includes('gotta'))) return normalized;
  if (!normalized.includes("'") && !/\b(dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|couldnt|wouldnt|shouldnt|cant|cannot|wont|im|wanna|gonna|gotta)\b/.test(normalized)) return normalized;
  return normalized.replace(CONTRACTION, (_m: string, base?: string, tail?: string, word?: string) => {
    const out: string[] = [];
    expand(word ?? `${base}'${tail}`, out);
    return out.join(' ');
  });
}

/** Lowercase words with English contractions and chat shorthand expanded; elisions split ("n'ai" → "n ai"). */
export function tokens(normalized: string): string[] {
  const out: string[] = [];
  for (const t of normalized.match(TOKEN) ?? []) expand(t, out);
  return out;
}

export const STOPWORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from about as into over under up down out off is are was were be been being am do does did doing have has had having ' +
    'i me my mine myself you your yours we us our ours they them their it its he she his her this that these those there here what which who whom whose when where why how ' +
    'can could would should will shall may might must not no yes please thanks thank hi hello hey ok okay just also very really too more most some any all each every other ' +
    'want wanna need needs like know tell give get got make let lets see look find help assist show say said use using go going come think ' +
    'one something anything thing things way today now someone somebody anyone lot well right good again still ' +
    'sure able try trying tried than only even such own same both few much many being let us dear sir madam hey ' +
    'im ive id dont cant wont isnt doesnt didnt youre thats whats ' +
    'through thru via across around without within between among against toward towards upon onto per yet anymore else ever never ' +
    'because while since although though whether either neither nor unless until till whose whom ours yourself yourselves themselves ' +
    'himself herself itself ourselves anybody everyone everybody everything nothing nobody somewhere anywhere everywhere nowhere ' +
    'another such quite rather almost always often sometimes usually maybe perhaps probably actually basically already also'
  ).split(/\s+/),
);

const SUFFIXES: [string, string][] = [
  ['ational', 'ate'],
  ['ization', 'ize'],
  ['isation', 'ize'],
  ['fulness', 'ful'],
  ['iveness', 'ive'],
  ['ations', 'ate'],
  ['ation', 'ate'],
  ['ings', ''],
  ['ing', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ers', 'er'],
  ['ed', ''],
  ['es', ''],
  ['s', ''],
  ['ly', ''],
];

const stemCache = new Map<string, string>();

/** A light stemmer: enough to match "refunds/refunded/refunding" and "delivery/deliveries" to one stem. */
export function stem(word: string): string {
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  let w = word.toLowerCase();
  if (w.length > 4) {
    for (const [suf, rep] of SUFFIXES) {
      if (w.endsWith(suf) && w.length - suf.length >= 3) {
        if (suf === 's' && /(ss|us|is)$/.test(w)) break;
        // "speed", "need": the -ed is part of the word; a stem needs a vowel ("string" is not "str").
        if ((suf === 'ed' && w.endsWith('eed')) || !/[aeiouy]/.test(w.slice(0, w.length - suf.length))) break;
        w = w.slice(0, w.length - suf.length) + rep;
        break;
      }
    }
    w = w.replace(/([^aeiou])\1$/, '$1').replace(/e$/, '');
  } else if (w.length === 4 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) {
    w = w.slice(0, 3);
  }
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(word, w);
  return w;
}

/** Levenshtein with adjacent transpositions ("ocntact", "eprson" are one slip away), capped at `max`. */
export function typoDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= n; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/** Typo budget for a word of this length: short words are too easy to confuse with other words. */
export function typoBudget(len: number): number {
  return len >= 9 ? 2 : len >= 5 ? 1 : 0;
}

/** Shortens a quote for evidence, keeping word boundaries. */
export function clip(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  return t.slice(0, max).replace(/\s+\S*$/, '') + '…';
}
