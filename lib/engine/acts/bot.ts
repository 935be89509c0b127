/**
 * Readers for a bot's (or agent's) turn, one per act. Each reads clause frames (clause.ts): who acts, tense,
 * modality, negation. The older phrase patterns of handoff.ts are kept as one more reader for transfers,
 * offers and detail requests, since they carry the multilingual cases.
 */
import { analyseBotMessage, CONDITIONAL } from './phrases/bot';
import { anyPart } from './phrases/parts';
import { splitSentences } from '../read/nlp';
import { originalQuote } from '../read/sanitize';
import { clean, normalize } from '../read/text';
import { clausesOf, isPersonNoun, type Clause } from './clause';
import { UNNAMED_ANSWER, type BotAct } from './types';

interface Sentence {
  raw: string;
  norm: string;
  /** The sentence without a framing phrase before a question ("in the meantime, would you…" → "would you…"). */
  core: string;
  clauses: Clause[];
}

// Verbs of someone acting on the case later.
const FOLLOW_UP = new Set([
  'contact',
  'call',
  'email',
  'reach',
  'get',
  'follow',
  'review',
  'investigate',
  'look',
  'examine',
  'handle',
  'resolve',
  'fix',
  'update',
  'notify',
  'inform',
  'respond',
  'reply',
  'work',
  'assess',
  'be',
  'have',
  'process',
  'text',
  'message',
  'touch',
  'escalate',
  'assist',
  'help',
  'take',
  'pick',
  'join',
  'answer',
  'send',
]);
// Verbs of a team judging the case ("will verify", "will inspect"), read only with a team as the subject.
const TEAM_CHECKS = new Set([
  'verify',
  'inspect',
  'evaluate',
  'reevaluate',
  're-evaluate',
  'check',
  'prioritize',
  'prioritise',
  'decide',
  'analyse',
  'analyze',
]);
// Verbs of passing the case on.
const PASS_ON = new Set([
  'report',
  'escalate',
  'forward',
  'pass',
  'refer',
  'flag',
  'raise',
  'notify',
  'alert',
  'transfer',
  'assign',
  'route',
  'hand',
  'relay',
  'share',
  'log',
  'submit',
  'file',
  'open',
  'create',
  'send',
  'write',
  'inform',
  'tell',
  // "I'm going to loop in our billing team", "I have involved a specialist", "I'll rope in a senior colleague".
  'loop',
  'involve',
  'rope',
]);
const CASE_NOUNS =
  /\b(report|ticket|case|claim|complaint|request|incident|escalation|feedback|issue|query|inquiry|enquiry|concern|matter|problem|it|this)\b/;
const REPORT_NOUNS = /\b(report|ticket|case|claim|complaint|incident|escalation)\b/;
// "I will escalate this", "we will escalate the matter internally": escalating the case needs no team named.
const ESCALATED_THING =
  /^(this|it|the (issue|matter|case|problem|complaint|request|concern)|your (issue|case|complaint|request|concern|query))\b/;
const CONTACT_VERBS = new Set([
  'call',
  'contact',
  'email',
  'reach',
  'message',
  'dm',
  'ring',
  'phone',
  'speak',
  'talk',
  'write',
  'visit',
  'get',
  'text',
  'chat',
  'go',
  'head',
  'send',
  'consult',
  'ask',
]);
const PLACE_TO =
  /\bto (a|an|the|your|our|any|one of our)? ?(\w+ ){0,3}(store|shop|branch|cent(er|re)|dealer(ship)?|technician|repairer|office|counter)\b/;
const ADVISE_VERBS = new Set(['recommend', 'suggest', 'advise']);
// Verbs of going to someone else for help.
const GO_TO = '(contact|call|get in touch|reach out|speak|talk|visit|email|phone|ring|go to|head to)';
const ADVISED_CONTACT = anyPart(
  new RegExp(
    `^((speaking|talking|contacting|calling|reaching out|getting in touch|visiting) ?(with|to)?|checking with|(that )?you (should |to |please )?${GO_TO})\\b`,
  ),
  // "I recommend you check your statement or contact your bank directly".
  new RegExp(`^(that )?you\\b.{0,50}\\b(or|and) ${GO_TO}\\b`),
);
// "It's best to contact our support team directly", "your best option is to call the store".
const BEST_TO = new RegExp(
  `^(best|better|advisable|recommended|a good idea|the best (way|option|thing|course)|your best (bet|option))( is)? to ${GO_TO}\\b`,
);
const SELF_SERVICE =
  /\b(website|site|link|page|app|faq|article|help ?center|portal|settings|online|form|guide|here|below|above|url|www|http)\b/;
const CHANNEL = anyPart(
  // Whom: the team, its people, or another company.
  /\b(us|them|our|team|department|desk|support|service|agent|staff|specialist|representative|advisor|pharmacist|doctor)\b/,
  /\b(store|branch|office|bank|issuer|provider|manufacturer|carrier|airline|seller|customer care)\b/,
  // How: a number, a line, a message.
  /\b(number|phone|line|hotline|helpline|dm|direct message|private message|inbox|email|e-mail)\b|\d{3}/,
);
const HELP_VERBS = new Set([
  'help',
  'tell',
  'assist',
  'access',
  'see',
  'view',
  'find',
  'locate',
  'retrieve',
  'process',
  'handle',
  'answer',
  'do',
  'resolve',
  'fix',
  'provide',
  'change',
  'modify',
  'understand',
  'authenticate',
  'verify',
  'look',
  'check',
  'book',
  'cancel',
  'complete',
  'perform',
  'make',
  'offer',
  'support',
  'pull',
]);
const LACK_OBJECTS =
  /\b(access|ability|permission|permissions|information|details|tools|authority|capability|rights|visibility|record|records)\b/;
// A wish that ends a sentence is a close too: "Enjoy.", "Enjoy your coffee!".
const CLOSING = anyPart(
  /^enjoy( (your|the) \w+)?[.! ]*$/,
  // "Anything else?", "have a great day", "take care".
  /\b(anything else|something else|any other (questions?|concerns?)|take care|goodbye|bye|enjoy (your|the) (day|evening|rest))\b/,
  /\bany (further|other|more) (assistance|help)\b/,
  // "Any questions?", "any other queries?", "any concerns, let me know".
  /^any (other |further |more )?(questions?|queries|query|doubts?|concerns?)\b/,
  /\bhave a (great|good|nice|wonderful|lovely|fantastic) (day|one|evening|night|weekend|time)\b/,
  // "You're welcome", "glad I could help", "feel free…".
  /\b(you are welcome|you're welcome|my pleasure|glad (i|we) could help|happy to help|feel free|do not hesitate|don't hesitate|a pleasure)\b/,
  /\b(thanks for (contacting|reaching|chatting|your patience|shopping)|thank you for (contacting|reaching|chatting|your patience|shopping|choosing|being))\b/,
);
const WAITING =
  /^(one|a|just a) (moment|minute|second|sec)\b|\b(please )?(wait|hold on|bear with me)\b|\b(checking|searching|looking)( (that|this|it|now|availability))?\b/;
const ASK_VERBS = new Set([
  'explain',
  'elaborate',
  'suggest',
  'inform',
  'update',
  'mention',
  'advise',
  'indicate',
  'provide',
  'share',
  'send',
  'give',
  'tell',
  'confirm',
  'let',
  'specify',
  'describe',
  'clarify',
  'upload',
  'attach',
  'enter',
  'type',
  'include',
  'verify',
  'spell',
  'state',
  'supply',
  'submit',
  'fill',
  'list',
  'furnish',
]);
// "Drop the order ID here", "DM us your order number", "paste the link": a detail to hand over, only with one named
// ("drop the parcel at the hub" is a return step, "email us at…" a channel).
const DROP_VERBS = new Set(['drop', 'paste', 'post', 'dm', 'message', 'text', 'email', 'whatsapp']);
const DETAIL_NOUN = anyPart(
  // Who the customer is.
  /\b(name|email|e-mail|address|phone|date|birth|pin|password|username|account|membership|level|card|zip|postcode)\b/,
  // What the case is.
  /\b(number|id|order|booking|reference|code|receipt|serial|amount|model|version|device|time|location|landmark|availability)\b/,
  /\b(details|information|context|screenshot|photo|description|reason|report|answer|question)\b/,
  // What the customer can show: documents and pictures, payment references.
  /\b(statement|invoice|copy|proof|evidence|documents?|screenshots|photos|photographs?|pictures?|pics?|images?|videos?|utr|upi|ifsc|arn|pincode)\b/,
);

// Questions that ask the customer for something without a verb of asking, read on the whole sentence (the grammar
// takes "there", "it" or the wh-word for the subject): "Is there an alternate number we can reach you on?", "is it
// possible for you to share a landmark?", "When is a convenient time for the delivery?", "Which option would you
// prefer?". The bot cannot go on without the answer, so a handoff in the same message is still collecting.
const ASKS_WITHOUT_VERB = anyPart(
  /^(is|are) there (a|an|any|another|other|some) (?!(thing|anything|something|other way|way|other (issue|question|concern)s?)\b)[^?]*\?$/,
  // "Is it possible you still have the box?", "is it possible someone picked it up?": the customer is to find out.
  /^(is|would) it (be )?possible (for you to (provide|share|send|give|confirm|tell|upload|attach|check)|(that )?(you|your|someone|somebody|anyone|a|an))\b/,
  // "Would it be possible to get the UTR number?"
  /^(is|would) it (be )?possible to (get|have|receive|know|see) (your|the|a|an|some)\b/,
  // "Would morning or evening be better for you?", "Morning or evening?", "Any landmark near your house?"
  /^(would|will|is|are) [a-z ]{1,30} or [a-z ]{1,30} (be )?(better|best|preferable|convenient|suitable|easier)\b[^?]{0,20}\?$/,
  /^([a-z]+ ){0,2}[a-z]+ or ([a-z]+ ){0,2}[a-z]+\?$/,
  /^any [a-z]+( [a-z]+){0,5}\?$/,
  // "To confirm, your registered number is 98xxxxxx21, correct?": a detail read back for the customer to confirm.
  /^((just )?to confirm,? |so,? )?(your|the) [^?,]{1,60}, (correct|right|is that (correct|right))\?$/,
);
// "When is a good time for you…?", "What was the item ordered?": a wh-question about the customer's side or the case
// (separate tests, so no gap to re-read). "What can we do to fix this?" is the bot thinking aloud.
const WH_START = /^(what|which|when|where|who|how) (?!(else|more|about|does (that|this)|would (that|this)|is (that|this))\b)/;
const BOT_WONDERS = /\b(i|we) (can|could|should|shall|may|might)\b/;
// "Did the outer packaging look tampered with?", "Was the box damaged?", "Has anyone else at your address received it?":
// a yes/no question about the case, which only the customer can answer.
const AUX_START = /^(did|was|were|has|have|had|is|are|does|do) (?!(you|u|i|we)\b)/;
// "Is that acceptable?", "Does that timeframe work for you?": asking for assent to what the bot does, not for a detail.
const AGREEABLE =
  'acceptable|ok|okay|feasible|agreeable|alright|all right|fine|good|convenient|suitable|possible|satisfactory|enough|sufficient|' +
  'work|works|sound|sounds|suit|suits|help|helps|clear';
