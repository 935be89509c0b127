import {
  BOT_WORDS,
  BREAKERS,
  CONTACT_VERBS,
  FILLERS,
  GLUE_WORDS,
  HUMAN_MODIFIERS,
  HUMAN_NOUNS,
  HUMAN_PHRASES,
  NEAR_MISSES,
  NEGATORS,
  REQUEST_WORDS,
  TYPO_NOUNS,
  TYPO_VERBS,
  WEAK_HUMAN_NOUNS,
} from './lexicon';
import { sentences, STOPWORDS, tokens, typoBudget, typoDistance } from '../../read/text';
import { tagsOf } from '../../read/nlp';
import { anyPart } from './parts';

/**
 * Signal 1: the customer explicitly asks for a human. Works on tokens, not on whole-message patterns: a human
 * noun must be linked to a verb of reaching or asking within its clause, so "you talk like a human" or "I want
 * to know why the agent charged me" are not requests. Multilingual, typo-tolerant on the words that matter,
 * negation-aware ("I don't need a human"), and not fooled by questions about the bot or the team's hours.
 */

interface TokenInfo {
  noun: 'strong' | 'weak' | null;
  contact: 'present' | 'past' | null;
  request: boolean;
  negator: boolean;
  bot: boolean;
  modal: boolean;
  typo: boolean;
}

const MODALS = new Set([
  'can',
  'could',
  'may',
  'would',
  'puedo',
  'podria',
  'puede',
  'peux',
  'pourrais',
  'pouvez',
  'puis',
  'kann',
  'konnte',
  'konnen',
  'posso',
  'poderia',
  'pode',
]);
const IRREGULAR_PAST = new Set([
  'spoke',
  'spoken',
  'rang',
  'rung',
  'talked',
  'called',
  'contacted',
  'chatted',
  'reached',
  'emailed',
  'messaged',
  'phoned',
  'transferred',
  'connected',
  'forwarded',
  'escalated',
  'referred',
  'passed',
]);
const PAST_SUBJECTS = new Set([
  'i',
  'we',
  'already',
  'have',
  'had',
  'has',
  'just',
  'previously',
  'they',
  'he',
  'she',
  'been',
  'was',
  'were',
  'you',
  'ive',
]);
const PASSIVE_REQUEST = new Set(['be', 'being', 'get', 'got']);
const NEGATION_SKIP = new Set([
  // "I don't have any need for a specialist".
  'have',
  'do',
  'does',
  'did',
  'really',
  'even',
  'actually',
  'a',
  'an',
  'any',
  'to',
  'the',
  'un',
  'una',
  'une',
  'de',
  'd',
  'einen',
  'einem',
  'einer',
  'mit',
  'com',
  'um',
  'uma',
  'me',
  'pas',
  'i',
  'je',
  'yo',
  'eu',
  'ich',
  'to',
  'ever',
  'de',
  'con',
  'avec',
  'falar',
  'hablar',
  'parler',
  'sprechen',
]);

const infoCache = new Map<string, TokenInfo>();
const PHRASES = new Set(HUMAN_PHRASES);
const PHRASE_WORDS = new Set(HUMAN_PHRASES.flatMap((p) => p.split(' ')).filter((w) => w.length > 2));

function baseForms(t: string): string[] {
  const out = [t];
  for (const suf of ['ing', 'ed', 'es', 's']) {
    if (t.length > suf.length + 2 && t.endsWith(suf)) {
      const b = t.slice(0, -suf.length);
      out.push(b, b + 'e');
      if (/([^aeiou])\1$/.test(b)) out.push(b.slice(0, -1));
    }
  }
  return out;
}

function typoOf(t: string, words: readonly string[]): string | null {
  if (t.length < 4 || NEAR_MISSES.has(t) || STOPWORDS.has(t)) return null;
  for (const w of words) {
    const budget = typoBudget(Math.max(w.length, t.length));
    if (!budget || Math.abs(w.length - t.length) > budget) continue;
    if (t[0] !== w[0] && !(t[0] === w[1] && t[1] === w[0])) continue;
    if (typoDistance(t, w, budget) <= budget) return w;
  }
  return null;
}

function classifyPlain(t: string): TokenInfo {
  const info: TokenInfo = {
    noun: null,
    contact: null,
    request: false,
    negator: NEGATORS.has(t),
    bot: BOT_WORDS.has(t),
    modal: MODALS.has(t),
    typo: false,
  };
  if (HUMAN_NOUNS.has(t)) info.noun = 'strong';
  else if (WEAK_HUMAN_NOUNS.has(t)) info.noun = 'weak';
  if (REQUEST_WORDS.has(t)) info.request = true;
  for (const b of baseForms(t)) {
    if (CONTACT_VERBS.has(b)) {
      info.contact = IRREGULAR_PAST.has(t) || (t.endsWith('ed') && b !== t) ? 'past' : 'present';
      break;
    }
    if (b !== t && (b === 'ask' || b === 'request' || b === 'demand')) info.request = true;
  }
  if (t === 'spoke' || t === 'spoken' || t === 'rang') info.contact = 'past';
  if (/^escalat|^eskalier|^escalad/.test(t)) info.contact = info.contact ?? 'present';
  return info;
}

