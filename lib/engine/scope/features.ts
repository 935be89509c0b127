/**
 * Features of the scope domain model, shared by the training script and the engine so both read text the same
 * way: lower-cased words, word pairs, and the character trigrams of each word. Trigrams are what keep a typo'd
 * word ("cacel", "plcae") close to the word it was meant to be; words and pairs carry the rest.
 */
import { blankLinks } from '../read/identifiers';

// Chat spellings a customer types for ordinary words; the model was trained on edited text.
const CHAT_FORMS: Record<string, string> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thanks',
  '2': 'to',
  '4': 'for',
  wanna: 'want to',
  gonna: 'going to',
  cant: "can't",
  dont: "don't",
  wont: "won't",
  im: "i'm",
  acct: 'account',
  // Text-speak for words the model knows ("wat time u open", "forgot pw", "gr8 thx").
  wat: 'what',
  wut: 'what',
  wot: 'what',
  wats: 'whats',
  wuts: 'whats',
  gr8: 'great',
  b4: 'before',
  '2day': 'today',
  '2moro': 'tomorrow',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  ppl: 'people',
  pw: 'password',
  msg: 'message',
  pic: 'picture',
  pics: 'pictures',
  bc: 'because',
  cuz: 'because',
  abt: 'about',
  hw: 'how',
};

/** Chat spellings of ordinary words ("wat" → "what"), for readers that split words their own way. */
export function chatForm(word: string): string | undefined {
  return CHAT_FORMS[word];
}

/** Lower-cased words with accents, markup and punctuation removed; digits become "0". */
export function modelWords(text: string): string[] {
  const lowered = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const t = blankLinks(lowered)
    .replace(/[’`]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ');
  const out: string[] = [];
  for (const raw of t.split(/\s+/)) {
    const w = raw.replace(/^'+|(?<!')'+$/g, '');
    if (!w) continue;
    const mapped = CHAT_FORMS[w];
    if (mapped) out.push(...mapped.split(' '));
    else out.push(/^\d+$/.test(w) ? '0' : w.replace(/\d/g, '0'));
  }
  return out;
}

/**
 * Sparse binary features, scaled so every text has unit length whatever its size. Keys: a word as is, a word pair
 * with a space, a trigram after '#' (short keys keep the shipped weights small).
 */
export function featuresOf(text: string): Map<string, number> {
  const words = modelWords(text);
  const keys = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    keys.add(w);
    if (i > 0) keys.add(`${words[i - 1]} ${w}`);
    if (w.length >= 3 && w !== '0') {
      const padded = `<${w}>`;
      for (let k = 0; k + 3 <= padded.length; k++) keys.add(`#${padded.slice(k, k + 3)}`);
    }
  }
  const out = new Map<string, number>();
  if (!keys.size) return out;
  const v = 1 / Math.sqrt(keys.size);
  for (const k of keys) out.set(k, v);
  return out;
}
