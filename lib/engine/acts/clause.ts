/**
 * A clause read as grammar: who acts (subject), when and how surely (tense, modality), whether it is
 * negated, asked or conditional, and what is done (verb lemma, particle, object). The act readers decide
 * on these frames instead of on phrasings: "we will contact you", "our developers are looking into it",
 * "your report has been submitted" and "I'm going to write up a report for our purchasing department"
 * are one reading: someone on the support side acts later.
 */
import { isActor, lemma, tagsOf } from '../read/nlp';
import { tokens } from '../read/text';

type Subject = 'i' | 'we' | 'you' | 'team' | 'someone' | 'they' | 'thing' | 'none';
type Modality = 'future' | 'ability' | 'obligation' | 'hedge' | 'now' | null;

export interface Clause {
  subject: Subject;
  /** Words of the subject ("our billing team"), for naming who acts. */
  subjectWords: string[];
  modality: Modality;
  negated: boolean;
  perfect: boolean;
  passive: boolean;
  progressive: boolean;
  past: boolean;
  imperative: boolean;
  question: boolean;
  conditional: boolean;
  /** Lemma of the main verb ("" when none was found). */
  verb: string;
  particle: string;
  /** Tokens after the verb. */
  object: string[];
  tokens: string[];
}

const MODALS: Record<string, Modality> = {
  will: 'future',
  shall: 'future',
  can: 'ability',
  could: 'ability',
  must: 'obligation',
  would: 'hedge',
  should: 'hedge',
  may: 'hedge',
  might: 'hedge',
};
const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being']);
const HAVE = new Set(['have', 'has', 'had', 'having']);
const DO = new Set(['do', 'does', 'did']);
const NEG = new Set(['not', 'never', 'no', 'unable']);
const PARTICLES = new Set(['up', 'into', 'back', 'over', 'out', 'on', 'in', 'at', 'through', 'along', 'off', 'forward']);
const ADVERBS = new Set([
  'just',
  'now',
  'also',
  'already',
  'still',
  'then',
  'soon',
  'certainly',
  'definitely',
  'gladly',
  'happily',
  'personally',
  'further',
  'again',
  'surely',
  'kindly',
  'first',
  'asap',
  'immediately',
  'shortly',
  'promptly',
  'quickly',
  'actually',
  'really',
  'unfortunately',
  'sadly',
  'currently',
  'right',
  'directly',
  'so',
  'perhaps',
  'maybe',
  'please',
  'kindly',
]);
const PRONOUNS: Record<string, Subject> = {
  i: 'i',
  we: 'we',
  you: 'you',
  u: 'you',
  they: 'they',
  someone: 'someone',
  somebody: 'someone',
  it: 'thing',
  this: 'thing',
  that: 'thing',
  he: 'someone',
  she: 'someone',
};
/** Nouns for a group of people on the support side that the lexicon does not mark as people. */
const GROUP_NOUNS = new Set([
  'team',
  'teams',
  'department',
  'departments',
  'desk',
  'staff',
  'support',
  'unit',
  'office',
  'crew',
  'personnel',
  'representative',
  'representatives',
  'rep',
  'reps',
  'engineer',
  'engineers',
  'experts',
  'expert',
  'human',
  'humans',
  'person',
  'people',
  'management',
  'colleagues',
  'partner',
  'partners',
  'carrier',
  'courier',
]);
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'some',
  'any',
  'your',
  'my',
  'our',
  'this',
  'that',
  'no',
  'more',
  'nice',
  'good',
  'great',
  'wonderful',
  'lovely',
]);
// Verbs the lexicon knows only as nouns ("tell", "call", "describe" untagged): first in a clause and followed by
// their object ("Tell me more", "Describe the damage", "Drop the order ID here") they are an instruction; "Call
// charges apply", "email confirmation has been sent" stay nouns.
const NOUN_TAGGED_VERBS = new Set([
  'tell',
  'call',
  'check',
  'contact',
  'visit',
  'email',
  'text',
  'reply',
  'click',
  'note',
  'mention',
  'spell',
  'type',
  'supply',
  'upload',
  'forward',
  'describe',
  'clarify',
  'advise',
  'elaborate',
  'drop',
  'paste',
  'post',
  'dm',
  'snap',
]);
const VERB_OBJECT_START = new Set([
  'me',
  'us',
  'the',
  'your',
  'a',
  'an',
  'any',
  'some',
  'our',
  'this',
  'it',
  'them',
  'what',
  'how',
  'when',
  'whether',
]);
const CONDITIONAL = /^(if|once|when|whenever|unless|after|in case|as soon as|should you|in the event)\b/;
const SUBORDINATE = new Set([
  'if',
  'once',
  'when',
  'whenever',
  'unless',
  'because',
  'since',
  'so',
  'that',
  'while',
  'until',
  'before',
  'after',
]);