/** What a token can be, typos and glued words included; cached because chats repeat their words. */
function classify(t: string): TokenInfo {
  const hit = infoCache.get(t);
  if (hit) return hit;
  let info = classifyPlain(t);
  const known = info.noun || info.contact || info.request || info.negator || info.bot || info.modal || STOPWORDS.has(t);
  if (!known && t.length >= 4) {
    const noun = typoOf(t, TYPO_NOUNS) ?? typoOf(t.replace(/s$/, ''), TYPO_NOUNS);
    if (noun) info = { ...classifyPlain(noun), typo: true };
    else {
      for (const b of baseForms(t)) {
        const verb = typoOf(b, TYPO_VERBS);
        if (verb) {
          info = { ...classifyPlain(verb), contact: t.endsWith('ed') ? 'past' : 'present', typo: true };
          break;
        }
      }
    }
    if (!info.typo) {
      // "Italk", "tohuman", "humanplease": one small word glued to a known one.
      for (const g of GLUE_WORDS) {
        const rest = t.startsWith(g) ? t.slice(g.length) : t.endsWith(g) ? t.slice(0, -g.length) : '';
        if (rest.length >= 4) {
          const r = classifyPlain(rest);
          if (r.noun === 'strong' || r.contact) {
            info = { ...r, typo: true };
            break;
          }
        }
      }
    }
  }
  if (infoCache.size > 20_000) infoCache.clear();
  infoCache.set(t, info);
  return info;
}

// Nouns that name someone else's human: "delivery agent", "my agent", "in person".
const OTHER_PEOPLE = new Set([
  'delivery',
  'courier',
  'travel',
  'insurance',
  'sales',
  'estate',
  'shipping',
  'booking',
  'customs',
  'border',
  'security',
  'postal',
  'secret',
  'my',
  'per',
  'in',
  'that',
  'this',
  'every',
  'each',
  'mi',
  'mon',
  'ma',
  'mein',
  'meinen',
  'meu',
  'minha',
  'missing',
  'wrong',
  'another',
]);

const BOTLIKE =
  '(bot|robot|human|person|ai|machine|computer|automated|real person|real human|chatbot|program|humano|persona|humain|personne|mensch|pessoa|maquina|robo|ki|ia)';
