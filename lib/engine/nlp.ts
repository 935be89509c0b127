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
    two: { transform: { verb: { toInfinitive: (word: string, model: unknown, tag: string) => string } } };
  };
  model: { one: { lexicon: Record<string, string | string[]> } };
};
const lexicon = world.model.one.lexicon;
const toInfinitive = world.methods.two.transform.verb.toInfinitive;

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
  else if (tags.includes('PastTense') || tags.includes('Participle') || /ed$/.test(word)) form = 'PastTense';
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