// The lexicon's people that are also devices: "play it on the kitchen speaker" names no one to hand the case to.
const DEVICES = new Set(['speaker', 'speakers']);

export function isPersonNoun(w: string): boolean {
  return GROUP_NOUNS.has(w) || (isActor(w) && !DEVICES.has(w));
}

function isVerbish(w: string): boolean {
  const t = tagsOf(w);
  return t.some(
    (x) =>
      x === 'Infinitive' ||
      x === 'PastTense' ||
      x === 'PresentTense' ||
      x === 'Gerund' ||
      x === 'Participle' ||
      x === 'Verb' ||
      x === 'Imperative' ||
      x === 'PhrasalVerb',
  );
}

function isParticiple(w: string): boolean {
  return /(ed|en|wn|ght|ne|ent|t)$/.test(w) && (tagsOf(w).includes('PastTense') || tagsOf(w).includes('Participle') || /ed$/.test(w));
}

function subjectOf(words: string[]): Subject {
  if (!words.length) return 'none';
  const last = words[words.length - 1];
  if (PRONOUNS[last]) return PRONOUNS[last];
  // "One will be with you shortly": "one" standing alone is a person.
  if (words.length === 1 && last === 'one') return 'someone';
  if (words.some(isPersonNoun) || /^(one|some|any) of (our|the)/.test(words.join(' ')))
    return words.includes('someone') || words[0] === 'one' || words[0] === 'a' || words[0] === 'an' ? 'someone' : 'team';
  return 'thing';
}

/** Clauses of one normalized sentence: split at contrasts ("but", "though"), and "and"/"so" that start a new verb group. */
// "While I cannot expedite it, you can contact your bank": a concession or reason before a comma, then the main clause.
// "Given it's a confirmed debit, I have escalated this": background before the main clause.
const LEAD =
  /^(while|although|though|whereas|since|as|because|given( that)?|considering|in (light|view) of|due to|despite|based on|following|in this case|in that case)\b[^,?]{3,150}, /;

const ING_NOUNS =
  /(thing|morning|evening|ceiling|building|wedding|clothing|shipping|packaging|pricing|billing|booking|listing|setting|meeting|training|feeling|warning|opening|heading|parking|rating)$/;

// "I'm sorry, I don't have that information", "I'm afraid that I don't know their fee": the apology is not the clause.
const APOLOGY_LEAD =
  /^((i am|i'm|i m|im|we are|we're) )?(so |very |really |terribly )?(sorry|afraid)( but)?(,| that)? (?=(i|we|there|it|that|this|the|our)\b)/;

export function clausesOf(sentence: string): Clause[] {
  const apology = APOLOGY_LEAD.exec(sentence);
  if (apology && sentence.length - apology[0].length > 8) sentence = sentence.slice(apology[0].length);
  const lead = LEAD.exec(sentence);
  if (lead) {
    const main = sentence.slice(lead[0].length);
    // The lead is background to the main clause ("while I cannot…" is no refusal when "…you can" follows): read as
    // subordinate, so no act is taken from it alone.
    if (main.split(' ').length >= 3)
      return [...clausesOf(lead[0].slice(0, -2)).map((c) => ({ ...c, conditional: true })), ...clausesOf(main)];
  }
  const question = /\?\s*$/.test(sentence);
  const toks = tokens(sentence);
  const parts: string[][] = [];
  let cur: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const next = toks[i + 1] ?? '';
    const newGroup =
      PRONOUNS[next] || MODALS[next] || isPersonNoun(next) || next === 'our' || next === 'your' || next === 'please' || next === 'let';
    if (
      (t === 'but' ||
        t === 'however' ||
        t === 'although' ||
        ((t === 'though' || t === 'whereas') && newGroup) ||
        ((t === 'and' || t === 'so' || t === 'then' || t === 'or') && (newGroup || MODALS[next] !== undefined)) ||
        // "I have marked it urgent and have asked the refunds team to…": a second perfect with the same subject.
        (t === 'and' && (next === 'have' || next === 'has') && /ed$/.test(toks[i + 2] ?? ''))) &&
      cur.length
    ) {
      parts.push(cur);
      cur = [];
      continue;
    }
    // "I am re-opening the case and escalating it to finance": a second verb of the same progressive, read with
    // its subject and auxiliary so that it is not taken for an imperative.
    const aux = cur.findIndex((w) => w === 'am' || w === 'are' || w === 'is');
    // The lexicon lacks many -ing forms ("escalating"), so any -ing word but the common -ing nouns counts.
    const gerund = /^[a-z]{3,}ing$/.test(next) && !ING_NOUNS.test(next);
    if (t === 'and' && aux > 0 && PRONOUNS[cur[aux - 1]] && gerund && cur.length > aux + 2) {
      parts.push(cur);
      cur = cur.slice(aux - 1, aux + 1);
      continue;
    }
    cur.push(t);
  }
  if (cur.length) parts.push(cur);
  const out: Clause[] = [];
  let inherited: { subject: Subject; words: string[] } = { subject: 'none', words: [] };
  parts.forEach((p, idx) => {
    const c = parseClause(p, question && idx === parts.length - 1, inherited);
    inherited = { subject: c.subject, words: c.subjectWords };
    out.push(c);
  });
  return out;
}

