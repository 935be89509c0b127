/**
 * The one door to compromise (https://github.com/spencermountain/compromise, MIT): its sentence splitter,
 * its 24k-word English lexicon (part of speech, "Actor" for nouns that name people) and its verb
 * conjugation tables (lemmas). The full tagger costs ~1 ms a sentence, too slow for 2,000-message
 * conversations, so the act readers use these parts directly and add the closed-class grammar themselves.
 */
import nlp from 'compromise/two';

const world = nlp.world() as unknown as {
  methods: {
    one: { tokenize: { splitSentences: (text: string, world: unknown) => string[] } };
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
const toInfinitive = world.methods.two.transform.verb.toInfinitive;
const toSingular = world.methods.two.transform.noun.toSingular;

/** Sentences of a message, as compromise splits them (abbreviations, ellipses, newlines). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const s of world.methods.one.tokenize.splitSentences(text, world)) {
    // Newlines separate turns pasted together and list items; compromise keeps them inside a sentence.
    for (const part of s.split(/\n+/)) {
      const t = part.trim();
      if (t) out.push(t);
    }
  }
  return out;
}

/** Part-of-speech tags the lexicon gives a lowercase word (none for unknown words). */
export function tagsOf(word: string): string[] {
  const t = lexicon[word];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

export function isActor(word: string): boolean {
  return tagsOf(word).includes('Actor');
}

const lemmaCache = new Map<string, string>();

/** The infinitive of a verb form ("submitted" → "submit", "looking" → "look"); the word itself otherwise. */
export function lemma(word: string): string {
  const hit = lemmaCache.get(word);
  if (hit !== undefined) return hit;
  const tags = tagsOf(word);
  let form: string | undefined;
  if (tags.includes('Gerund') || /ing$/.test(word)) form = 'Gerund';
  // "need", "proceed", "exceed" end in -ed without being past forms ("agreed", "freed" carry the PastTense tag).
  else if (tags.includes('PastTense') || tags.includes('Participle') || (/ed$/.test(word) && !/eed$/.test(word))) form = 'PastTense';
  else if (tags.includes('PresentTense') && /s$/.test(word)) form = 'PresentTense';
  let out = word;
  if (form && word.length > 3) {
    try {
      out = toInfinitive(word, world.model, form) || word;
    } catch {
      out = word;
    }
  }
  if (lemmaCache.size > 20_000) lemmaCache.clear();
  lemmaCache.set(word, out);
  return out;
}

// Closed classes of English, as compromise's lexicon tags them: words that carry grammar, never a topic.
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

/** Every single word compromise's lexicon tags as a function word ("the", "of", "could", "whose", "them"). */
export function functionWords(): string[] {
  const out: string[] = [];
  for (const [w, t] of Object.entries(lexicon)) {
    if (!/^[a-z]+$/.test(w)) continue;
    if ((Array.isArray(t) ? t : [t]).some((x) => FUNCTION_TAGS.has(x))) out.push(w);
  }
  return out;
}

const baseCache = new Map<string, string>();

/**
 * The dictionary form of a lowercase word: plural nouns singular ("deliveries" → "delivery"), verb forms
 * infinitive ("refunded", "refunding" → "refund"). Words the lexicon knows as singular or uncountable
 * ("status", "news") and short words stay as they are. Inflection only: no derivation, unlike a stemmer.
 */
export function baseForm(word: string): string {
  const hit = baseCache.get(word);
  if (hit !== undefined) return hit;
  let out = word;
  if (word.length > 3) {
    const tags = tagsOf(word);
    // Participles the lexicon files as adjectives ("charged", "interested") are still verb forms here.
    const participle = /(ed|ing)$/.test(word);
    const fixed =
      !tags.includes('Plural') &&
      tags.some(
        (t) => t === 'Singular' || t === 'Uncountable' || t === 'Infinitive' || ((t === 'Adjective' || t === 'Adverb') && !participle),
      );
    if (!fixed) {
      if (tags.includes('Plural') || (!tags.length && /[^su]s$/.test(word))) {
        try {
          out = toSingular(word, world.model) || word;
        } catch {
          out = word;
        }
      }
      // "bookings" → "booking" → "book"; "things" → "thing" stays (the lexicon knows it as a noun).
      if (out === word || (/ing$/.test(out) && (tagsOf(out).includes('Gerund') || !tagsOf(out).length))) out = lemma(out);
    }
  }
  if (baseCache.size > 50_000) baseCache.clear();
  baseCache.set(word, out);
  return out;
}