// "Are you a bot?", "am I talking to a real person?": questions about who is answering, not requests.
const IDENTITY_Q = new RegExp(
  `^(are|r) (you|u)( really| actually| even| just)?( a| an| the)?( real| actual| live)? ${BOTLIKE}\\b|^(is|am) (this|that|it|i) (really |actually )?((talking|speaking|chatting) (to|with) )?(a |an )?(real |actual |live )?${BOTLIKE}\\b|^(am i|are we) (really )?(talking|speaking|chatting) (to|with) (a |an )?(real |actual |live )?(${BOTLIKE.slice(1, -1)}|someone)\\b|^(you are|you re|u r|ur) (a |an |just a )?(bot|robot|machine|ai|chatbot)\\b|^(eres|es usted|sos) (un |una )?(bot|robot|humano|persona|maquina)|^(estoy hablando|hablo) con (un |una )?(bot|robot|humano|persona|maquina)|^(tu es|vous etes|etes vous|es tu) (un |une )?(bot|robot|humain|personne|machine)|^(est ce que )?je parle (a|avec) (un |une )?(bot|robot|humain|personne)|^(bist du|sind sie) (ein |eine )?(bot|roboter|mensch|maschine|ki)|^(spreche ich|rede ich) mit (einem |einer )?(bot|roboter|menschen|maschine|ki)|^(voce e|vc e|tu es) (um |uma )?(bot|robo|humano|pessoa|maquina)|^(estou falando|falo) com (um |uma )?(bot|robo|humano|pessoa|maquina)`,
);
const HOURS_WORD = anyPart(
  /\b(hours?|open|opening|opens|close|closing|closes|schedule|24 ?7|holidays?)\b/,
  /\b(weekends?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b/,
  // es / fr / de / pt
  /\b(horarios?|heures?|horaires?|ouverts?|offnungszeiten|erreichbar|geoffnet|aberto|disponivel|disponibles?|atendimento funciona)\b/,
);
const QUESTION_START =
  /^(when|what|which|are|is|do|does|until|till|how late|cuando|a que hora|quand|a quelle heure|wann|um wie viel|quando|que horas|qual|hasta|bis)\b/;
const NOW_WORDS = /\b(now|right away|asap|immediately|ahora|maintenant|jetzt|sofort|agora|ja)\b/;
/**
 * "Call me a cab", "call us a taxi": "call" with two objects fetches a thing for the customer; it asks nobody to
 * phone them. "Call me an agent" still names a person, and that noun is read as such by the noun rules.
 */
function callsThing(text: string): boolean {
  const m = /\b(call|phone|ring) (me|us) (a|an|at) ([a-z]+)/.exec(text);
  // "Call me a cab" ("call me at cab" as typed); "call me at noon" still asks for a call.
  if (m?.[3] === 'at') return /^(cab|taxi|uber|lyft|ride|car)$/.test(m[4]);
  return !!m && !classify(m[4]).noun && !/^(call|ring|phone|callback)$/.test(m[4]);
}

// Who calls before a delivery or pickup.
const CALLERS = 'person|guy|guys|boy|driver|courier|partner|associate|executive|technician';
const VISIT = 'coming|cuming|they|he|she|the|delivery|delivering|dispatch|shipping|sending|arriving|showing up|visiting|it|u come|you come';
const CALL_BEFORE_VISIT = new RegExp(`\\b(call|calls|phone|ring)( me)? (before|b4|bfore|befor) (${VISIT})\\b`);
/**
 * A call that is not a request for support's people: "tell them to call me before coming", "they're supposed to call
 * me", "the delivery person did not call me", "call me when it ships", "I'm gonna call back and complain".
 */
const OTHERS_CALL = anyPart(
  // People already on the case (named by the bot before, or the courier) are to call, or did not.
  new RegExp(`\\b(they|them|he|she|him|her|they re|theyre|${CALLERS})( \\w+){0,3} (call|calls|phone|ring) me\\b`),
  /\b(not|nt|never|didnt|didn t|cudnt|couldnt|couldn t|always|usually|even) (even )?(call|called|phone|ring) me\b/,
  // A call tied to the delivery's own events: a heads-up, not a person to take the case.
  CALL_BEFORE_VISIT,
  /\b(call|phone|ring) me (when|if|once|as soon as) (it|they|he|she|the (order|package|parcel|delivery|item))\b/,
  // The customer will call again themselves, or hopes not to: "…and let's hope I don't have to call back".
  /\b(i|im|i m|ill|i ll|i will|gonna|going to|imma|ima) (call|phone|ring) (back|again)\b/,

  /\b(i|we) (dont|don t|don't|do not|wont|won t|won't|will not) (have to |need to )?(call|phone|ring) (back|again)\b/,
  // "…nobody even tried to call me": what did not happen.
  /\b(nobody|no one|noone|no body) (\w+ ){0,3}(call|called|phone|phoned|ring|rang) me\b/,
);

/**
 * "You can call me Jonesy": "call me" with a name after it names the customer. A call-back request is followed
 * by nothing, or by when, where or how ("call me back", "call me at 555…", "call me tomorrow", "call me asap").
 */
function namesSelf(text: string): boolean {
  const m = /\bcall me ([a-z][a-z'-]*)/.exec(text);
  if (!m) return false;
  const next = m[1];
  if (
    /^(back|please|pls|asap|now|later|soon|if|and|or|right|immediately|urgently|when|whenever|once|today|tonight|tomorrow|instead|again)$/.test(
      next,
    )
  )
    return false;
  const tags = tagsOf(next);
  return !tags.some((t) =>
    [
      'Adverb',
      'Preposition',
      'Date',
      'Duration',
      'WeekDay',
      'Month',
      'Conjunction',
      'QuestionWord',
      'Value',
      'Cardinal',
      'Determiner',
      'Possessive',
    ].includes(t),
  );
}

const CALL_ME =
  /\b(call|phone|ring) (me|us)\b|\bcall ?back\b|\bgive me a (call|ring)\b|\b(llamame|llamenme|llameme|rappelez[- ]moi|rappelle[- ]moi|ruf(en sie)? mich|ruckruf|me (liga|ligue|ligar|ligam))\b/;
const EXISTENTIAL = /\b(is there|are there|hay|y a[- ]t[- ]il|il y a|gibt es|tem|existe|any)\b/;
// What may follow "I need someone" for it to still be a request for a person.
const WEAK_TAIL = new Set([
  'please',
  'now',
  'to',
  'help',
  'me',
  'us',
  'assist',
  'talk',
  'speak',
  'with',
  'asap',
  'here',
  'real',
  'else',
  'who',
  'can',
  'could',
  'urgently',
  'immediately',
  'right',
  'away',
]);
const BARE_EXTRAS = new Set([
  'please',
  'now',
  'asap',
  'a',
  'an',
  'the',
  'i',
  'want',
  'need',
  'ok',
  'okay',
  'hey',
  'hi',
  'hello',
  'just',
  'real',
  'live',
  'actual',
  'right',
  'away',
  'immediately',
  'any',
  'here',
  'there',
  'available',
  'online',
  'again',
  'get',
  'give',
  'me',
  'some',
  'one',
  'un',
  'una',
  'une',
  'bitte',
  'por',
  'favor',
  's',
  'il',
  'vous',
  'plait',
  'agora',
  'ya',
  'ahora',
  'maintenant',
  'sofort',
  'jetzt',
  'talk',
  'speak',
  'to',
  'with',
  'fucking',
  'damn',
  'only',
  'human',
  'service',
  'customer',
  'support',
  'team',
  'member',
  'being',
  'person',
  'yes',
  'si',
  'oui',
  'ja',
  'sim',
  'ein',
  'einen',
  'echten',
  'um',
  'uma',
  'o',
  'el',
  'la',
  'le',
  'de',
  'al',
  'com',
  'con',
  'avec',
  'mit',
  'einem',
  'alive',
]);

export interface HumanRequest {
  quote: string;
  confidence: number;
}

/** Clauses end at punctuation and at conjunctions, so one clause's negation never reaches the next. */
function clauses(sentence: string): string[][] {
  const out: string[][] = [];
  for (const part of sentence.split(/[,;:()"]+|\s[-–—]\s/)) {
    let cur: string[] = [];
    for (const t of tokens(part)) {
      if (
        ['and', 'but', 'pero', 'mais', 'aber', 'mas', 'et', 'und', 'y', 'e', 'so', 'then', 'instead', 'just', 'also'].includes(t) &&
        cur.length
      ) {
        out.push(cur);
        cur = [];
      } else cur.push(t);
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

function isNounAt(toks: string[], k: number): 'strong' | 'weak' | null {
  const info = classify(toks[k]);
  let kind = info.noun;
  const prev = toks[k - 1];
  const two = prev ? `${prev} ${toks[k]}` : '';
  if (!kind && (PHRASES.has(two) || (k + 1 < toks.length && PHRASES.has(`${toks[k]} ${toks[k + 1]}`)))) kind = 'strong';
  if (!kind) return null;
  if (prev && OTHER_PEOPLE.has(prev)) return null;
  // "ok boss", "this is expensive stuff, boss!": without a determiner, "boss" addresses whoever answers.
  if (toks[k] === 'boss' && !(prev && (DETERMINERS.has(prev) || prev === 'ur' || prev === 'yr'))) return null;
  if (kind === 'weak' && ((prev && HUMAN_MODIFIERS.has(prev)) || (toks[k + 1] && HUMAN_MODIFIERS.has(toks[k + 1])))) kind = 'strong';
  return kind;
}

/** Does a negator govern the link to the noun at k ("don't need a human", "je ne veux pas", "keinen Menschen")? */
function negated(toks: string[], k: number): boolean {
  for (let n = Math.max(0, k - 7); n < k; n++) {
    const t = toks[n];
    if (!classify(t).negator) continue;
    if (t === 'not' && (toks[n - 1] === 'can' || toks[n - 1] === 'could')) continue;
    if (t === 'no' && n === 0 && toks.length > 2 && !classify(toks[1]).request && !classify(toks[1]).noun) {
      // "no, I want a human": a leading "no" answers the bot.
      if (toks[1] === 'i' || toks[1] === 'please' || toks[1] === 'just') continue;
    }
    let governs = false;
    let botBetween = false;
    for (let j = n + 1; j <= k; j++) {
      const info = classify(toks[j]);
      if (info.bot) botBetween = true;
      if (NEGATION_SKIP.has(toks[j]) && j < k) continue;
      governs = j === k || !!info.contact || info.request || !!info.noun || info.modal;
      break;
    }
    if (governs && !botBetween) return true;
  }
  return false;
}

// Past forms that cannot be an imperative, so at the start of a sentence they tell what the customer did.
const NARRATED = new Set(['called', 'contacted', 'rang', 'phoned', 'emailed', 'messaged', 'talked', 'spoke', 'chatted', 'reached']);
// What the customer tried or did before: "tried to contact", "attempts to reach", "had to call".
const TRIED = new Set(['tried', 'attempts', 'attempt', 'attempted', 'despite', 'had']);
// Going up the line: "I'm speaking to your manager" is a demand, whatever the tense.
const UP_THE_LINE = /^(manager|managers|supervisor|supervisors|senior|superior|boss|management|human|humans|agent|person)$/;
function ownContact(toks: string[], j: number, tense: 'past' | 'present', noun: string): boolean {
  if (UP_THE_LINE.test(noun)) return false;
  const prev = toks[j - 1];
  if (tense === 'past' && (j === 0 || prev === 'even' || prev === 'also') && NARRATED.has(toks[j])) return true;
  const before = prev === 'to' ? toks[j - 2] : prev;
  if (before && TRIED.has(before)) return true;
  // "I am contacting customer support about…", "that's why I'm calling you people".
  return /ing$/.test(toks[j]) && (prev === 'am' || prev === 'im' || prev === 'was' || prev === 'tried' || prev === 'hate');
}

const SHORT_VERBS = ['talk', 'chat', 'call', 'speak', 'reach'];
function shortVerbTypo(t: string): boolean {
  if (t.length < 3 || t.length > 6 || STOPWORDS.has(t) || NEAR_MISSES.has(t)) return false;
  return SHORT_VERBS.some((v) => v !== t && (t[0] === v[0] || (t[0] === v[1] && t[1] === v[0])) && typoDistance(t, v, 1) <= 1);
}

/** Is the noun at k linked to a verb of reaching or asking on its left (or a modal frame around it)? */
const DETERMINERS = new Set(['the', 'a', 'an', 'my', 'our', 'your', 'their', 'his', 'her', 'this', 'that']);

// "Just one person", "a cab for 1 person": how many are booked for, not a person asked for ("talk to one person" asks).
function headCount(toks: string[], k: number): boolean {
  return (
    /^(person|persons|people|adults?)$/.test(toks[k]) &&
    /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|single)$/.test(toks[k - 1] ?? '') &&
    !/^(to|with)$/.test(toks[k - 2] ?? '')
  );
}

// "Find me someone else", "can you find anyone else?": another result of a search (a doctor, a stylist), not a person
// to talk to.
function anotherResult(toks: string[], k: number): boolean {
  return (
    toks[k + 1] === 'else' &&
    toks.slice(Math.max(0, k - 3), k).some((t) => /^(find|finding|search|look|show|suggest|recommend|try|get)$/.test(t))
  );
}

function linked(toks: string[], k: number, kind: 'strong' | 'weak', questionLike: boolean): { confidence: number } | null {
  if (headCount(toks, k) || anotherResult(toks, k)) return null;
  // "…keep it or give it to someone": the one something is handed to, not someone to talk to.
  if (kind === 'weak' && toks[k - 1] === 'to' && /^(give|gift|sell|lend|send|it|them)$/.test(toks[k - 2] ?? '')) return null;
  for (let j = k - 1; j >= Math.max(0, k - 7); j--) {
    const t = toks[j];
    if (BREAKERS.has(t) && !(t === 'like' && toks[j - 1] === 'would')) break;
    // "a call from your agent" names the caller; "help from a human" still asks for one.
    if (t === 'from' && !['help', 'assistance', 'support', 'advice', 'answer', 'response', 'reply'].includes(toks[j - 1] ?? '')) break;
    const info = classify(t);
    // "tlak to a person", "tolk with somebody": a short verb one slip away, confirmed by "to/with <a human>".
    if (
      !info.contact &&
      (toks[j + 1] === 'to' || toks[j + 1] === 'with') &&
      shortVerbTypo(t) &&
      toks.slice(j + 2, k).every((g) => FILLERS.has(g))
    )
      return { confidence: 0.8 };
    if (info.contact) {
      if (info.contact === 'past' && j > 0 && PAST_SUBJECTS.has(toks[j - 1]) && !PASSIVE_REQUEST.has(toks[j - 1])) return null;
      // "Even called the customer care", "despite repeated attempts to contact customer service", "I am contacting
      // customer support regarding…": the customer telling what they did (or are doing now, in this chat).
      if (ownContact(toks, j, info.contact, toks[k])) return null;
      // "The contact person name is Mahmoud", "my contact person's email": after a determiner and right before the
      // noun, the verb is a noun's modifier, and a phrase that goes on to "is"/"name" states a detail, asks nothing.
      if (
        j === k - 1 &&
        DETERMINERS.has(toks[j - 1] ?? '') &&
        /^(is|was|name|names|s|email|number|phone|details?)$/.test(toks[k + 1] ?? '')
      )
        return null;
      if (toks[j + 1] === 'like' || toks[j + 1] === 'as') return null;
      return { confidence: info.typo ? 0.85 : 0.95 };
    }
    if (kind === 'weak' && (info.request || info.modal) && toks.slice(k + 1).every((w) => WEAK_TAIL.has(w))) {
      const gap = toks.slice(j + 1, k);
      if (gap.length <= 3 && gap.every((g) => FILLERS.has(g) || g === 'i')) return { confidence: 0.8 };
    }
    if (kind === 'strong') {
      const isLike = t === 'like' ? toks[j - 1] === 'would' || toks[j - 1] === 'should' : true;
      if ((info.request && isLike) || info.modal) {
        const gap = toks.slice(j + 1, k);
        if (gap.length <= 5 && gap.every((g) => FILLERS.has(g) || g === 'i' || g === 'we' || g === 'from' || classify(g).noun))
          return { confidence: 0.9 };
      }
    }
  }
  // Verb after the noun: "is there a human I can talk to", "can someone call me", "ich möchte mit einem Menschen sprechen".
  for (let j = k + 1; j < Math.min(toks.length, k + 5); j++) {
    const info = classify(toks[j]);
    if (BREAKERS.has(toks[j])) break;
    if (info.contact && info.contact === 'present') {
      const left = toks.slice(Math.max(0, k - 6), k);
      const frame = questionLike || left.some((w) => classify(w).request || classify(w).modal) || EXISTENTIAL.test(left.join(' '));
      if (frame) return { confidence: 0.85 };
    }
  }
  if (kind === 'strong' && EXISTENTIAL.test(toks.slice(Math.max(0, k - 4), k).join(' '))) return { confidence: 0.85 };
  // "Is a real person available (to help me)?"
  if (kind === 'strong' && questionLike && /^(available|around|there|free|online)$/.test(toks[k + 1] ?? '')) return { confidence: 0.85 };
  // "can I tlak with a real person?": the verb is garbled, but a question asking for time "with a human" is clear.
  if (kind === 'strong' && questionLike && toks.slice(0, k).some((w) => MODALS.has(w))) {
    let j = k - 1;
    while (j >= 0 && (HUMAN_MODIFIERS.has(toks[j]) || ['a', 'an', 'the', 'one', 'of', 'your'].includes(toks[j]))) j--;
    if (j >= 0 && (toks[j] === 'with' || toks[j] === 'to')) return { confidence: 0.75 };
  }
  return null;
}

function clauseRequest(toks: string[], questionLike: boolean): number | null {
  // "human", "agent please", "real person now": the whole clause is the request.
  const content = toks.filter((t) => !BARE_EXTRAS.has(t));
  if (
    toks.length <= 6 &&
    toks.some((_, k) => isNounAt(toks, k) === 'strong') &&
    content.every((t) => classify(t).noun === 'strong' || t === 'rep' || t === 'agent')
  ) {
    const k = toks.findIndex((_, i) => isNounAt(toks, i) === 'strong');
    if (!negated(toks, k) && !toks.includes('not') && !toks.includes('no') && !headCount(toks, k)) return 0.9;
  }
  let best: number | null = null;
  for (let k = 0; k < toks.length; k++) {
    const kind = isNounAt(toks, k);
    if (!kind) continue;
    const link = linked(toks, k, kind, questionLike);
    if (link && !negated(toks, k)) best = Math.max(best ?? 0, link.confidence - (classify(toks[k]).typo ? 0.05 : 0));
  }
  if (best !== null) return best;
  const text = toks.join(' ');
  // "This bot is useless, transfer me": the verb of reaching with the customer as its only object.
  const tm = anyPart(
    /\b(transfer|connect|escalate|forward|patch|pass|put) me( through| over| thru| on| please| now| asap| already)*$/,
    /\b(transfiereme|transfierame|pasame|paseme|conectame|transfere[- ]me|passez[- ]moi|verbinden sie mich|me transfere|me passa)\b/,
  ).exec(text);
  // "…all this trouble you guys put me thru": what was done to the customer, not a transfer asked for.
  const ordeal = /\b(trouble|hell|pain|stress|ordeal|nightmare|mess|hassle)\b/.test(text);
  if (tm && !ordeal && !toks.slice(0, toks.length - 2).some((t) => classify(t).negator)) return 0.85;
  // "Tell them to call me before coming": people already on the case (named by the bot before) are to call, not a new ask.
  if (
    CALL_ME.test(text) &&
    !OTHERS_CALL.test(text) &&
    !namesSelf(text) &&
    !callsThing(text) &&
    !toks.slice(0, 4).some((t) => classify(t).negator)
  )
    return 0.85;
  const esc = toks.findIndex((t) => /^escalat|^eskalier|^escalar/.test(t));
  if (esc >= 0 && !negated(toks, esc) && !toks.slice(Math.max(0, esc - 3), esc).some((t) => classify(t).negator)) {
    const prev = toks[esc - 1];
    if (!(prev && ['was', 'been', 'is', 'be', 'already', 'were'].includes(prev) && !questionLike)) return 0.9;
  }
  return null;
}

/**
 * Cheap first look: without a word that can name a person (typos included), a call-back or an escalation,
 * a message cannot be a request, and the clause analysis is skipped. Most chat messages stop here.
 */
function mayAsk(text: string): boolean {
  if (/escal|eskal|call|phone|ring|llam|rappel|ruf|liga|transf|connect|conect|put me|patch|pass|pasa|verbind/.test(text)) return true;
  for (const t of text.match(/[a-z]+/g) ?? []) {
    if (PHRASE_WORDS.has(t)) return true;
    const info = classify(t);
    if (info.noun) return true;
  }
  return false;
}

// The customer's own next move: "I'm gonna escalate", "I will call back and speak to a manager", "I am calling your
// manager".
const I_WILL = "(i m|im|i'm|i am|i will|i ll|i'll|ill|i shall|we will|we ll|we'll|imma|ima)";
const NEXT_MOVE = '(escalat\\w*|call\\w* back|call\\w* (your|ur|the) (manager|supervisor|boss)|speak\\w*|talk\\w*|complain\\w*)';
const CUSTOMER_WILL = new RegExp(`\\b${I_WILL} (gonna |going to |have to |hv to |be )?${NEXT_MOVE}\\b`);
const THREAT_OR = new RegExp(`\\b(or|or else|otherwise|else|if not)\\b[^.!?]{0,10}\\b${I_WILL}\\b`);
// "I'll escalate this to consumer court", "take it to the police": the complaint taken elsewhere.
const ELSEWHERE =
  /\b(escalat\w*|take|taking) (this |it |dis |the (matter|issue|case) )?(to|with|in) (the )?(consumer (court|forum)|court|police|twitter|social media|media|ombudsman|lawyers?|legal|rbi)\b/;

/** Questions about the bot ("are you a bot?") and about the team's hours are not requests for a human. */
function notARequest(sentence: string): boolean {
  const s = sentence.replace(/^[^a-z0-9]+/, '');
  // "Is someone stealing phones?!": asking what a person did, not asking for one.
  const doing = /\b(is|are|was|were) (someone|somebody) (\w+ing)\b/.exec(s);
  if (doing && !/^(help|assist|call|contact|look|answer|work|respond|monitor|check)/.test(doing[3])) return true;
  // "The website says contact customer support": quoting a message the customer saw; they are talking to support now.
  if (
    /\b(it|the (site|website|app|page|screen|message|error)) (says|said|shows|showed|told me|tells me)\b/.test(s) &&
    !/\b(i want|i need|please|connect me|transfer me|let me talk|let me speak)\b/.test(s)
  )
    return true;
  if (IDENTITY_Q.test(s) && !/\b(want|need|please|let me|give me|get me|prefer|demand|require|transfer me|connect me)\b/.test(s))
    return true;
  const hours = HOURS_WORD.test(s) || (/\b(available|availability)\b/.test(s) && /^(when|what time|which days?)\b/.test(s));
  if (hours && (s.includes('?') || QUESTION_START.test(s)) && !NOW_WORDS.test(s) && !/\b(transfer|connect|put) me\b/.test(s)) return true;
  // "Are there humans working there or is it all AI?": asking what answers, not asking for someone.
  if (
    anyPart(
      /\b(humans?|person|people|real|someone)\b.{0,40}\bor\b.{0,25}\b(bot|ai|robot|machine|automated|computer)\b/,
      /\b(bot|ai|robot|machine|automated|computer)\b.{0,25}\bor\b.{0,40}\b(humans?|person|people|real)\b/,
    ).test(s) &&
    !/\b(want|need|please|let me|give me|get me|transfer|connect)\b/.test(s)
  )
    return true;
  if (/\bhow many (agents|people|employees|staff)\b/.test(s)) return true;
  // "make sure someone calls before coming": whoever delivers is to ring first.
  if (CALL_BEFORE_VISIT.test(s)) return true;
  // "Can't you do it faster? Try to call someone": the bot is to phone a third party (the seller), not hand over.
  if (/^(try (to|and)|why (don t|dont|cant|can t) (you|u)) (call|phone|ring) (someone|somebody)[.!?]*$/.test(s)) return true;
  // "How can someone just say delivered?": a complaint about what a person did.
  const blames = /\b(how|why) (can|could|would|did|does|do) (someone|somebody|anyone|anybody|they) (just )?([a-z]+)/.exec(s);
  if (blames && !/^(help|assist|call|contact|talk|speak|chat|reach|get|look|answer|respond)/.test(blames[5])) return true;
  // "If I don't hear back, I'm gonna escalate this", "…or else I'm escalating this to consumer court": a threat of what
  // the customer will do later, not a request now ("if you can't help, I want a manager" still asks).
  if (CUSTOMER_WILL.test(s) && /^((but|and|so|ok|okay|fine) )*(if|unless|otherwise|or else)\b/.test(s)) return true;
  // "…or else I'm going to escalate this", unless the ask comes first ("escalate it or I will complain").
  const or = THREAT_OR.exec(s);
  if (
    or &&
    CUSTOMER_WILL.test(s.slice(or.index)) &&
    !/\b(escalat\w*|manager|supervisor|human|agent|person|someone|call me)\b/.test(s.slice(0, or.index))
  )
    return true;
  if (ELSEWHERE.test(s)) return true;
  // "What does 'escalate' even mean?", "escalated?": the bot's word asked about, not an escalation asked for.
  if (
    /\bwhat (does|do|is|s)\b[^?]{0,20}\bescalat\w*[^?]{0,20}\bmean\b|^'?(manually |really )?escalat(ed|ing)'?( again)?[?!]*\?[?!]*$/.test(s)
  )
    return true;
  // "The last agent promised me a callback": what a person said before, told as part of the story.
  if (
    /\b(agent|rep|representative|executive|associate|guy|lady|man|woman|someone|somebody|he|she|they) (had )?(promised|assured|told|said)\b/.test(
      s,
    ) &&
    !/\b(want|need|please|pls|let me|give me|get me|connect|transfer|now)\b/.test(s)
  )
    return true;
  // "Tell the delivery agent to call me", "is there a person at the warehouse who checks this?": people of the
  // delivery or of a place, not support's people to take the case.
  if (
    /\b(delivery|courier|pickup|shipping) (agent|person|guy|boy|man|rider|executive|associate|partner|driver)s?\b/.test(s) &&
    !/\b(support|customer (care|service)|human|manager|supervisor)\b/.test(s)
  )
    return true;
  if (
    /\b(is|are) there (a|an|any|some)( \w+)? (person|people|one|someone|staff|employees?) (at|in|from) (the|your|ur) (warehouse|hub|factory|center|centre|depot)\b/.test(
      s,
    )
  )
    return true;
  // "give me the contact details of the original person": a detail about someone, not someone to talk to.
  if (
    /\b(details|number|name|email|address|info|information|id) of (the|a|an|that|this|your|ur)( [a-z]+)? (person|agent|associate|executive|guy|boy|man|seller)\b/.test(
      s,
    )
  )
    return true;
  return false;
}

/** The customer's explicit request for a human in this (already sanitised, normalized) text, if any. */
export function findHumanRequest(text: string): HumanRequest | null {
  if (!text || !mayAsk(text)) return null;
  for (const s of sentences(text)) {
    if (notARequest(s)) continue;
    const questionLike = s.includes('?') || /^(can|could|may|is|are|will|would|how|where|do)\b/.test(s);
    let best: number | null = null;
    for (const c of clauses(s)) {
      const r = clauseRequest(c, questionLike);
      if (r !== null) best = Math.max(best ?? 0, r);
    }
    if (best !== null) return { quote: s, confidence: Math.round(best * 100) / 100 };
  }
  return null;
}

/**
 * Talk about the support itself (the bot, the human team, its hours) rather than a topic: such sentences are
 * never judged against the bot's scope.
 */
export function aboutSupport(sentence: string): boolean {
  if (RETRACTION.test(sentence)) return true;
  const toks = tokens(sentence);
  for (let k = 0; k < toks.length; k++) {
    if (classify(toks[k]).bot || isNounAt(toks, k) === 'strong') return true;
  }
  // "What are your opening hours?": the business's own hours, not a topic. The "you" of a polite frame ("can you
  // tell me how many people have the coronavirus") is only who is asked: the question after it may be about anything.
  const asked = sentence.replace(ASKING_FRAME, '');
  return notARequest(sentence) && /\b(your|you|support|service|team|store|shop|office)\b/.test(asked);
}

// "Can you tell me", "could you let me know", "do you know", "I wonder if you could tell me": who is asked, not what about.
const ASKING_FRAME =
  /^((please|so|and|ok|okay|hey|hi) )*((can|could|would|will) (you|u) (please )?(tell|show|let) me( know)?|do (you|u) (happen to )?know|i wonder if (you|u) (could|can) tell me)\b/;

// "Never mind", "it's fine now", "I figured it out": a later message taking the request back.
const RETRACTION = anyPart(
  // "never mind", "no need anymore", "forget it".
  /\b(never ?mind|no need( anymore| now)?|not needed( anymore)?|forget (it|about it))\b/,
  // "it's fine now", "problem solved", "I figured it out".
  /\b(it'?s (ok|okay|fine|all good) now|all good now|(problem|issue|it)( is|'s)? (solved|resolved|fixed|sorted)( now)?)\b/,
  /\b(that (solved|fixed|answered|sorted) it|i (figured|worked|sorted) it out)\b/,
  // "I don't need a human anymore".
  /\b((don'?t|do not|no longer) need (a |an |the )?(human|agent|person|anyone|someone)( anymore| now)?)\b/,
  // es / fr / de / pt
  /\b(ya no (hace falta|necesito)|olvidalo|laisse tomber|c'est bon|schon gut|hat sich erledigt|deixa (pra|para) la|ja resolvi|ya lo resolvi)\b/,
);

export function retracts(text: string): boolean {
  return RETRACTION.test(text);
}