function parseClause(toks: string[], question: boolean, inherited: { subject: Subject; words: string[] }): Clause {
  const c: Clause = {
    subject: 'none',
    subjectWords: [],
    modality: null,
    negated: false,
    perfect: false,
    passive: false,
    progressive: false,
    past: false,
    imperative: false,
    question,
    conditional: CONDITIONAL.test(toks.join(' ')),
    verb: '',
    particle: '',
    object: [],
    tokens: toks,
  };
  let i = 0;
  // Leading discourse words: "ok", "sure", "great", "sorry", "please".
  while (
    i < toks.length &&
    /^(ok|okay|sure|great|alright|right|well|also|and|so|now|thanks|thank|sorry|unfortunately|firstly|first|hi|hello|yes|no|oh)$/.test(
      toks[i],
    ) &&
    i < toks.length - 1
  )
    i++;
  // "Before I do, could you confirm your email?": a subordinate opening before an inverted question.
  // "In the meantime, could you share a photo?", "To help us investigate, would you be willing to…": the same.
  if (/^(before|after|so|to|in|meanwhile|additionally|also|lastly|finally|regarding|for|with|while)$/.test(toks[i] ?? '')) {
    const ask = toks.findIndex((t, k) => k > i && k <= i + 6 && MODALS[t] !== undefined && PRONOUNS[toks[k + 1]] === 'you');
    if (ask > 0) i = ask;
  }
  // "For this issue, please call our support line": an opening phrase before the request.
  if (/^(for|in|regarding|about|with|on|as|to)$/.test(toks[i] ?? '')) {
    const please = toks.findIndex((t, k) => k > i && k <= i + 6 && (t === 'please' || t === 'kindly'));
    if (please > 0) i = please;
  }
  if (toks[i] === 'please' || toks[i] === 'kindly') {
    c.imperative = true;
    i++;
  }
  if (
    c.imperative ||
    (HAVE.has(toks[i]) && DETERMINERS.has(toks[i + 1] ?? '')) ||
    (NOUN_TAGGED_VERBS.has(toks[i]) && VERB_OBJECT_START.has(toks[i + 1] ?? ''))
  ) {
    // "please call our team", "have a great day": the verb comes first.
    c.imperative = true;
    c.subject = 'you';
    return finishVerb(c, toks, i);
  }
  // "let me / let us": the speaker acts now.
  if (toks[i] === 'let' && (toks[i + 1] === 'me' || toks[i + 1] === 'us')) {
    c.subject = toks[i + 1] === 'me' ? 'i' : 'we';
    c.modality = 'now';
    i += 2;
    return finishVerb(c, toks, i);
  }
  // Subject: words before the first auxiliary or verb.
  let j = i;
  const subj: string[] = [];
  while (j < toks.length) {
    const t = toks[j];
    if (MODALS[t] !== undefined || BE.has(t) || HAVE.has(t) || DO.has(t) || NEG.has(t) || t === 'going') break;
    if (
      subj.length &&
      (PRONOUNS[subj[subj.length - 1]] || isPersonNoun(subj[subj.length - 1]) || /s$/.test(subj[subj.length - 1])) &&
      isVerbish(t) &&
      !ADVERBS.has(t)
    )
      break;
    if (!subj.length && isVerbish(t) && !PRONOUNS[t] && !/^(our|your|my|the|a|an|one|some|this|that|it|there)$/.test(t) && !isPersonNoun(t))
      break;
    if (SUBORDINATE.has(t) && subj.length) break;
    subj.push(t);
    j++;
    if (subj.length > 8) break;
  }
  if (j >= toks.length) {
    // No verb group: a fragment ("Thanks!", "Account number and pin").
    c.subject = subjectOf(subj);
    c.subjectWords = subj;
    c.object = subj;
    return c;
  }
  if (!subj.length) {
    if (MODALS[toks[j]] !== undefined || BE.has(toks[j]) || HAVE.has(toks[j]) || DO.has(toks[j])) {
      // Inverted question ("can you provide…", "is there anything…") or a clause that goes on with the subject before it.
      const after = toks[j + 1] ?? '';
      if (PRONOUNS[after] || after === 'there') {
        c.question = true;
        c.subject = PRONOUNS[after] ?? 'thing';
        c.subjectWords = [after];
        const m = MODALS[toks[j]];
        if (m) c.modality = m;
        if (HAVE.has(toks[j])) c.perfect = true;
        return finishVerb(c, toks, j + 2);
      }
      c.subject = inherited.subject;
      c.subjectWords = inherited.words;
    } else {
      c.imperative = true;
      c.subject = 'you';
    }
  } else {
    c.subject = subjectOf(subj);
    c.subjectWords = subj;
    if (subj[0] === 'there') c.subject = 'thing';
  }
  return finishVerb(c, toks, j);
}

