import { baseForm, tagsOf } from '../read/nlp';
import { chatForm } from './features';
import { sentences as splitSentences, STOPWORDS, tokens as readTokens } from '../read/text';

/**
 * The scope judge's reading of words. Lexicon, function words, dictionary forms and typo distance are the
 * engine's one reading (nlp.ts, text.ts); what is here is the scope's own: its view of modifiers, its
 * plain-text form, and the variants its rules and model were tuned on (see `tokens` and `sentences`).
 */

export { isSwap, STOPWORDS, typoBudget, typoDistance } from '../read/text';

/** Dictionary form of a lowercase word ("deliveries" → "delivery", "refunded" → "refund"). */
export const stem = baseForm;

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

/** Function words and request-frame words: the engine's stop words. */
export function isStopword(w: string): boolean {
  return STOPWORDS.has(w);
}

/** Sentences of lowercase text, split after end punctuation and at newlines (not before "¿"/"¡"). */
export function sentences(text: string): string[] {
  return splitSentences(text, false);
}

/** Lowercase words with negations and shorthand expanded, "'s" dropped, other tails kept as words. */
export function tokens(normalized: string): string[] {
  const out: string[] = [];
  for (const w of readTokens(normalized, 'negation')) {
    // Text-speak the engine's reading leaves as written ("wat", "pw"): the words the scope was written in.
    const form = w.length <= 5 ? chatForm(w) : undefined;
    if (form && !form.includes("'")) out.push(...form.split(' '));
    else out.push(w);
  }
  return out;
}
