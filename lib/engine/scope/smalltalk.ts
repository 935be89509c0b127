import { distance } from 'fastest-levenshtein';
import { tagsOf } from '../read/nlp';
import { modelWords } from './features';
import { isSwap } from './words';

/**
 * Small talk: greetings, thanks, farewells, acknowledgements and pleasantries ("ciao", "thnaks", "catch you
 * later", "ok thank you", "you too!"). A closed class of phrases, so a word list with typo tolerance is more
 * reliable here than a model; it is never out of scope on its own.
 */

// Words that make a message small talk (at least one must be present).
const CORE = new Set(
  (
    'hi hai hello hey hiya howdy yo hola ciao bonjour salut hallo ola greetings morning afternoon evening night goodnight nite gd ' +
    'thanks thank thanx thnx thankyou cheers appreciate appreciated grateful gracias merci danke obrigado obrigada grazie ' +
    'bye goodbye byebye bye-bye later cya adios tschuss farewell care ' +
    'ok okay k kk alright sure yes yeah yep yup ya no nope nah fine great perfect awesome cool nice wonderful excellent lovely ' +
    'brilliant fantastic amazing super good understood noted welcome sorry pardon lol haha hehe wow ' +
    'ugh oops whoops omg wtf geez gosh damn dang darn meh yikes gotcha yess yesss yas noo nooo gud ' +
    // Text-speak: laughs, leaving, "never mind", "i don't know", "to be honest".
    'idk dunno nvm np lmao rofl brb gtg g2g ttyl afk jk gm gn tysm gr8 ikr smh tbh bruh welp huh hm hmm aww yay woohoo xd hbu wbu'
  ).split(' '),
);
// Words that may stand beside them ("have a nice day", "that is all for now", "how are you doing").
const GLUE = new Set(
  (
    "a an the and or so well oh um uh hmm ah i me my you your yours u we it it's its that that's this is was be will " +
    'all for now much very so really lot lots again too also just to of in on at with see soon catch take have had ' +
    'nice day weekend one there here sir madam dear guys everyone all folks friend buddy mate team please pls ' +
    "how are doing what's whats up sup going everything anything nothing else more need needed got it done help helped helpful " +
    'same back talk speak bot assistant great job work typo bad what wait sounds true exactly indeed partner pal dude bro'
  ).split(' '),
);
// Phrases that are small talk as a whole even though a word of them is a topic elsewhere.
const PHRASES = [
  // Leaving.
  /\b(see (you|ya)|catch you|talk (to you )?(soon|later)|take care|have a (nice|good|great|lovely) (day|one|evening|weekend))\b/,
  // Answering a pleasantry, or ending.
  /\b(you too|same to you|that('s| is| will be) (all|it)|nothing else|no (thanks|thank you)|never mind|all good)\b/,
  /\b(my pleasure|no problem|no worries|any ?time|you('re| are) welcome)\b/,
  /\bsorry (for|about) (the|my) (delay|wait|late reply|trouble|confusion|inconvenience)\b/,
  // Meeting, and saying good night.
  /\b((nice|pleased|good|great) to meet you|(a )?pleasure (to meet you|meeting you)|sweet dreams|cool story( bro)?)\b/,
  // Praise.
  /\byou('re| are)? (rock|the best|a star|a hero|awesome|amazing|great)\b/,
];

function near(word: string, vocab: Set<string>): boolean {
  if (vocab.has(word)) return true;
  // A word of the lexicon is itself, not a slip ("card" is not "care", "lost" not "lot").
  if (word.length < 4 || tagsOf(word).length) return false;
  const budget = word.length >= 7 ? 2 : 1;
  for (const v of vocab) {
    if (v.length < 4 || Math.abs(v.length - word.length) > budget || v[0] !== word[0]) continue;
    if (distance(word, v) <= budget || isSwap(word, v)) return true;
  }
  return false;
}

/**
 * Chat with the bot rather than a request to it: questions about the bot itself ("are you real", "who made
 * you", "do you like music"), remarks on it ("you're funny"), the customer's own mood or leaving ("i'm bored",
 * "ok i gtg"). Nothing in them asks the team for anything, so they are never out of scope (a request to
 * entertain, "tell me a joke", is a request the bot may not cover, and is judged like any other); a request inside the same message ("are you a bot? I need my refund") is
 * judged by the caller on its own sentence.
 */
const ABOUT_YOU = '(you|u|ya)';
const BOT_NATURE =
  '(real|human|a human|a person|a real person|a bot|a robot|an? ai|a machine|alive|sentient|conscious|male|female|a (boy|girl|man|woman))';
const FEELINGS =
  '(bored|tired|sleepy|sad|lonely|happy|hungry|excited|fine|good|great|ok|okay|angry|mad|upset|annoyed|depressed|stressed|sick|awesome|exhausted|busy|nervous|anxious|worried|scared|confused|down|blue|meh)';
const PET_OR_KIN = '(dog|cat|pet|fish|hamster|mom|mum|dad|mother|father|grandma|grandpa|friend|wife|husband|boyfriend|girlfriend)';
const PARTNER = '(friends?|best friends?|girlfriend|boyfriend|partner|wife|husband)';
const CHAT_PARTS = {
  /** "are you real", "r u busy", "are you smarter than me", "you're funny", "you suck", "you make me laugh". */
  nature: new RegExp(
    `^(are|r) ${ABOUT_YOU} (${BOT_NATURE}( or (a |an )?\\w+)?|(so |very |really |a |an )?\\w+|\\w+er than (me|i|a human|humans))$|^(you're|youre|you are|ur|u r|u are) (so |very |really |pretty |such an? |the )?\\w+( \\w+)?$|^${ABOUT_YOU} (really |totally |kinda )?(suck|rock|rule|stink|make me (laugh|smile|happy|sad|mad|angry))$`,
  ),
  /** "who made you", "how old are you", "how are you feeling today", "what's your name", "where do you live". */
  origin: new RegExp(
    `^(who|what) (made|created|built|programmed|designed|owns) ${ABOUT_YOU}\\b|^(who|what) (are|r) ${ABOUT_YOU}$|^how \\w+ (are|r) ${ABOUT_YOU}$|^how old (are|r) ${ABOUT_YOU}\\b|^how (are|r) ${ABOUT_YOU}( \\w+){0,3}$|^how('s|s| is| was) (your|ur) (day|night|morning|evening|weekend|week|holiday|vacation|life)( going)?$|^(how's|hows|how is) it going$|^what (are|r) ${ABOUT_YOU} (doing|up to|thinking( about)?|saying)$|^where (are|r) ${ABOUT_YOU} (from|located|based|now)$|^(are|r) ${ABOUT_YOU} in \\w+$|^(what's|whats|what is) (your|ur) (name|age|gender|(favou?rite|fave?) \\w+|hobby|purpose|birthday)\\b|^where (do|did) ${ABOUT_YOU} (live|come from|grow up)\\b|^tell me about (yourself|you)$`,
  ),
  /** "do you like music", "do you have a boyfriend", "can we be friends", "i love you". */
  likes: new RegExp(
    `^(do|don't|can|could|would|will) ${ABOUT_YOU} (ever )?(like|love|hate|enjoy|dream|sleep|eat|dance|sing|laugh|fly|swim|breathe|cry|die|smile|feel|think about|get (bored|tired|lonely|sick|hungry|angry|old)|marry me|be my ${PARTNER})\\b|^do ${ABOUT_YOU} have (a |any )?(${PARTNER}|feelings|emotions|a family|family|kids|pets|a name|a body|hobbies|a favou?rite \\w+)$|^(can|could|shall) we be ${PARTNER}$|^are we ${PARTNER}$|^i (love|like|hate|miss) ${ABOUT_YOU}( so much| too)?$|^do ${ABOUT_YOU} (remember|know|miss|like|love|hate) me$|^(can|may|could) i (tell|ask) ${ABOUT_YOU} (something|a secret|a question|a thing)$|^what do ${ABOUT_YOU} think (about|of) (me|us|humans|people|yourself)$`,
  ),
  /** "who is this", "who am i talking to", "is this a bot", "what is this", "test", "wait", "one sec": about the chat itself. */
  meta: new RegExp(
    `^(who|what) is this( chat| thing| service)?$|^who (am i|is this|are you)( \\w+)?( (talking|speaking|chatting|writing)( to| with)?)?$|^(is|am) (this|i (talking|speaking|chatting) (to|with)) (a|an)? ?(bot|robot|ai|human|real person|person|machine|computer|automated)\\b`,
  ),
  /** "what can you do", "how does this work", "can you hear me", "u there", "say that again", "what do you mean". */
  ability: new RegExp(
    `^(what|how) (can|could|do) ${ABOUT_YOU} (do|help( me)?( with)?|offer|assist( me)?( with)?)( for me)?$|^what (are|r) ${ABOUT_YOU} (for|good (at|for)|able to do)$|^how (does|do) (this|it|${ABOUT_YOU}) work$`,
  ),
  presence: new RegExp(
    `^(can|could|do) ${ABOUT_YOU} (hear|see|understand|read) me$|^(\\w+ )?(are )?${ABOUT_YOU} (still )?(there|here|awake|listening)( \\w+)?$|^(is )?(any ?(one|body)|some ?(one|body)) (there|here|around|listening)$`,
  ),
  /** "still we connected", "yes i am connected", "i hope i am connecting with you": the line itself. */
  connected: new RegExp(
    `^((yes|yeah|ok|okay|still|i hope|hope) )*(we|${ABOUT_YOU}|i)( am| are| m| re)? (still )?(connected|connecting|online)( (with|to) (you|u|me|us))?$`,
  ),
  /** "great your solution works for me", "all my queries are cleared": the customer is satisfied. */
  satisfied: new RegExp(
    `^((great|ok|okay|thanks|good|perfect|yes|yeah) )*((your|the|that|this|it)( solution| answer| fix)? (works|worked|helps|helped|solved it)( for me)?|((my|all|my all|all my) )?(queries|quiries|questions|doubts|issues) (are |were |have been )?(cleared|solved|resolved|answered|clear|sorted))$`,
  ),
  /** "who is your father", "what is the meaning of life", "how do you feel about working late". */
  persona: new RegExp(
    `^(who|what|where) (is|are|was|s) (your|ur) (father|mother|dad|mom|parents|family|boss|creator|maker|owner|friends?|best friend|brother|sister)$|^how (do|does) ${ABOUT_YOU} feel\\b|^(what's|whats|what is) the (meaning|purpose|point) of (life|it all|everything)$|\\banswer to (life|the universe|everything)$`,
  ),
  unclear: new RegExp(
    `^((can|could) ${ABOUT_YOU} )?(repeat|say) (that|it)( again)?$|^what (do|did) ${ABOUT_YOU} mean$|^i (do not|dont|don't) (understand|get it)$|^(wait|hold on) what$|^(what|huh)$`,
  ),
  /** "sounds good", "oops wrong chat", "just saying hi". */
  agree: /^((ok|okay|that|it|this) )?sounds? (good|great|fine|ok|okay|right|perfect|cool|interesting|nice|fun|lovely|awesome)$/,
  aside:
    /^(oops |sorry |my bad )*(wrong|the wrong) (chat|window|person|tab|number)$|^(i )?(just|only) (saying|said|wanted to say) (hi|hello|hey)$/,
  pause:
    /^(ok |okay |um |uh )?(wait|hold on|hang on|one (sec|second|moment|min|minute)|just a (sec|second|moment|min|minute)|give me a (sec|second|moment|min|minute)|test(ing)?( \d+)*|hello\?*)$/,
  /** "please wait", "one moment please", "wait a minute spencer": the customer needs a moment. */
  waiting: new RegExp(
    `^((ok|okay|yes|please|sir) )*(wait|hold on|hang on|(wait |just )?a (sec|second|moment|min|minute)|one (sec|second|moment|min|minute))( (please|sir|madam|\\w+))?$`,
  ),
  /** "give me a kiss", "you make no sense", "i'm just kidding", "i want to go to sleep", "i love music". */
  play: new RegExp(
    `^((give|gimme) me a|can i (have|get) a) (kiss|hug|high five)$|^(kiss|hug|marry) me$|^(you|that|this|it) (make|makes|made) no sense$|^i('m| am| m|m) (just )?(kidding|joking)$|^(i want to|i need to|i'm going to|time to) (go to )?(sleep|bed)$|^i (really )?(love|like|enjoy|adore) \\w+$`,
  ),
  /** "just browsing", "only looking around": no request yet. */
  browsing:
    /^((i'm|im|i am) )?(just |only )?(browsing|looking around|window shopping|looking|checking things out)( (lol|haha|thanks|thx))?$/,
  /** "do you watch tv", "you seem nice", "call me mike", "my name is sarah": getting to know each other. */
  acquainted: new RegExp(
    `^do ${ABOUT_YOU} (watch|play|read|speak|listen to|know how to|like to|ever) \\w+( \\w+)?$|^${ABOUT_YOU} (seem|look|sound) (so |really |very )?\\w+$|^(my name is|my name's|call me) \\w+$|^(can|may) i call ${ABOUT_YOU} \\w+$`,
  ),
  /** "merry christmas", "happy new year", "its friday". */
  season: new RegExp(
    `^(happy|merry) (new year|christmas|xmas|holidays|easter|thanksgiving|halloween|diwali|eid|hanukkah|friday|monday|weekend)( to you)?$|^(it's|its|today is) (friday|monday|the weekend|a holiday)$`,
  ),
  /** "it's my birthday", "my dog died", "i just got married": the customer's own life, told in passing. */
  life: new RegExp(
    `^((it's|its|today is) my (birthday|anniversary|day off)|my ${PET_OR_KIN} (died|passed away|is sick|left me)|i (just )?(got married|got engaged|had a baby|got a new job|lost my job|graduated))$`,
  ),
  /** "i'm bored", "i am so sad today", "i feel lonely", "i'm back", "ok i gtg", "that was funny", "go away". */
  mood: new RegExp(
    `^((ok|okay|well|oh|lol|haha|hmm|alright) )*((i'm|im|i m|i am|i feel|i am feeling|i'm feeling|im feeling|feeling) (so |very |really |kinda |a bit |pretty )?${FEELINGS}( today| now| right now| tonight)?|(i'm|im|i am) (back|home|here|off|leaving|going to (bed|sleep)|off to (bed|sleep))|(i )?(gtg|g2g|gotta go|got to go|have to go|need to go|must go|brb|ttyl|lol|lmao|rofl|haha+|hehe+)|(that's|thats|that is|that was) (so |not |really |very )?(funny|hilarious|cool|sad|weird|crazy|nice|awesome|interesting)|i need a (hug|friend|nap)|go away|shut up|leave me alone)$`,
  ),
};

const LAUGHS = /^(lol|haha+|hehe+|lmao|rofl|jk|xd|omg)$/;

/** Whether a message is chat with the bot itself (CHAT_PARTS); short messages only. */
function isChitChat(text: string): boolean {
  const words = chatWords(text);
  if (!words.length || words.length > 10) return false;
  // "idk lol", "what time do you close haha": a laugh after it changes nothing.
  while (words.length > 1 && LAUGHS.test(words[words.length - 1])) words.pop();
  // "lol you are weird", "haha that was funny": a laugh or a filler first changes nothing.
  let joined = words.join(' ').replace(/^((lol|haha+|hehe+|lmao|omg|wow|oh|ok|okay|well|hmm|ah) )+/, '');
  // "ur funny" reads as "your funny": before a quality it is "you are".
  const remark = /^your ((such an?|so|very|really|pretty|kinda|such) )?(\w+)/.exec(joined);
  if (remark && tagsOf(remark[3]).includes('Adjective')) joined = `you are${joined.slice(4)}`;
  return Object.values(CHAT_PARTS).some((re) => re.test(joined));
}

/**
 * A word typed long for effect ("byeee", "youuu", "ohh", "guud") as the word it stretches: runs of three letters
 * become one, and a doubled letter becomes one when that makes a word of small talk.
 */
function unstretched(w: string): string {
  if (CORE.has(w) || GLUE.has(w)) return w;
  const once = w.replace(/([a-z])\1{2,}/g, '$1');
  if (CORE.has(once) || GLUE.has(once)) return once;
  const single = once.replace(/([a-z])\1/g, '$1');
  return CORE.has(single) || GLUE.has(single) ? single : once;
}

// Every word the small-talk readers are written in: a word typed with a slip is read as the one it misses.
const CHAT_VOCAB = [
  ...new Set([...CORE, ...GLUE, ...Object.values(CHAT_PARTS).flatMap((re) => re.source.match(/[a-z]{4,}/g) ?? [])]),
].filter((w) => w.length >= 4);
const fixMemo = new Map<string, string>();

/** "hapoy" → "happy", "taht" → "that", "thhan" → "than": one slip from a small-talk word, not itself a word. */
function unslipped(w: string): string {
  if (w.length < 4 || w.includes("'") || CORE.has(w) || GLUE.has(w)) return w;
  const hit = fixMemo.get(w);
  if (hit !== undefined) return hit;
  let out = w;
  if (!tagsOf(w).length) {
    for (const v of CHAT_VOCAB) {
      if (v[0] !== w[0] || Math.abs(v.length - w.length) > 1) continue;
      if (distance(v, w) <= 1 || isSwap(v, w)) {
        out = v;
        break;
      }
    }
  }
  if (fixMemo.size > 5_000) fixMemo.clear();
  fixMemo.set(w, out);
  return out;
}

/** The message's words as small talk reads them: chat spellings read, stretched words unstretched, slips mended. */
function chatWords(text: string): string[] {
  return modelWords(text).map((w) => unslipped(unstretched(w)));
}

export function isSmallTalk(text: string): boolean {
  const words = chatWords(text);
  if (!words.length || words.length > 14) return false;
  if (isChitChat(text)) return true;
  const joined = words.join(' ');
  const phrase = PHRASES.some((re) => re.test(joined));
  let core = phrase;
  for (const w of words) {
    if (CORE.has(w)) core = true;
    else if (GLUE.has(w)) continue;
    else if (near(w, CORE)) core = true;
    else if (!(phrase && words.length <= 6) && !near(w, GLUE)) return false;
  }
  return core;
}