const ASSENT = new RegExp(`^(is|are|does|do|would|will|can|could) (that|this|it|these|those)( \\w+)? (be )?(${AGREEABLE})\\b`);
// Requests for details that the clause reading misses: "I would appreciate it if you could send photos", "I request you
// to share the statement", "let me know the best time to reach you", "please advise the last four digits".
const ASK_VERB = '(provide|share|send|give|confirm|upload|attach|tell|forward|submit|mention|specify|describe|clarify)';
const GATHER = '(verify|confirm|collect|gather|take|ask|get)';
const FEW_DETAILS = '(a few|some|few|the following|a couple of) (more )?(details|questions|things|information)';
const POLITE_ASK = anyPart(
  new RegExp(`\\b(appreciate( it)?|helpful|grateful|great|useful|help) if (you|u) (could|can|would|will)( please| kindly)? ${ASK_VERB}\\b`),
  // "Could I trouble you for the order ID?"
  /\btrouble (you|u) for (your|the|a|an)\b/,
  // "For faster resolution, share the photos of the damage": an opening phrase before the request.
  new RegExp(`^(for|to|in order to) [^,.?!]{1,40}, (please |kindly )?${ASK_VERB} (your|the|a|an|us|me|some|any)\\b`),
  new RegExp(`\\b(request|requesting|ask|asking) (you|u) to( kindly| please)? ${ASK_VERB}\\b`),
  /^(please |kindly )?let (me|us) know (the|your|whether|what|when|which|how|where)\b/,
  /^(please |kindly )?(advise|mention|specify|indicate) (the|your)\b/,
  // "You will need to provide the invoice" (not "…provide the reference number to your bank": a redirect).
  new RegExp(`\\byou( will| would|'ll| ll)? (need|have) to ${ASK_VERB}\\b(?![^.?!]{0,60}\\b(to|with) (your|the) (bank|seller|issuer)\\b)`),
  /\b(i|we)( would|'d| d)? like to ask (you )?(a few|some|a couple of) (more )?questions\b/,
  // "Do share the photos", "please note the reference and share your UPI ID", "…and let us know".
  /^(please )?do (share|send|provide|upload|attach|confirm|tell)\b/,
  /^(please )?do let (me|us) know (the|your|what|when|which|how|where|whether)\b/,
  // "I am escalating this to our finance team, kindly share your UPI ID."
  /(,|;| and| so) (please|kindly|pls|plz) (share|send|provide|upload|attach|confirm|tell|give|mention)\b/,
  // "Is it okay if I ask for your UPI ID?"
  /\b(i|we) (ask|request) (you )?for (your|the)\b/,
  // "Kindly revert with the screenshot", "awaiting your UPI ID", "need your UPI ID to proceed".
  /^(please |kindly )?(revert|reply|respond|get back to (me|us)) (back )?with\b/,
  /^(awaiting|await|looking forward to|waiting for) (your|the)\b/,
  /^(also,? )?(i |we )?(will |would )?(just |only )?(need|require) (your|the|a|an)\b/,
  /\b(need|require)\b[^.?!]{0,30}\bfrom (you|u|your end)\b/,
  /\b(and|then) (please |kindly )?let (me|us) know( (the|your|what|when|which|how|where|whether)\b|[.!]*$)/,
  // "I would like to know the mode of payment", "I want to confirm the amount" (not "I want to confirm that…").
  /\b(i|we)( would|'d| d)? (like|want|need|wish) to (know|ask|understand|confirm|verify)\b(?! (that|with)\b)/,
  // "Meanwhile, please check with your neighbours": the customer is to find something out first.
  /\b(please|kindly)( also)? (check|ask|confirm) with (your|the) (neighbou?rs?|family|security|guard|watchman|reception|household)\b/,
);
// The bot announcing questions before it can go on: "Just a couple of questions first", "let me first verify a few
// details", "I will also need to verify your bank details", "please walk me through what happened".
const ASKS_FIRST = anyPart(
  // "Please walk me through what happened", "could you take us through the steps you followed?"
  /^(please |kindly )?(walk|take) (me|us) through\b|\b(you|u) (please )?(walk|take) (me|us) through\b/,
  // "Let me first verify a few details", "allow me to collect some information".
  new RegExp(
    `\\b(let me|let us|allow me to|i need to|i will need to|i'll need to|i'd like to|i would like to) (first |quickly |just )?${GATHER} ${FEW_DETAILS}\\b`,
  ),
  // "Let me have the UTR", "please use this link to upload the photos".
  /^(please |kindly )?let (me|us) have (your|the|a|an)\b/,
  /^(please |kindly )?use (this|the) ([a-z]+ )?(link|form|portal) to (upload|share|send|submit|attach|provide)\b/,
  // "Just a couple of questions first", "I have a few quick questions before I escalate this".
  /^((i|we) (have|'ve got|ve got) )?(just )?(a few|a couple of|some|one|two|three) (more |quick |short )*questions?( for you)?( first| before\b[^.?!]*)?[.!:]?$/,
  // "I will also need to verify your bank details" (not "we will need to verify the reason for the charge": the
  // bot's own check).
  /\b(i|we)( will| would|'ll| ll|'d| d)?( also| first| just)? (need|have) to (verify|confirm|validate) (your|ur) ([a-z]+ ){0,2}(details|identity|email|e-mail|phone|number|address|account|name|birth)\b/,
);
const CONTACTS_YOU = '(contacts|calls|reaches out to|gets back to|will contact|will call|will reach out to|will get back to) you';
const ENSURES_CONTACT = new RegExp(
  `\\b(ensure|make sure|see to it) (that )?((?:the|our|a|an) (?:[a-z]+ ){0,3}(?:team|department|dept|specialist|manager|supervisor|executive)) ${CONTACTS_YOU}\\b`,
);
// People brought onto the case without a verb of passing it on: "let me get our billing team involved", "our billing
// team has been made aware", "I've requested a callback from our billing team", "your request is now with our billing
// team". Only company people: "your parcel is now with the courier" is delivery.
const CASE_PEOPLE = '(team|department|dept|specialists?|agents?|colleagues?|supervisor|manager|experts?|executives?)';
const CASE_THING = '(case|request|ticket|query|complaint|issue|concern|matter)';
const BROUGHT_IN = anyPart(
  new RegExp(`\\b(get|got|getting|have|had) (our|the|a|an|my) ([a-z]+ ){0,3}${CASE_PEOPLE} involved\\b`),
  new RegExp(`\\b${CASE_PEOPLE} (has|have) (now |already )?been (made aware|looped in|brought in|involved)\\b`),
  new RegExp(`\\b(requested|arranged|scheduled|booked) a (call ?back|call) (for you )?from (our|the|a|an) ([a-z]+ ){0,3}${CASE_PEOPLE}\\b`),
  new RegExp(`\\b(placed|put|added|moved) (your|this|the) ${CASE_THING} (in|into|to|on) (the|our) ([a-z]+ ){0,3}queue\\b`),
  new RegExp(`\\b${CASE_THING} is now with (our|the|a) ([a-z]+ ){0,3}${CASE_PEOPLE}\\b`),
  // "Our billing team now has your case" (not "our agents have the issue under control", "…have your ticket number").
  new RegExp(`\\b${CASE_PEOPLE} (now )?(has|have) (your|this) (case|request|ticket|query|complaint)[.!]?$`),
  // "I'm bringing in a specialist", "I've put in a request with our billing team".
  new RegExp(`\\b(bring|bringing|brought) in (our|the|a|an|my|one of our) ([a-z]+ ){0,3}${CASE_PEOPLE}\\b`),
  new RegExp(`\\b(put|putting) in a ${CASE_THING} with (our|the) ([a-z]+ ){0,3}${CASE_PEOPLE}\\b`),
);
// "Sorry, I couldn't book that appointment", "I was unable to make the reservation", "I couldn't find another song
// matching your query": what a booking or a search the bot runs itself returned (the system said no), not the bot
// lacking the information, access or capability the case needs. Refunds and orders are not bookings: a refund the bot
// could not process still needs a person.
const FAILED = "(couldn't|could not|was unable to|wasn't able to|was not able to|failed to)";
// The customer's own record ("I could not find any order with this number": the bot lacks information) or a person
// ("I couldn't find an agent available": no one to take over).
const THE_CASE =
  '[^.?!]{0,40}\\b(record|records|account|order|orders|payment|transaction|parcel|package|refund|agents?|representatives?|human|person|someone|specialists?|staff)\\b';
const BOOKING = '(reservations?|bookings?|appointments?|table|tickets?|flights?|alarms?|events?|rides?|cab|room|seats?|viewing|restaurant)';
const TRANSACTION_RESULT = anyPart(
  new RegExp(
    `\\b${FAILED} (make|book|reserve|schedule|create|set up|set|confirm|complete|buy|purchase|get|place)\\b[^.?!]{0,30}\\b${BOOKING}\\b`,
  ),
  new RegExp(`\\b${FAILED} (book|reserve|schedule) (it|that)\\b`),
  // "I am unable to book the appointment at 10:45", "I can't book your flight from Chicago…": that one booking, not
  // bookings in general ("I'm unable to book flights").
  new RegExp(`\\b(unable to|not able to|can't|cannot|can not) (make|book|reserve|schedule) (the|that|your|this) ${BOOKING}\\b`),
  // A search with nothing (more) to show: "I couldn't find any movies matching your preferences", "…anything else".
  new RegExp(
    `\\b(${FAILED}|can't|cannot|can not|unable to|not able to|didn't|did not) find (another|any|other|more|anymore|anything|a|an|those)\\b(?!${THE_CASE})`,
  ),
  // "I don't see any restaurants that meet your needs", "I'm still not able to get any results" (not "I don't see any
  // information on that": the bot lacking it).
  new RegExp(
    `\\b(don't|do not|can't|cannot|can not|not able to|unable to) (see|get) any (results|matches|(\\w+ )?\\w+s)\\b(?!${THE_CASE})`,
  ),
);
// "Let us know if the refund is not received within 5 days", "…if you have any questions": the door left open.
const COME_BACK_IF = {
  test(q: string): boolean {
    const m = /\blet (me|us) know if /.exec(q);
    if (!m) return false;
    const rest = q.slice(m.index + m[0].length);
    return (
      /^(you|u) (have|need|require|want|encounter|face)\b/.test(rest) || /\b(not|n't|still|again|further|within|after|by)\b/.test(rest)
    );
  },
};
// "Please keep it handy and share it here", "please note the reference and share your UPI ID" (two tests, so no gap to
// re-read); "Please let us know if the item has any visible damage" asks, unlike the door left open above.
const ASKS_TOO = {
  test: (q: string) =>
    (/\b(please|kindly)\b/.test(q) &&
      /\b(and|then) (please |kindly )?(share|send|provide|upload|attach|confirm) (your|us|me|it|them|(whether|if) (?!(this|that|it)\b))/.test(
        q,
      )) ||
    // "…and share an alternate number": only with a detail named.
    (/\b(please|kindly)\b/.test(q) && /\b(and|then) (share|send|provide|upload|attach) (a|an)\b/.test(q) && DETAIL_NOUN.test(q)) ||
    (/^(please |kindly )?let (me|us) know if /.test(q) && !COME_BACK_IF.test(q)),
};
// "A screenshot of the payment would be helpful", "the UPI ID is required", "help me with your registered email".
// The detail comes first, as the subject: "any screenshot would help", not "this information will be helpful" (given).
const HANDED_OVER = '(number|id|utr|upi|ifsc|arn|code|screenshot|photo|picture|image|video|invoice|receipt|statement|copy|proof)';
const SHOWN = `(${HANDED_OVER.slice(1, -1)}|evidence|details|information)`;
const HELPS_US = '(will |would |can |could )?(helps?|speeds?( up)?|expedites?) (me|us|them|the team|our team|this|things|it)\\b';
// "Meanwhile, the order ID would be helpful": a linking word before the detail.
const LEAD = '((also|meanwhile|in the meantime|additionally|alternatively|for now|first|firstly),? )?';
const DETAIL_WANTED = anyPart(
  new RegExp(`^${LEAD}(a|an|any|some|the|your) [^.?!]{0,60}\\bwould (help|be (helpful|useful|appreciated|great|needed|required))\\b`),
  // "It would be great to have the order ID" (a detail must be named: "…to have you back" is not one).
  // "It would help to know which card was used".
  /\bit (would|will)( really)? (be (great|helpful|useful|ideal|good|easier)|help) to (have|get|receive|see|know) (your|the|a|an|which|what|when|whether|how)\b/,
  // "To proceed further, the tracking number is mandatory", "for verification, your email address is required".
  /^((to|for|in order to) [^,.?!]{1,40}, )?(a|an|any|the|your) [^.?!]{0,60}\b(is|are) (required|needed|mandatory)\b/,
  /^(also,? |please |kindly )*help (me|us) with (your|the)\b/,
  // A thing to hand over stated as what the case needs: "the UTR number helps me trace it", "having the invoice will
  // help them", "the bank reference will speed this up"; not "…helps you track it" (advice), "the bank information
  // helps us to cross-verify" (why it was asked) or "your report helps us" (thanks).
  new RegExp(`^(having )?(a|an|any|the|your) ([a-z]+ ){0,3}${HANDED_OVER}s?( of [a-z ]{1,30})? ${HELPS_US}`),
  // "In the meantime, providing photographic evidence will help expedite the investigation."
  new RegExp(
    `^${LEAD}(providing|sharing|sending|uploading|attaching) ((a|an|any|the|your|some) )?([a-z]+ ){0,3}${SHOWN}s? (will |would |can |could )?(helps?|speeds?|expedites?)\\b`,
  ),
  // "With the transaction ID, we can trace this faster"; "without the order ID, I cannot locate the parcel".
  /^with (a|an|the|your) [^,.?!]{1,40},? (i|we|they|the team) (can|could|will|would) (be able to )?[a-z]+/,
  /^without (a|an|the|your) [^,.?!]{1,40},? (i|we) (cannot|can't|can not|am unable|are unable|won't be able|will not be able)\b/,
  // "Only the invoice is pending from your side", "we are waiting for the photos from your end", "the only thing
  // missing is a picture of the product".
  /\b(is|are) (still )?(pending|awaited|due) from (you|your (side|end))\b/,
  /\b(i am|i'm|i m|we are|we're|we re) (still )?(waiting|awaiting)( for)? (your|the) [^.?!]{0,40}\bfrom (you|your (side|end))\b/,
  /^(the )?only (thing|detail|item|document)s? (missing|pending|needed|required|left)\b|^what (is|'s) (missing|pending|needed) (now )?is\b/,
  // "I'd appreciate your UPI ID" (not "I appreciate your patience": no detail named).
  /\b(i|we)( would|'d| d) (appreciate|be grateful for) (your|the|a|an|any)\b/,
);
// "The details you shared will help our team", "with the information provided…": already given, nothing asked.
const ALREADY_GIVEN = /\b(shared|sent|provided|gave|given|uploaded|attached|submitted|received|already)\b/;
function wantsDetail(q: string): boolean {
  return (
    DETAIL_WANTED.test(q) &&
    DETAIL_NOUN.test(q) &&
    !ALREADY_GIVEN.test(q) &&
    !/\b(no|not|if)\b/.test(q) &&
    !/\b(upon|on|at) (delivery|arrival)\b/.test(q)
  );
}
// "The claims team will need some photos of the damage", "they might need the UTR number": the customer is to give it.
// "You can share the screenshot here": an invitation to hand it over ("feel free to…" is a closing, left open).
const SHOWABLE =
  /\b(screenshots?|photos?|photographs?|pictures?|images?|videos?|invoice|statement|receipt|utr|upi|ifsc|arn|number|id|details|copy|proof|evidence|documents?)\b/;
const OTHERS_NEED = anyPart(
  /\b(they|who|team|department|specialists?)( will| would| may| might)? (need|require)s? (your|the|some|a|an|few)\b/,
  /\byou (can|may|could) (also )?(share|send|provide|upload|attach|email|e-mail|mail|forward) (your|the|a|an|us|me)\b/,
);
function othersNeed(q: string): boolean {
  // "…, if available" only softens the ask; "if the bank asks…" makes it hypothetical.
  const unconditional = q.replace(/,? if (available|possible|you have (it|them|any|one))\b/, '');
  return OTHERS_NEED.test(q) && SHOWABLE.test(q) && !/\b(if|bank|seller|issuer)\b/.test(unconditional);
}
// "Is there anything else you can recall about the delivery?": evidence asked for, not help offered (so not a closing).
const RECALLS =
  /\banything (else |more )?(that )?(you|u) (can|could|might|may) (recall|remember|tell (me|us)|share|add) (about|regarding|that)\b/;
function asksWithoutVerb(raw: string): boolean {
  // "So what is the UTR number?": a filler before the question.
  const q = raw.replace(/^(so|and|ok|okay|also|now|then|alright|well),? /, '');
  if (!q.endsWith('?')) return ASKS_WITHOUT_VERB.test(q);
  return (
    ASKS_WITHOUT_VERB.test(q) ||
    (WH_START.test(q) && (/\byour?\b/.test(q) || !BOT_WONDERS.test(q))) ||
    (AUX_START.test(q) && !ASSENT.test(q) && !/^(is|are) there\b/.test(q))
  );
}
// Help offered, not an answer asked for: "What else can I help you with?", "is there any issue you would like to address
// (while I connect you)?": what the customer may add if they wish, not what the bot needs.
// "…any other information you can provide that may help in locating the package?" asks; "help you" offers.
const OPEN_OFFER = /\b(help|assist|do for) (you|u)\b|\b(i|we) (can|could|may) (help|assist|do)\b|\byou (would|'d|d) like to\b/;
// "Would you prefer a replacement or a refund?", "do you wish to return it, or would you prefer a replacement?": a choice
// the customer must make, a detail of the case; "would you like me to…" is the bot offering, not asking.
const CHOICE = /\b(would|do) you (like|want|wish|prefer) (?!(me|us|that (i|we)|for (me|us))\b)[^?]{0,160}\bor\b/;

// "I will escalate it to our payments team. Would you like me to proceed with this escalation?": the transfer waits
// for the customer's yes, so the message offers it (whatever tense the first sentence used).
const ASKS_GO_AHEAD =
  /^(would|do) you (like|want) (me|us) to (connect|transfer|escalate|forward|refer|pass|proceed with (this|the|that|your) (escalation|transfer|referral))\b/;

// "Would you like to share your mobile number?": a polite request for a detail, not an offer.
const WOULD_YOU_SHARE = /^would you like to (provide|share|give|send|confirm|tell|upload|attach)\b/;
// "Will you allow me some time?", "is that acceptable?": asking for patience or assent, not for a detail.
const ASKS_LEAVE = anyPart(
  /\b(allow|give|grant) (me|us)\b.{0,30}\b(time|hours?|days?|minutes?|moments?|while)\b|\bhow does (that|this) sound\b/,
  // "Please allow 24-48 hours for them to review the information."
  /^(please |kindly )?(could you (please |kindly )?)?allow ([\w-]+ ){0,3}(hours?|days?|minutes?|time)\b/,
  // "Are you okay with this?", "does this resolve your concern?"
  /\b(are|were) you (ok|okay|fine|happy|comfortable|alright|satisfied|agreeable) with\b/,
  /\b(does|did|will|would) (this|that|it) (resolve|answer|address|settle) your\b/,
);

// Escalation talk: a verb of passing the case on, or the people it goes to.
const HANDOFF_WORD = anyPart(
  /\b(escalat\w*|team|department|specialist|supervisor|manager|ticket)\b/,
  // "…I will forward it to our quality team", not "…forward it to your email address".
  /\b(forward|transfer|pass|refer|send)\w* (it|this|them|the \w+ )?(on )?to (our|the|a|an|my)\b/,
);
// The customer's part comes first: "once you share…", "after I receive the images…".
// What the customer shows, not the item sent back: "once the shirt is received at our warehouse" is a return.
const EVIDENCE =
  '(photos?|photographs?|pictures?|images?|videos?|screenshots?|invoice|documents?|details|information|evidence|proof|statement|copy|fir)\\b';
// "Upon receipt of the photos…", "once the screenshot is shared…", "once we have the photos…".
const AFTER_CUSTOMER_GIVES = anyPart(
  /\b(once|after|as soon as|when|the moment|if) (you|i|we) (can |could )?(have )?(share|provide|send|upload|confirm|give|receive|get|respond|reply)\w*\b/,
  // "Upon receiving your response…", "pending your confirmation…", "once I hear back from you…".
  /\b(upon|on|after|with|pending|subject to) (receiving |receipt of )?your (response|reply|confirmation|approval|answer)\b/,
  /\b(once|after|as soon as|when) (i|we) hear back from (you|u)\b/,
  new RegExp(`\\b(upon|on|post|after) (receipt of|receiving|getting) (the|your|these|those) ([a-z]+ )?${EVIDENCE}`),
  new RegExp(`\\b(once|after|as soon as|when) (i|we) (have|get) (the|your|these|those) ([a-z]+ )?(${EVIDENCE}|number|id|code)\\b`),
  // "Once uploaded, our returns team will review the images" (not "once received": the parcel back at the warehouse).
  /\b(once|after|when) (uploaded|shared|submitted)\b/,
  new RegExp(
    `\\b(once|after|as soon as|when) (the|your|these|those) ([a-z]+ ){0,2}${EVIDENCE} (is|are|has been|have been) (received|shared|uploaded|provided|sent|submitted)\\b`,
  ),
);
// "…please provide me with a screenshot and I will escalate this to our payments team".
const SENDS_THEN_HANDOFF =
  /^(please |kindly )?(provide|share|send|upload|attach|forward)\b[^.?!]{0,80}\band (i|we) (will|shall|can|'ll) (then )?(escalate|forward|raise|pass|refer)\b/;
// "Before escalating…", "before I escalate…", "to escalate this…": the escalation is still ahead, waiting on something.
const BEFORE_HANDOFF = /^(before|prior to) ((i|we) (can |could )?)?(escalat|forward|transfer|rais|pass|refer|hand|connect)\w*\b/;
const FOR_HANDOFF = anyPart(
  /\b(before|prior to|to|in order to) ((i|we) (can |could )?)?escalat\w*\b/,
  /\b(before|so|so that) (i|we) (can |could |may )?(escalate|forward|transfer|raise|pass|refer)\b/,
);

// "I will escalate this immediately", "we will forward this": escalation talk, with or without a team named.
const ESCALATION_TALK = anyPart(
  /\b(escalat(e|ed|es|ing)|forward(ed|ing)? (this|it|them|the \w+|your \w+) to)\b/,
  // "I will contact my supervisor to authorise it": going up the line is escalating too.
  /\b(contact|ask|request|consult)\w* (my|our|the|a) (supervisor|manager|senior)\b/,
  // "I've flagged this for immediate review".
  /\bflagged (this|it|your \w+) for (\w+ )?review\b/,
);
const NOT_ESCALATING = /\b(not|cannot|unable to|no need to|without)\b.{0,20}\bescalat/;
// "If it takes longer, …": a contingency, not what is happening now.
// "If possible, please share…", "if you could share the invoice…" are polite requests, not conditions.
const CONDITION = /^(if|should|in case|unless|in the (unlikely |rare )?event)\b/;
// "…, and if you encounter any discrepancies, please contact us immediately, and we will investigate further": a door
// left open; what follows the return visit has not happened.
const IF_YOU_COME_BACK = {
  test(q: string): boolean {
    const cond = /\b(if|should|in case|in the (unlikely |rare )?event)\b/.exec(q);
    if (!cond) return false;
    const rest = q.slice(cond.index).split(/[.?!]/)[0];
    const back = /\b(contact|reach out to|let|inform|notify|write to|call|message) us\b/.exec(rest);
    return back !== null && /\b(we|i) (will|can|shall|would|ll)\b/.test(rest.slice(back.index));
  },
};
const POLITE_IF = anyPart(
  /^(if|in case) (possible|convenient|available|you can|you are able)\b/,
  /^if you (can|could|would) (please |kindly )?(share|send|provide|upload|attach|confirm)\b/,
);
// "If you have any photos of the damage, please share them": the condition is only whether the customer has it.
const IF_YOU_HAVE = /^(if|in case|should) (you (still )?(have|had|kept|took|saved)|there (is|are) (any|some))\b/;
const HYPOTHETICAL = {
  test(q: string): boolean {
    if (!CONDITION.test(q) || POLITE_IF.test(q)) return false;
    const condition = q.split(/,| then /)[0];
    const kept = SHOWABLE.test(condition) || /\b(packaging|box|tracking|bill|marks?|damage|label|seal)\b/.test(condition);
    return !(
      IF_YOU_HAVE.test(condition) &&
      kept &&
      !/\b(questions?|queries|concerns?|issues?|problems?|doubts?|trouble)\b/.test(condition)
    );
  },
};
const TAKE_IT_TO_NOW =
  /^(please |kindly )?(share|show|give|provide|forward) (it|them|(this|that|these|the|your)( \w+){0,2}) (with|to) (your|the) (bank|card issuer|seller|manufacturer)\b/;
const TAKE_IT_TO =
  /\byou (can|could|may|should) (share|show|give|provide|forward)\b.{0,30}\b(with|to) (your|the) (bank|card issuer|seller|manufacturer)\b/;
// A note passed on while the bot settles the case itself: an add-on, for the future, or feedback.
// "…to our packaging department for review and improvement", "I will relay your suggestion to…".
const FOR_FUTURE = /\b(as a precaution(ary measure)?|future|feedback|suggestions?|improve(ment)?|prevent|avoid (this|such|similar))\b/;
const ALSO = /\b(also|additionally)\b/;
// "I will also escalate this to our customer satisfaction team, who will review your case for compensation": an
// add-on, yet another team now acts on this customer's case, so it is a handoff all the same.
// ("I will also log your complaint", "we will also review compensation options": still the bot's own step.)
const TEAM_ON_THE_CASE =
  /\bwho (will|would|can|shall) (review|contact|reach|call|look|get back|assess|decide|investigate)\b|\byour (case|claim)\b/;
const FOR_THE_CASE = {
  test: (q: string) => TEAM_ON_THE_CASE.test(q) || /\b(team|department|supervisor|manager)\b.{0,60}\bcompensation\b/.test(q),
};
// "We appreciate your feedback. I will forward this to our relevant team for review": the feedback is what goes on.
const FEEDBACK_THANKED = /\b(your|the|for) (valuable |kind )?(feedback|suggestions?|comments?)\b/;
/** A forward of a note while the bot settles the case itself; `turn` is the whole message, normalised. */
function passedOnAsNote(q: string, turn: string): boolean {
  if (FOR_FUTURE.test(q)) return true;
  if (FOR_THE_CASE.test(q)) return false;
  return ALSO.test(q) || (FEEDBACK_THANKED.test(turn) && /\b(forward|pass|share|relay)\w* (this|it|them)\b/.test(q));
}

// "In the meantime, did you keep any photos?", "While they investigate, would you prefer a refund or a replacement?":
// a framing phrase before an inverted question. The grammar would take the phrase for the subject and the auxiliary's
// subject for the verb, so the question is read without it (the sentence itself keeps it for the other tests).
// Two may stack: "In the meantime, to expedite the process, would you…".
const LEAD_IN = new RegExp(
  '^((in the (meantime|interim)|meanwhile|additionally|in addition|also|alternatively|as an alternative|by the way|lastly|finally|' +
    'if possible|(just )?to (confirm|clarify|check)|(while|to|given|regarding|once|before|as) [^,]{1,60}), ){1,2}' +
    '(?=(would|will|could|can|do|does|did|have|has|had|is|are|was|were|may|shall|should|what|which|when|where|please|kindly|share|send|provide|upload|attach|confirm|tell|let|mention)\\b)',
);

// "One more thing: what is your alternate number?": a short label before the question.
const COLON_LEAD =
  /^[^:?]{1,40}(: | - | – )(?=(what|which|when|where|how|would|will|could|can|do|does|did|is|are|was|were|may|please|kindly)\b)/;

function sentencesOf(raw: string): Sentence[] {
  // A semicolon joins two sentences as far as who does what is concerned.
  return splitSentences(clean(raw))
    .flatMap((s) => s.split(/;\s+/))
    .map((s) => {
      const norm = normalize(s);
      const core = norm.replace(LEAD_IN, '').replace(COLON_LEAD, '');
      return { raw: s, norm, core, clauses: clausesOf(core) };
    });
}

function who(c: Clause): string {
  if (c.subject === 'we') return 'we';
  if (c.subject === 'i') return 'I';
  return c.subjectWords.join(' ') || c.subject;
}

const AUTOMATED_THING = anyPart(
  /\b(link|code|receipt|confirmation|(transaction |order |shipping )?details|summary|label|invoice|password|otp|pin|copy)\b/,
  /\b(tracking (number|link|code|info|information)|notification|voucher|coupon|statement)\b/,
);
// "…once your order ships": a time clause and an event of the order (two tests, so no gap to re-read).
const AUTOMATED_WHEN = {
  test: (obj: string) =>
    /\b(when|once|as soon as)\b/.test(obj) &&
    /\b(ship|ships|shipped|dispatched|arrives|delivered|processed|ready|available|back in stock|approved|completed|issued)\b/.test(obj),
};
// "…will contact you to schedule a convenient time for the pickup", "…will call you before arriving": the delivery or
// pickup the bot arranged going ahead, not the case taken over.
const DELIVERY_STEP = anyPart(
  /\bto (schedule|arrange|book|confirm|fix)\b.{0,30}\b(pick ?up|delivery|collection|installation|visit|slot|appointment)\b/,
  /\bto (schedule|arrange|book|fix) a (convenient |suitable )?(time|date|slot)\b/,
  /\b(before|prior to) (arriving|arrival|coming|attempting|(the |re-?)?delivery|(the )?pick ?up|(the )?collection)\b|\bbeforehand\b/,
  /\bto confirm (the |your )?(appointment|delivery|pick ?up|installation|visit|slot)\b/,
);
const DELIVERY_PEOPLE =
  /\b(courier|couriers|carrier|driver|drivers|delivery|postman|seller|sellers|warehouse|installation|technicians?|pick ?up (agent|person|partner|executive|associate)|logistics partners?)\b/;

/** "We will contact you", "our developers are looking into it", "someone will get back to you". */
function readsCommitment(c: Clause): { who: string; action: string } | null {
  if (c.negated || c.question || c.conditional || c.imperative) return null;
  const later = c.modality === 'future' || (c.progressive && !c.past) || c.modality === 'obligation';
  if (!later) return null;
  const otherParty = c.subject === 'team' || c.subject === 'someone' || c.subject === 'they';
  const verb = c.verb;
  const obj = c.object.join(' ');
  // "I'm going to write up a report for our purchasing department", "I will raise a ticket".
  if (
    (c.subject === 'i' || c.subject === 'we') &&
    c.modality !== 'obligation' &&
    PASS_ON.has(verb) &&
    (REPORT_NOUNS.test(obj) || c.object.some(isPersonNoun) || (verb === 'escalate' && ESCALATED_THING.test(obj)))
  ) {
    // "I am relaying the information provided by our technicians": the team is the source, not the receiver.
    if (!SELF_SERVICE.test(obj) && !FROM_PEOPLE.test(obj)) return { who: who(c), action: 'report' };
  }
  // "You'll hear from our customer advocacy team shortly".
  if (c.subject === 'you' && verb === 'hear' && /^from\b/.test(`${c.particle} ${obj}`.trim()) && c.object.some(isPersonNoun))
    return { who: obj.replace(/^from /, ''), action: 'contact' };
  // "Our investigation team will verify the details", "they will conduct a thorough check": a team judging the case.
  // ("They will verify it" may be the customer's bank; "they will conduct a thorough check" is a formal review.)
  const teamChecks =
    otherParty &&
    ((TEAM_CHECKS.has(verb) && c.subject !== 'they') ||
      (['conduct', 'carry', 'perform'].includes(verb) && /\b(check|investigation|review|inspection|assessment)\b/.test(obj)));
  if (teamChecks && !DELIVERY_PEOPLE.test(c.subjectWords.join(' '))) return { who: who(c), action: 'investigate' };
  if (!FOLLOW_UP.has(verb)) return null;
  // What counts as acting later: contacting the customer, or looking into the case.
  const contacts =
    ['contact', 'call', 'email', 'text', 'message', 'reach', 'notify', 'inform', 'update'].includes(verb) &&
    /\b(you|back|out)\b/.test(obj + ' ' + c.particle);
  const getsBack = (verb === 'get' || verb === 'come') && (c.particle === 'back' || /^(in touch|back)/.test(obj));
  const inTouch = (verb === 'be' || verb === 'get' || verb === 'keep') && /\bin touch\b/.test(obj);
  const looksInto =
    (verb === 'look' && (c.particle === 'into' || /^(into|at) (it|this|the|your)/.test(obj))) ||
    ['investigate', 'examine', 'review', 'assess'].includes(verb) ||
    (verb === 'have' && /\b(a )?(look|closer look)\b/.test(obj)) ||
    (verb === 'follow' && c.particle === 'up') ||
    (verb === 'work' && c.particle === 'on');
  // "Our experts will answer any question you have": what they do for everyone, not a step on this case.
  const anyone = /\b(any|all|every|anything|everything|whenever|whatever|always)\b/.test(obj);
  const takesOver =
    otherParty &&
    !anyone &&
    // "The concert will take place next Wednesday": an event, not someone taking the case.
    !(verb === 'take' && /^place\b/.test(obj)) &&
    (['handle', 'assist', 'help', 'take', 'pick', 'join', 'answer', 'resolve', 'fix', 'escalate', 'respond', 'reply'].includes(verb) ||
      (verb === 'be' && /\bwith you\b/.test(obj)));
  // "We'll email you a reset link", "we'll notify you once it ships": a message the system sends, not a person.
  if (contacts && (AUTOMATED_THING.test(obj) || AUTOMATED_WHEN.test(obj))) return null;
  // "…will notify you if there are any changes", "will reach out if further information is required": only if.
  // ("…call you tomorrow to check if it has been credited" is no condition.)
  if (contacts && /(?<!\b(check|see|confirm|know|ask|verify|out) )\b(if|in case|whenever)\b/.test(obj)) return null;
  // "…will contact you to schedule the pickup": a delivery step the bot arranged, not the case taken over.
  if (contacts && DELIVERY_STEP.test(obj)) return null;
  // "We are investigating this with the seller": the bot's own work with a delivery partner, not a handoff.
  if ((c.subject === 'i' || c.subject === 'we') && DELIVERY_PEOPLE.test(obj)) return null;
  if (contacts || getsBack || inTouch) {
    // "I will update you in a moment" is the bot itself, in this chat; "we will contact you" is later.
    if (c.subject === 'you' || c.subject === 'thing' || c.subject === 'none') return null;
    if (c.subject === 'i' && /\b(shortly|soon|moment|momentarily|minutes?)\b/.test(obj)) return null;
    // "The courier will call you before delivery": the delivery going ahead, not a person taking the case over.
    if (DELIVERY_PEOPLE.test(c.subjectWords.join(' '))) return null;
    return { who: who(c), action: 'contact' };
  }
  if (looksInto && (otherParty || c.subject === 'we')) return { who: who(c), action: 'investigate' };
  if (takesOver) return { who: who(c), action: 'take over' };
  return null;
}

// "I am relaying the information provided by our technicians": the people named are the source, not the receiver.
const FROM_PEOPLE = /\b(provided|given|supplied|reported|shared) by\b/;

/** "Your report has been submitted", "we've reported this", "I have escalated your case to our team". */
function readsPassedOn(c: Clause): { who: string } | null {
  if (c.negated || c.question || c.conditional) return null;
  // "I've asked our technical team to look into this".
  if (
    (c.subject === 'i' || c.subject === 'we') &&
    (c.perfect || c.past) &&
    (c.verb === 'ask' || c.verb === 'request') &&
    c.object.some(isPersonNoun) &&
    c.object.includes('to')
  )
    return { who: c.object.slice(0, c.object.indexOf('to')).filter(isPersonNoun).join(' ') || 'the team' };
  if (!PASS_ON.has(c.verb)) return null;
  const obj = c.object.join(' ');
  // "I have flagged your refund as urgent": the bot marking its own case, unless a person is named.
  if (c.verb === 'flag' && !c.object.some(isPersonNoun)) return null;
  const subj = c.subjectWords.join(' ');
  const done = c.perfect || c.past || c.passive || c.progressive || c.modality === 'now';
  if (!done) return null;
  // "Fraud report submitted successfully": a passive without its auxiliary.
  const reduced = c.past && !c.perfect && (c.subject === 'thing' || c.subject === 'none') && REPORT_NOUNS.test(subj);
  if (c.passive || reduced) {
    // "your order has been sent" is delivery, not a handoff: the thing passed on must be the case itself.
    if (
      ['send', 'submit', 'log', 'file', 'open', 'create', 'write', 'share', 'raise', 'report', 'tell', 'inform'].includes(c.verb) &&
      !REPORT_NOUNS.test(subj) &&
      !(c.object.some(isPersonNoun) && CASE_NOUNS.test(subj))
    )
      return null;
    if (!CASE_NOUNS.test(subj) && !c.object.some(isPersonNoun) && subj !== 'you') return null;
    return { who: c.object.filter(isPersonNoun).join(' ') || 'the team' };
  }
  if (c.subject !== 'i' && c.subject !== 'we') return null;
  if (
    ['send', 'share', 'tell', 'inform', 'write', 'open', 'create', 'log', 'file', 'submit', 'raise'].includes(c.verb) &&
    !REPORT_NOUNS.test(obj) &&
    !c.object.some(isPersonNoun)
  )
    return null;
  if (SELF_SERVICE.test(obj) && !c.object.some(isPersonNoun)) return null;
  if (FROM_PEOPLE.test(obj)) return null;
  return { who: c.object.filter(isPersonNoun).join(' ') || 'the team' };
}

/** "A human agent has joined the conversation", "a specialist is taking over": a person is here now. */
function readsPersonJoined(c: Clause): { who: string } | null {
  if (c.negated || c.question || c.conditional || c.imperative) return null;
  if (!(c.subject === 'team' || c.subject === 'someone') || !c.subjectWords.some(isPersonNoun)) return null;
  const now = c.perfect || (c.progressive && !c.past) || c.modality === 'now' || (c.past && !c.passive);
  const joins =
    c.verb === 'join' || ((c.verb === 'take' || c.verb === 'pick') && /^(over|up)\b/.test(`${c.particle} ${c.object.join(' ')}`.trim()));
  return now && joins ? { who: c.subjectWords.join(' ') } : null;
}

/** Whom a contact verb reaches: the words after it, up to a purpose ("…your bank to verify this" → "your bank"). */
const CONTACT_WHOM = new RegExp(`\\b${GO_TO} (with |to )?`);
function contactTarget(obj: string): string | null {
  const m = CONTACT_WHOM.exec(obj);
  if (!m) return null;
  return obj.slice(m.index + m[0].length).split(/ (to|and|so|about|regarding|for|if|whether|as) /)[0];
}

/** "Please call our baggage team", "you can reach us at 555-0100", "DM us your order number". */
function readsRedirect(clause: Clause, sentence: string): { channel: string } | null {
  if (clause.negated || clause.conditional || /\b(feel free|do not hesitate)\b/.test(sentence)) return null;
  // "If you have questions, contact us" is an open door; "you can contact your bank if you want it sooner" is not.
  const ifAt = sentence.search(/\b(if you|in case)\b/);
  if (ifAt >= 0 && ifAt < Math.max(0, sentence.search(CONTACT_WHOM))) return null;
  let c = clause;
  // "You may want to contact your bank": the wish carries the verb that matters.
  if (
    ['want', 'need', 'try', 'wish'].includes(c.verb) &&
    c.object[0] === 'to' &&
    (CONTACT_VERBS.has(c.object[1] ?? '') || c.object[1] === 'give')
  )
    c = { ...c, verb: c.object[1], particle: '', object: c.object.slice(2) };
  // "Try calling them on 01223 356354".
  const tried = c.verb === 'try' ? CONTACTING[c.object[0] ?? ''] : undefined;
  if (tried) c = { ...c, verb: tried, particle: '', object: c.object.slice(1) };
  // "You might want to give them a call at …": the call is the verb.
  const aCall =
    c.verb === 'give' ? /^((them|us|him|her|the \w+( \w+)?) )a (quick )?(call|ring|buzz)\b ?(.*)$/.exec(c.object.join(' ')) : null;
  if (aCall) c = { ...c, verb: 'call', particle: '', object: `${aCall[2]} ${aCall[6]}`.trim().split(' ') };
  // "The best course of action is to contact your bank directly", "the best option may be to call them".
  if (c.verb === 'be' && /\b(best|better|advisable|quickest|fastest)\b/.test(c.subjectWords.join(' ')) && c.object[0] === 'to') {
    const whom = contactTarget(c.object.slice(1).join(' '));
    if (whom && CHANNEL.test(whom) && !SELF_SERVICE.test(whom)) return { channel: whom };
  }
  const toYou =
    c.imperative ||
    (c.subject === 'you' && (c.modality === 'ability' || c.modality === 'hedge' || c.modality === 'obligation' || c.modality === 'future'));
  const whereTo = `${c.particle} ${c.object.join(' ')}`;
  // "Take the device to an authorised service centre": a place where people will do what the bot cannot.
  if (toYou && !c.question && (c.verb === 'take' || c.verb === 'bring') && PLACE_TO.test(whereTo)) return { channel: whereTo.trim() };
  // "I'd recommend speaking with your bank about this charge".
  if (
    (c.subject === 'i' || c.subject === 'we') &&
    !c.negated &&
    !c.question &&
    ADVISE_VERBS.has(c.verb) &&
    ADVISED_CONTACT.test(c.object.join(' ')) &&
    CHANNEL.test(whereTo)
  ) {
    // Only whom to contact is judged: "…your bank about blocks on online payments" is not a web page.
    const whom = contactTarget(c.object.join(' ')) ?? whereTo;
    if (!SELF_SERVICE.test(whom)) return { channel: whereTo.trim() };
  }
  if (c.verb === 'be' && !c.question && BEST_TO.test(c.object.join(' '))) {
    // Only whom to contact is judged: "…your bank to check for blocks on online payments" is not a web page.
    const whom = contactTarget(c.object.join(' '));
    if (whom && CHANNEL.test(whom) && !SELF_SERVICE.test(whom)) return { channel: whom };
  }
  if (!toYou || !CONTACT_VERBS.has(c.verb)) return null;
  // "Did you call us?" asks what happened; "could you contact your bank?" is a polite request.
  if (c.question && c.subject === 'you' && !c.imperative && c.modality !== 'ability' && c.modality !== 'hedge') return null;
  const obj = `${c.particle} ${c.object.join(' ')}`;
  if (c.verb === 'get' && !/\bin touch\b/.test(obj)) return null;
  if ((c.verb === 'go' || c.verb === 'head' || c.verb === 'visit') && !/\b(stores?|branch(es)?|offices?|counter|desk|bank)\b/.test(obj))
    return null;
  if (
    (c.verb === 'send' || c.verb === 'message' || c.verb === 'write') &&
    !/\b(us|dm|direct message|private message|team|email)\b/.test(obj)
  )
    return null;
  // "Would you be willing to send the watch back to us for assessment?": the item comes back here, a return.
  if (c.verb === 'send' && /^\s*(it|them|this|that|the|your)\b.{0,40}\b(back|to us)\b/.test(obj)) return null;
  // "Send us photos of the damage": details asked for here, not a channel to go to.
  if (
    !SEND_A_MESSAGE.test(obj) &&
    ['send', 'email', 'upload', 'dm', 'message', 'text', 'whatsapp'].includes(c.verb) &&
    (DETAIL_NOUN.test(obj) ||
      // What DETAIL_NOUN does not list already.
      /\b(pics?|copies|evidence|invoices|statements|recordings?)\b/.test(obj))
  )
    return null;
  // "You would have to ask them": the people the customer asked about.
  if (c.verb === 'ask' && !c.object.some(isPersonNoun) && c.object[0] !== 'them') return null;
  // "You will need to call for their entry fee", "you could try calling to get the fee": whom is understood.
  const forWhatTheBotLacks =
    ['call', 'phone', 'ring'].includes(c.verb) && /^\s*(for|to (get|ask|find out|check|confirm|learn))\b/.test(obj);
  if (!CHANNEL.test(obj) && !c.object.some(isPersonNoun) && !forWhatTheBotLacks) return null;
  // "Please contact us again after 3 days if…", "you can contact us at any time", "kindly reach out if the bank…": the
  // same support's door left open, not the customer sent elsewhere.
  if (/^\s*(us|out)\b/.test(obj) && /\b(again|any ?time|whenever|if|should|in case)\b/.test(obj)) return null;
  if (SELF_SERVICE.test(obj) && !/\b(us|them|team|number|phone|store|branch|dm)\b/.test(obj)) return null;
  // "an email to our billing team" → "our billing team".
  return { channel: obj.replace(SEND_A_MESSAGE_ANY, '').trim() };
}

const NOT = "(not|n't|nt)";
const BOT_LIMIT: [RegExp, 'information' | 'access' | 'capability'][] = [
  [
    new RegExp(
      `\\b(information|info|details?|data)( \\w+){0,3} (is|are) ?(${NOT} available|unavailable) (to (me|us)|in (my|our) (system|records|database))\\b`,
    ),
    'information',
  ],
  [new RegExp(`\\b(my|our) (system|records|database|tools?) (does|do) ?${NOT} (have|show|list|contain|include)\\b`), 'information'],
  [/\b(i|we) have no (way|means) (of|to)\b/, 'access'],
  [new RegExp(`\\b(that|this) is ?${NOT} something (i|we) (can|am able to|are able to)\\b`), 'capability'],
  // "Our system doesn't allow me to book that", "there is no information about that in my database", "that
  // information is not listed", "I'm not sure whether they have parking".
  [new RegExp(`\\b(system|tool|tools) (does|do) ?${NOT} (allow|let|permit) (me|us)\\b`), 'capability'],
  [/\bno (information|info|data|details|record|listing) (about|on|for|regarding) (that|this|it)\b/, 'information'],
  [/\bno (information|info|data|details|record|listing)\b.{0,40}\b(in|on) (my|our) (database|system|records|list)\b/, 'information'],
  [new RegExp(`\\b(that|this|the) (information|info|detail|details) (is|are) ?${NOT} (listed|available|provided|shown)\\b`), 'information'],
  // ("I'm not sure if you mean a hotel or a guesthouse" is a question back, not a fact the bot lacks.)
  [new RegExp(`\\b(i am|i'm|i m|im) ?${NOT} (sure|certain) (if|whether|about|of) (?!you\\b)`), 'information'],
  // "There is no entrance fee listed", "the opening hours are not listed".
  [/\bno (\w+ )?(fee|price|cost|information|info|details|number|rating|hours|times?) (is )?listed\b/, 'information'],
  [new RegExp(`\\b(fee|price|cost|information|info|details|number|rating|hours|times?) (is|are) ?${NOT} listed\\b`), 'information'],
];
const OTHERS_CAN_HELP =
  /\b(they|who)( \w+){0,2} (should|can|could|will|would|may|might) (be able to )?(help|assist|advise|answer|tell|sort)\b/;
const REACH_THEM = /\d{5}|\d{3}[ -]\d{3}|\b(their|the) (phone )?number\b/;
const A_MESSAGE_TO = /an? (e-?mail|mail|message|note|letter) (to|at) /;
const SEND_A_MESSAGE_ANY = new RegExp(`^\\s*${A_MESSAGE_TO.source}`);
const CONTACTING: Record<string, string> = { calling: 'call', phoning: 'phone', ringing: 'ring', contacting: 'contact', emailing: 'email' };

/** "I don't have access to that", "I'm not able to help with this", "that is beyond what I can do". */
function readsCannotHelp(c: Clause): { lacks: 'information' | 'access' | 'capability' | 'understanding' } | null {
  if (c.conditional || c.question || (c.subject !== 'i' && c.subject !== 'we')) return null;
  const obj = c.object.join(' ');
  if (c.negated && (c.verb === 'have' || c.verb === 'possess') && LACK_OBJECTS.test(obj))
    return {
      lacks: /\baccess|visibility\b/.test(obj) ? 'access' : /\binformation|details|record/.test(obj) ? 'information' : 'capability',
    };
  if (!c.negated) return null;
  // "I don't know whether they have wifi", "we don't know what their prices are": a fact the bot lacks ("I don't know
  // what you mean" is not understanding the customer).
  if (c.verb === 'know' && /^(whether|if|where|when|which|what (their|the|its)|how (much|many|long|far|often)|(their|its) \w)/.test(obj))
    return { lacks: 'information' };
  if (c.verb === 'understand' || (c.verb === 'know' && /\b(how|what|the answer)\b/.test(obj))) return { lacks: 'understanding' };
  // "I'm sorry I couldn't be of more service": a goodbye after the case was settled, not a limit now.
  if (c.verb === 'be' && /^of (more|much|any|further|greater) (help|service|assistance|use)\b/.test(obj)) return null;
  if (c.modality !== 'ability' && !(c.verb === 'be' && /^(able|authori[sz]ed|allowed|equipped|permitted)\b/.test(obj))) return null;
  if (!HELP_VERBS.has(c.verb) && c.verb !== 'be') return null;
  // "we cannot accept the return" is a policy answer; "I cannot see your address" is the bot's limit.
  if (
    c.subject === 'we' &&
    !['help', 'assist', 'access', 'see', 'view', 'find', 'locate', 'answer', 'handle', 'understand'].includes(c.verb)
  )
    return null;
  return {
    lacks: ['access', 'see', 'view', 'retrieve', 'pull'].includes(c.verb)
      ? 'access'
      : ['find', 'locate', 'authenticate', 'verify'].includes(c.verb)
        ? 'information'
        : 'capability',
  };
}

// Details a bot asks for, in two lists: who the customer is, and what the case is.
const ITEMS_WHO =
  /\b(full name|name|account (?:number|id)|order (?:number|id)|user ?name|username|e-?mail(?: address)?|phone(?: number)?|(?:detailed )?\w* ?report)\b/g;
const ITEMS_WHAT =
  /\b((?:shipping |billing )?address|date of birth|pin|password|zip ?code|postcode|booking (?:id|number|reference)|reference(?: number)?)\b/g;
const ITEMS_MORE =
  /\b(screenshot|photo(?:graph)?s?|pictures?|images?|videos?|invoice|membership level|mother's maiden name|maiden name|security question|device|model|version|reason|location|time|date)\b/g;

// Payment and parcel references: "the UTR number", "your UPI ID", "the transaction ID", "a copy of the bank statement".
const ITEMS_REFS = /\b((?:utr|upi|ifsc|arn|transaction|tracking|serial) (?:number|id|code)|utr|upi id|bank statement|receipt)\b/g;

/** The items a sentence names, in order; where two lists match overlapping words, the longer match at the earlier start wins. */
function itemsIn(sentence: string): string[] {
  const found = [ITEMS_WHO, ITEMS_WHAT, ITEMS_MORE, ITEMS_REFS]
    .flatMap((re) => [...sentence.matchAll(re)].map((m) => ({ at: m.index, end: m.index + m[0].length, text: m[1] })))
    .sort((a, b) => a.at - b.at || b.end - a.end);
  const out: string[] = [];
  let end = -1;
  for (const f of found) {
    if (f.at < end) continue;
    out.push(f.text);
    end = f.end;
  }
  return out;
}

// "Please send an email to our billing team at …": the customer is sent to a channel, no detail is asked for
// (the object of the clause, or the whole sentence).
const SEND_A_MESSAGE = new RegExp(`${SEND_A_MESSAGE_ANY.source}(?!us\\b)`);
const SENDS_A_MESSAGE = new RegExp(`\\b(send|write|drop|shoot) ${A_MESSAGE_TO.source}(?!us\\b)`);

/** "Could you provide your date of birth?", "May I have your name?", "What is your order number?". */
function readsDetailRequest(c: Clause, sentence: string): string[] | null {
  if (c.conditional || ASKS_LEAVE.test(sentence)) return null;
  const obj = c.object.join(' ');
  if (['send', 'write', 'drop', 'shoot'].includes(c.verb) && SEND_A_MESSAGE.test(obj)) return null;
  const asks =
    (c.subject === 'you' && (c.question || c.imperative) && (ASK_VERBS.has(c.verb) || (DROP_VERBS.has(c.verb) && DETAIL_NOUN.test(obj)))) ||
    ((c.subject === 'i' || c.subject === 'we') && c.question && ['have', 'get', 'ask', 'know', 'see'].includes(c.verb)) ||
    // "May we request the date of the purchase attempt?" (not "Can I request a callback for you?": no detail named).
    ((c.subject === 'i' || c.subject === 'we') && c.question && c.verb === 'request' && DETAIL_NOUN.test(obj)) ||
    // "May I confirm the email on your account?": the customer is to give it.
    (c.subject === 'i' && c.question && ['confirm', 'verify'].includes(c.verb) && DETAIL_NOUN.test(obj)) ||
    ((c.subject === 'i' || c.subject === 'we') && !c.negated && ['need', 'require'].includes(c.verb) && DETAIL_NOUN.test(obj)) ||
    /^(what|which) (is|was|are) (your|the) /.test(sentence) ||
    // "Account number and pin", "And your date of birth?": a bare list of details.
    (!c.subject.match(/^(i|we)$/) &&
      // "Please monitor your email closely" is an instruction, not a list of details.
      (!c.verb || ASK_VERBS.has(c.verb) || c.verb === 'be') &&
      DETAIL_NOUN.test(sentence) &&
      // "Your bank account number and IFSC code, please."
      sentence.split(' ').length <= (/\bplease[.!]?$/.test(sentence) ? 10 : 7) &&
      !/\b(is|are|was|has|have)\b/.test(sentence) &&
      (c.question ||
        c.imperative ||
        /\bplease\b/.test(sentence) ||
        /^(\w+ )?(and )?(your|account|full|date|phone|email|order|pin)\b/.test(sentence)));
  if (!asks) return null;
  if (c.subject === 'you' && c.verb === 'let' && !/\b(know|me)\b/.test(obj)) return null;
  const items: string[] = [];
  for (const m of itemsIn(sentence)) {
    const item = m.replace(/^(detailed )/, '').trim();
    if (!items.includes(item)) items.push(item);
  }
  if (items.length) return items;
  if (DETAIL_NOUN.test(obj) || /\b(details|information|more)\b/.test(sentence)) return ['details of the issue'];
  // "Please elaborate on the issue", "describe what happened".
  if (c.subject === 'you' && ['elaborate', 'describe', 'explain'].includes(c.verb)) return ['details of the issue'];
  // "Please explain what happened", "please confirm whether the seal was intact": a question put as a request.
  return c.subject === 'you' && /^(what|when|where|which|how|why|whether|if)\b/.test(obj) ? [UNNAMED_ANSWER] : null;
}

// "It has been transferred successfully and will reflect on their account soon": money moved between accounts, a
// payment the bot made, not the conversation handed on. Only when no person or team is named as the receiver.
const MONEY = /\b(account|balance|funds?|money|payment|amount|credited|deposit(ed)?|wallet|dollars|bucks|euros?)\b|\$ ?\d/;
const RECEIVER =
  /\b(team|department|dept|agents?|specialists?|colleagues?|human|person|representative|manager|supervisor|support|service|staff|desk)\b/;
// "I am escalating this with our delivery partner", "I have requested the courier to call you": the bot working the
// case with the company's own delivery partners, not a person taking it over; only when no team or agent is named.
const PARTNER = /\b(delivery partners?|courier( service)?|carrier|seller)\b/;
function withPartnerOnly(q: string): boolean {
  return PARTNER.test(q) && !RECEIVER.test(q.replace(/\bcourier service\b/, 'courier'));
}
// "Let me check with our logistics team", "let me connect with the returns team to get an update": the bot asking a
// colleague for what it needs to answer in this chat; "…and get back to you within the hour" (a follow-up later),
// "…connect you with…" and going up the line to a supervisor are handoffs.
const OWN_CHECK =
  /\b(let me|let us|i will|i'll|we will|we'll) (quickly |just |now )?(check|confer|consult|connect|coordinate|liaise|speak|talk) with (our|the|my) (?!.*\b(supervisor|manager|senior|specialist)\b)/;

function ownCheck(q: string): boolean {
  return OWN_CHECK.test(q) && !/\b(get back to|(update|contact|call|email|reach) you|in touch)\b/.test(q);
}

function movesMoney(q: string): boolean {
  return /\b(transferr?(ed|ing)?|sent|moved|wired)\b/.test(q) && MONEY.test(q) && !RECEIVER.test(q);
}

const DO_IT_YOURSELF =
  /\byou (can|could|may) (usually |also |easily )?(check|view|see|find|track|enable|disable|change|update|manage|set|adjust|download)\b/;
const SELF_SERVICE_PLACE = /\b(app|portal|website|site|account|settings|net ?banking|online|page|section)\b/;
const TRY_ANOTHER =
  /\b(would you (like|want) (me )?to (try|broaden|change|search)|would you like (a|an) (different|other)|can (we|i) try|shall (we|i) try|how about (a|an|another|trying))\b|\bi do (however )?have\b/;
const SELF_SERVED = { test: (q: string) => DO_IT_YOURSELF.test(q) && SELF_SERVICE_PLACE.test(q) };
const AS_AN_ALTERNATIVE = /^(alternatively|or|otherwise)\b|\byou (can|could|may) also\b/;

const memo = new Map<string, BotAct[]>();

/** Every act of one bot or agent message (memoised: bots repeat their templates). */
export function readBotTurn(raw: string): BotAct[] {
  const hit = memo.get(raw);
  if (hit) return hit;
  const acts = readUncached(raw);
  if (memo.size > 10_000) memo.clear();
  memo.set(raw, acts);
  return acts;
}

function readUncached(raw: string): BotAct[] {
  const acts: BotAct[] = [];
  const sents = sentencesOf(raw);
  const turn = normalize(raw);
  const add = (a: BotAct) => {
    if (!acts.some((x) => x.kind === a.kind && x.quote === a.quote)) acts.push(a);
  };
  // The phrase patterns first: transfers and offers in five languages, detail requests "so that a person can help".
  const legacy = analyseBotMessage(raw);
  if (legacy) {
    const quote = originalQuote(raw, legacy.quote);
    const q = normalize(quote);
    const inability =
      legacy.kind === 'handoff' &&
      /\b(not|unable|cannot|can't|don't|beyond|outside)\b/i.test(quote) &&
      !/\b(connect|transfer|escalat|forward|pass(ed|ing)? (it |this )?(on|to|along)|hand(ed|ing)? (it |this )?(off|over))/i.test(quote);
    // "As per our policy, we cannot refund…" is an answer; "while I cannot…, I am…" goes on to what the bot does.
    const answered =
      inability &&
      (/\bpolic(y|ies)\b/.test(q) ||
        /^while\b/.test(q) ||
        // "Without it, we are unable to verify the damage": what the bot needs, not what it cannot do.
        /^(without|unless)\b/.test(q) ||
        // "I have contacted the shipping department and they have confirmed that it is not available": a finding.
        /\b(they|who|the \w+ (team|department)) (have |has |had )?(confirmed|informed|advised|told|said|stated)\b/.test(q) ||
        // "We are unable to expedite the refund": what the company does not do, not the bot lacking a person.
        /\bwe (are |were )?(unable to|not able to|cannot|can not|can't) (expedite|refund|accept|offer|process|guarantee|waive|extend|deliver|ship|change)\b/.test(
          q,
        ));
    // "I have contacted our inventory team", "I have also flagged this to our logistics team for future orders": the bot's
    // own step or a note while it resolves the case itself, not the case handed on.
    const passesOn = !inability || /\b(flagged|reported|shared|notified|informed|raised|escalat\w*|forwarded)\b/.test(q);
    const ownStep =
      passesOn &&
      (passedOnAsNote(q, turn) ||
        DELIVERY_STEP.test(q) ||
        /\b(i|we) (have |had )?(now |just |already |also )?(contacted|messaged)\b/.test(q));
    if (legacy.kind === 'handoff' && !answered && !ownStep && !movesMoney(q)) {
      add(
        inability
          ? {
              kind: 'cannot_help',
              confidence: legacy.confidence,
              quote,
              lacks: /\baccess\b/i.test(quote) ? 'access' : /\b(information|details)\b/i.test(quote) ? 'information' : 'capability',
            }
          : // "Before escalating this to a manager, may I first look into it?": the escalation has not happened.
            BEFORE_HANDOFF.test(normalize(quote))
            ? { kind: 'may_need_review', confidence: 0.5, quote, forHandoff: true }
            : { kind: 'transfers_now', confidence: legacy.confidence, quote },
      );
    }
    // "I have escalated this to our finance team. Kindly share the screenshot": the handoff sentence won the
    // message-level reading, but the request for details beside it still stands.
    const asked = legacy.alsoAsks;
    if (asked && asked.quote !== legacy.quote) {
      const aq = normalize(originalQuote(raw, asked.quote));
      // "…we will require a signature upon delivery" asks for something later, at the door.
      const atDelivery = /\b(upon|on|at|during) (the time of )?(delivery|arrival|pick ?up|collection)\b/.test(aq);
      if (!HYPOTHETICAL.test(aq) && !CLOSING.test(aq) && !ASKS_LEAVE.test(aq) && !WAITING.test(aq) && !atDelivery && !COME_BACK_IF.test(aq))
        add({ kind: 'asks_details', confidence: asked.confidence, quote: originalQuote(raw, asked.quote), what: asked.missing });
    }
    if (legacy.kind === 'collecting') {
      // "If it takes longer, please send the statement and we will escalate": asked only if something happens.
      // "Please let me know if there is anything else I can assist you with" closes; it asks for nothing.
      // "Please share this with your bank" is what to take elsewhere, read as a redirect below.
      // "Please send an email to our billing team": the "email" is the channel, not a detail asked for.
      const onlyTheChannel = SENDS_A_MESSAGE.test(q) && (legacy.missing ?? []).every((m) => /\b(e-?mail|message)\b/.test(m));
      if (
        (!HYPOTHETICAL.test(q) || AFTER_CUSTOMER_GIVES.test(q)) &&
        !CLOSING.test(q) &&
        !TAKE_IT_TO_NOW.test(q) &&
        !COME_BACK_IF.test(q) &&
        !onlyTheChannel
      )
        add({
          kind: 'asks_details',
          confidence: legacy.confidence,
          quote,
          what: legacy.missing,
          forHandoff: legacy.handoffContext || FOR_HANDOFF.test(q),
        });
    } else if (legacy.kind === 'offer') add({ kind: 'offers_transfer', confidence: legacy.confidence, quote });
    else if (legacy.kind === 'vague')
      add({ kind: 'may_need_review', confidence: legacy.confidence, quote, forHandoff: legacy.handoffContext });
    else if (legacy.kind === 'fallback')
      add({ kind: 'cannot_help', confidence: legacy.confidence, quote, lacks: 'understanding', retrying: legacy.retrying });
  }
  let mitigated = false;
  let hypothetical = false;
  for (const s of sents) {
    // "If it does not arrive, please contact us. We will then escalate it": the follow-on of a hypothetical.
    const followsIf = hypothetical && /^((we|i) (will|would|can|shall) then|then)\b/.test(s.norm);
    hypothetical = HYPOTHETICAL.test(s.norm);
    if (followsIf) continue;
    // "If your bank confirms the debit, please provide me with a screenshot and I will escalate this": the customer is
    // to check and send something first; the handoff waits on it (unlike "if it has not arrived by Friday, let us know").
    // "If it takes longer, please provide…" waits on time, not on the customer: a door left open.
    if (
      hypothetical &&
      SENDS_THEN_HANDOFF.test(s.norm.slice(s.norm.indexOf(',') + 1).trim()) &&
      SHOWABLE.test(s.norm) &&
      !/\b(not|n't|still|again|longer|later|within|after|by|beyond|exceeds?)\b/.test(s.norm.split(',')[0])
    ) {
      const what = itemsIn(s.norm);
      add({ kind: 'asks_details', confidence: 0.7, quote: s.raw, what: what.length ? what : ['details of the issue'], forHandoff: true });
      continue;
    }
    // "Once you share the photos, I will escalate this": the handoff waits on details from the customer.
    if (AFTER_CUSTOMER_GIVES.test(s.norm) && HANDOFF_WORD.test(s.norm)) {
      const what = itemsIn(s.norm);
      add({ kind: 'asks_details', confidence: 0.7, quote: s.raw, what: what.length ? what : ['details of the issue'], forHandoff: true });
      continue;
    }
    // "When you contact your bank, please tell them…": the contact is taken for granted, so it is a redirect.
    // "…a reference that you can share with your bank": the customer is to take it to people elsewhere.
    if (TAKE_IT_TO.test(s.norm) || TAKE_IT_TO_NOW.test(s.norm)) {
      add({ kind: 'redirects', confidence: 0.65, quote: s.raw, who: "the customer's bank or seller" });
      continue;
    }
    if (BROUGHT_IN.test(s.norm) && !s.norm.endsWith('?') && !DELIVERY_PEOPLE.test(s.norm) && !hypothetical && !CONDITION.test(s.norm)) {
      add({ kind: 'transfers_now', confidence: 0.8, quote: s.raw });
      continue;
    }
    // "I have made a note to ensure the investigations team contacts you directly": a team committed through the bot.
    const ensured = ENSURES_CONTACT.exec(s.norm);
    if (ensured && !DELIVERY_PEOPLE.test(ensured[0]) && !DELIVERY_STEP.test(s.norm) && !HYPOTHETICAL.test(s.norm)) {
      add({ kind: 'commits_future', confidence: 0.8, quote: s.raw, who: ensured[3], action: 'contact' });
      continue;
    }
    // "That information isn't available to me", "our system does not show the entrance fee": the bot's limit said
    // without "I cannot".
    const limit = BOT_LIMIT.find(([re]) => re.test(s.norm));
    if (limit && !hypothetical && !CONDITION.test(s.norm)) {
      add({ kind: 'cannot_help', confidence: 0.75, quote: s.raw, lacks: limit[1] });
      continue;
    }
    // "The number for the police is 01223 358966, they should be able to help you": people elsewhere, and how to reach them.
    if (OTHERS_CAN_HELP.test(s.norm) && REACH_THEM.test(s.norm) && !hypothetical && !CONDITION.test(s.norm)) {
      add({ kind: 'redirects', confidence: 0.65, quote: s.raw, who: 'the people named' });
      continue;
    }
    // "When you contact Axis Bank, please provide this number" (a name, not only "your bank").
    const whenYou = /^when you (contact|call|speak (to|with)|reach out to|get in touch with|visit) (?!us\b)((your|the) )?/.exec(s.norm);
    if (whenYou && CHANNEL.test(s.norm.slice(whenYou[0].length).split(',')[0])) {
      add({ kind: 'redirects', confidence: 0.65, quote: s.raw, who: s.norm.slice(whenYou[0].length).split(',')[0] });
      continue;
    }
    if (
      (asksWithoutVerb(s.core) ||
        RECALLS.test(s.norm) ||
        (!HYPOTHETICAL.test(s.norm) &&
          (POLITE_ASK.test(s.norm) || ASKS_FIRST.test(s.norm) || ASKS_TOO.test(s.norm) || wantsDetail(s.norm) || othersNeed(s.norm)))) &&
      !OPEN_OFFER.test(s.core) &&
      (!CLOSING.test(s.norm) || RECALLS.test(s.norm)) &&
      !ASKS_LEAVE.test(s.norm)
    ) {
      const what = itemsIn(s.norm);
      add({ kind: 'asks_details', confidence: 0.6, quote: s.raw, what: what.length ? what : [UNNAMED_ANSWER] });
    }
    if (CONDITIONAL.test(` ${s.norm}`) && !/[.!]\s*$/.test(s.norm.split(/\bif\b/)[0] ?? '')) {
      // "If you notice unfamiliar charges, we will investigate": a hypothetical, not what is happening.
      if (/^(if|once|when|should|in case|unless)\b/.test(s.norm)) continue;
    }
    // "In the unlikely event that it happens again, please contact us and we will escalate": not happening now.
    if (/^in the (unlikely |rare )?event\b/.test(s.norm)) continue;
    if (CLOSING.test(s.norm)) add({ kind: 'closes', confidence: 0.8, quote: s.raw });
    else if (WAITING.test(s.norm) && s.norm.split(' ').length <= 8) add({ kind: 'waits', confidence: 0.7, quote: s.raw });
    for (const c of s.clauses) {
      const commit = readsCommitment(c);
      if (commit) {
        add({
          kind: 'commits_future',
          confidence: commit.action === 'contact' || commit.action === 'report' ? 0.85 : 0.75,
          quote: s.raw,
          who: commit.who,
          action: commit.action,
        });
        continue;
      }
      const joined = readsPersonJoined(c);
      if (joined) {
        add({ kind: 'transfers_now', confidence: 0.85, quote: s.raw, who: joined.who });
        continue;
      }
      const passed = readsPassedOn(c);
      if (passed && !(passed.who === 'the team' && movesMoney(s.norm))) {
        add({ kind: 'transfers_now', confidence: 0.85, quote: s.raw, who: passed.who });
        continue;
      }
      const redirect = readsRedirect(c, s.norm);
      if (redirect) {
        add({
          kind: 'redirects',
          confidence: /\b(us|our|team|department|support|service)\b/.test(redirect.channel) ? 0.8 : 0.65,
          quote: s.raw,
          who: redirect.channel,
        });
        continue;
      }
      // "Without it, we are unable to verify the damage": what the bot needs, not what it cannot do.
      // "Without it, …" and "I can't book a taxi without this information": what the bot needs, not what it cannot do.
      const cannot = /^(without|unless)\b|\bwithout (this|that|the|your|more|some|further|additional) (information|info|details)\b/.test(
        s.norm,
      )
        ? null
        : readsCannotHelp(c);
      if (cannot) {
        add({ kind: 'cannot_help', confidence: cannot.lacks === 'understanding' ? 0.6 : 0.75, quote: s.raw, lacks: cannot.lacks });
        continue;
      }
      // "I can escalate this to our sourcing team": a transfer the bot offers, not one it made (waits for a yes).
      if (
        (c.subject === 'i' || c.subject === 'we') &&
        c.modality === 'ability' &&
        !c.negated &&
        !c.question &&
        ['escalate', 'transfer', 'forward', 'refer', 'connect'].includes(c.verb) &&
        (c.object.some(isPersonNoun) || c.verb === 'escalate')
      )
        add({ kind: 'offers_transfer', confidence: 0.6, quote: s.raw });
      // "…but I can assign you a new one": the bot still helps.
      if (
        (c.subject === 'i' || c.subject === 'we' || c.subject === 'you') &&
        c.modality === 'ability' &&
        !c.negated &&
        !c.question &&
        c.verb &&
        c.verb !== 'be'
      )
        mitigated = true;
      // "…though I'd be happy to help if you'd like to order a coffee": an offer of what the bot can do.
      if (
        (c.subject === 'i' || c.subject === 'we') &&
        !c.negated &&
        !c.question &&
        c.verb === 'be' &&
        /\b(happy|glad|able|pleased) to (help|assist)\b/.test(c.tokens.join(' '))
      )
        mitigated = true;
      const what = readsDetailRequest(c, s.norm);
      if (what) {
        const prior = acts.find((a) => a.kind === 'asks_details');
        // "To escalate this I need the photos": the details are for the handoff.
        const forHandoff = FOR_HANDOFF.test(s.norm) || undefined;
        // One request for details per message; the grammar's items are more precise than the patterns'.
        // A bare "answer to the question" names nothing, so it never replaces what the patterns found.
        if (prior && what.every((w) => w === UNNAMED_ANSWER)) {
          if (forHandoff) prior.forHandoff = true;
        } else if (prior) {
          prior.what =
            prior.quote === s.raw || prior.what?.every((w) => w === 'details of the issue')
              ? [...new Set(what)]
              : [...new Set([...(prior.what ?? []), ...what])];
          if (forHandoff) prior.forHandoff = true;
        } else add({ kind: 'asks_details', confidence: 0.7, quote: s.raw, what, forHandoff });
      }
      // Any other question to the customer ("What apartment are you interested in?") waits for an answer;
      // "would you like to share your number?" asks for a detail, "will you allow me some time?" asks for none.
      else if (
        c.question &&
        c.subject === 'you' &&
        (!/\b(would|do|did) you (like|want|wish|prefer|need)\b|\bshall i\b/.test(s.norm) ||
          WOULD_YOU_SHARE.test(s.norm) ||
          CHOICE.test(s.norm)) &&
        !ASKS_LEAVE.test(s.norm) &&
        !CLOSING.test(s.norm) &&
        !acts.some((a) => a.kind === 'offers_transfer')
      )
        add({ kind: 'asks_details', confidence: 0.6, quote: s.raw, what: [UNNAMED_ANSWER] });
      else if (
        c.subject === 'i' &&
        (c.modality === 'now' || c.modality === 'future') &&
        ['check', 'see', 'look', 'find', 'verify', 'confirm', 'search', 'pull'].includes(c.verb)
      )
        add({ kind: 'waits', confidence: 0.7, quote: s.raw });
    }
  }
  // A transfer announced and then put to the customer ("…would you like me to proceed with this escalation?") is offered.
  const goAhead = sents.find((s) => ASKS_GO_AHEAD.test(s.core));
  if (goAhead && acts.some((a) => a.kind === 'transfers_now' || a.kind === 'commits_future')) {
    for (let i = acts.length - 1; i >= 0; i--) if (acts[i].kind === 'transfers_now' || acts[i].kind === 'commits_future') acts.splice(i, 1);
    add({ kind: 'offers_transfer', confidence: 0.6, quote: goAhead.raw });
  }
  let out = acts.filter(
    (a) =>
      !((a.kind === 'transfers_now' || a.kind === 'commits_future') && a.action !== 'contact' && passedOnAsNote(normalize(a.quote), turn)),
  );
  out = out.filter(
    (a) =>
      !(
        (a.kind === 'transfers_now' || a.kind === 'commits_future') &&
        (withPartnerOnly(normalize(a.quote)) || ownCheck(normalize(a.quote)))
      ),
  );
  if (mitigated) out = out.filter((a) => !(a.kind === 'cannot_help' && a.lacks !== 'understanding'));
  // "I'm not able to reserve that hotel for 3 nights. Would you like to try another hotel?": the bot goes on helping
  // with another way it can do itself (a fact it lacks is still lacking).
  if (sents.some((s) => TRY_ANOTHER.test(s.norm))) out = out.filter((a) => !(a.kind === 'cannot_help' && a.lacks === 'capability'));
  out = out.filter((a) => !(a.kind === 'cannot_help' && a.lacks !== 'understanding' && TRANSACTION_RESULT.test(normalize(a.quote))));
  // A detail request that names a transfer as its purpose is collecting for the handoff, not the handoff itself.
  if (out.some((a) => a.kind === 'asks_details' && a.forHandoff) && out.some((a) => a.kind === 'transfers_now')) {
    if (legacy?.kind === 'collecting') out = out.filter((a) => a.kind !== 'transfers_now' && a.kind !== 'commits_future');
  }
  // "I will escalate this immediately. Could you provide images of the damage?": the details are for the escalation,
  // whether or not a team is named.
  if (
    sents.some(
      (s) => ESCALATION_TALK.test(s.norm) && !NOT_ESCALATING.test(s.norm) && !HYPOTHETICAL.test(s.norm) && !FOR_FUTURE.test(s.norm),
    )
  )
    for (const a of out) if (a.kind === 'asks_details') a.forHandoff = true;
  // "…, and if you encounter any discrepancies, please contact us, and we will investigate further": read whole, it is
  // a door left open (the sentence still counts for the bot's own offers in it).
  out = out.filter((a) => !((a.kind === 'transfers_now' || a.kind === 'commits_future') && IF_YOU_COME_BACK.test(normalize(a.quote))));
  // "You can check it through your bank's app. Alternatively, you can contact your bank directly": the bot answered with
  // a way to do it yourself; the people elsewhere are a second option, not an admission that it cannot help.
  const selfServedAt = sents.findIndex((s) => SELF_SERVED.test(s.norm));
  if (selfServedAt >= 0)
    out = out.filter(
      (a) =>
        !(
          a.kind === 'redirects' &&
          AS_AN_ALTERNATIVE.test(normalize(a.quote)) &&
          sents.findIndex((s) => s.raw === a.quote || a.quote.startsWith(s.raw)) > selfServedAt
        ),
    );
  if (!out.some((a) => a.kind !== 'closes')) {
    const substantive = sents.some(
      (s) => !CLOSING.test(s.norm) && !WAITING.test(s.norm) && s.norm.split(' ').length >= 2 && !/\?$/.test(s.norm),
    );
    if (substantive) out = [...out, { kind: 'answers', confidence: 0.6, quote: sents.find((s) => !CLOSING.test(s.norm))!.raw }];
  }
  return out;
}