function finishVerb(c: Clause, toks: string[], start: number): Clause {
  let k = start;
  let sawBe = false;
  let sawHave = false;
  for (; k < toks.length; k++) {
    const t = toks[k];
    if (MODALS[t] !== undefined) {
      c.modality ??= MODALS[t];
      if (t === 'could' || t === 'would' || t === 'might') c.past = c.past || false;
      continue;
    }
    if (NEG.has(t)) {
      c.negated = true;
      if (t === 'unable') {
        c.modality ??= 'ability';
        if (toks[k + 1] === 'to') k++;
      }
      continue;
    }
    if (t === 'going' && toks[k + 1] === 'to') {
      c.modality = 'future';
      sawBe = false;
      k++;
      continue;
    }
    if ((t === 'able' || t === 'willing' || t === 'about' || t === 'trying' || t === 'happy' || t === 'glad') && toks[k + 1] === 'to') {
      if (t === 'able') c.modality = c.modality === 'future' ? 'future' : 'ability';
      // "Would you be able to share a video?", "would you be willing to provide…": a polite request whose verb is
      // "share", not the copula (the speaker's own "we are able to help" stays a statement about the bot).
      if ((t === 'able' || t === 'willing') && c.subject === 'you' && c.question) sawBe = false;
      k++;
      continue;
    }
    if ((t === 'have' || t === 'has' || t === 'need' || t === 'needs') && toks[k + 1] === 'to' && !sawHave) {
      c.modality ??= 'obligation';
      k++;
      continue;
    }
    if (BE.has(t)) {
      sawBe = true;
      if (t === 'was' || t === 'were') c.past = true;
      continue;
    }
    if (HAVE.has(t) && !DETERMINERS.has(toks[k + 1] ?? '')) {
      sawHave = true;
      if (t === 'had') c.past = true;
      continue;
    }
    if (DO.has(t)) {
      if (t === 'did') c.past = true;
      continue;
    }
    if (ADVERBS.has(t) || (/ly$/.test(t) && t.length > 4 && !isVerbish(t))) continue;
    break;
  }
  const v = toks[k];
  if (!v) {
    // "we are", "it has been": the auxiliary is the verb.
    c.verb = sawBe ? 'be' : sawHave ? 'have' : '';
    return c;
  }
  const gerund = /ing$/.test(v);
  if (sawBe && gerund) c.progressive = true;
  else if (sawBe && isParticiple(v)) c.passive = true;
  if (sawHave && !c.passive && isParticiple(v)) c.perfect = true;
  if (sawHave && sawBe) c.perfect = true;
  if (!sawBe && !sawHave && !c.modality && (tagsOf(v).includes('PastTense') || /ed$/.test(v))) c.past = true;
  c.verb = lemma(v);
  if (sawBe && !c.progressive && !c.passive) {
    // Copula: "we are sorry", "your order is on its way".
    c.verb = 'be';
    c.object = toks.slice(k);
    return c;
  }
  k++;
  if (PARTICLES.has(toks[k] ?? '')) {
    c.particle = toks[k];
    k++;
  }
  c.object = toks.slice(k);
  return c;
}
