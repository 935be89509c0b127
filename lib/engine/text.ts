/** Text normalisation shared by the detectors: customer text is data, so it is flattened before matching. */

const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g;

/** Strips markup, zero-width characters and accents; lowercases. Matching never sees HTML or hidden text. */
export function normalize(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .replace(/<[^>]{0,500}>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits into sentences so that conditional or negated clauses are judged on their own. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const STOPWORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from about as into over under up down out off is are was were be been being am do does did doing have has had having ' +
    'i me my mine myself you your yours we us our ours they them their it its he she his her this that these those there here what which who whom whose when where why how ' +
    'can could would should will shall may might must not no yes please thanks thank hi hello hey ok okay just also very really too more most some any all each every other ' +
    'want wanna need needs like know tell give get got make let lets see look find help assist show say said use using go going come know think ' +
    "im i'm ive i've id i'd dont don't cant can't wont won't isnt isn't doesnt doesn't didnt didn't youre you're thats that's whats what's " +
    'one two something anything thing things way time today now day someone somebody anyone way much many lot well right new good best need again still ' +
    'am pm sure would like able try trying tried'
  ).split(/\s+/),
);

/** A light stemmer: enough to match "refunds/refunded/refunding" and "delivery/deliveries" to one stem. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  for (const [suf, rep] of [
    ['ies', 'y'],
    ['ied', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
    ['ly', ''],
    ['ment', ''],
    ['tion', 't'],
    ['ation', ''],
  ] as const) {
    if (w.endsWith(suf) && w.length - suf.length >= 3) {
      w = w.slice(0, w.length - suf.length) + rep;
      break;
    }
  }
  return w.replace(/(.)\1$/, '$1').replace(/e$/, '');
}

export function words(text: string): string[] {
  return normalize(text).match(/[a-z0-9][a-z0-9'-]*/g) ?? [];
}

export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w) && w.length > 1 && !/^\d+$/.test(w))
    .map(stem);
}

/** Levenshtein distance, capped: used to tolerate typos on a few key words ("humna", "reprsentative"). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Shortens a quote for evidence, keeping word boundaries. */
export function clip(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  return t.slice(0, max).replace(/\s+\S*$/, '') + '…';
}
