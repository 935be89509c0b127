import { expandContractions, normalize, sentences } from '../../read/text';
import { anyPart } from './parts';

/**
 * Signals 2 and 3 from the bot's side: a confirmed handoff (escalated, transferred, someone will follow up,
 * or the bot lacks what it needs to help) versus a possible one that is not confirmed yet (the bot is still
 * collecting what the team needs, offers a transfer, or only says the case "may need review").
 * Patterns run on one sentence at a time, with contractions expanded ("I'll" → "i will").
 */

const TEAM_WORDS =
  'team|teams|assistant|agent|agents|colleague|colleagues|specialist|specialists|human|humans|representative|representatives|rep|operator|operators|person|someone|somebody|staff|department|manager|supervisor|support|expert|experts|advisor|advisors|member|members|associate|associates|billing|technician|technicians|tier \\d|desk|service|agente|asesor|especialista|equipo|conseiller|equipe|mitarbeiter|kollege|atendente';
// A person or team on the support side; "service page", "support article" are places, not people.
const TEAM = `(${TEAM_WORDS})(?! (page|website|site|link|article|section|portal|form|settings|app|faq|menu|tab|center|centre|hours))`;
const WHO = `(${TEAM_WORDS}|they|he|she)`;
const ACT =
  '(escalate|forward|transfer|pass|hand|connect|route|refer|direct|redirect|assign|put you through|get you (connected|transferred|over|through|in touch))';
const DONE = '(escalated|forwarded|transferred|passed|handed|referred|routed|assigned|raised|flagged|sent|shared|reported|submitted)';

interface Gated {
  test(s: string): boolean;
}
/** Patterns in another language run only on sentences that look like that language (one cheap test). */
function inLanguage(marker: RegExp, re: RegExp): Gated {
  return { test: (s) => marker.test(s) && re.test(s) };
}
// Function words that mark a sentence as Spanish, French, German or Portuguese.
const ES = / (el|la|los|las|que|por|con|un|una|te|le|no|he|hemos|voy|vamos|fue|lo) /;
const FR = / (je|vous|nous|les|des|une|est|j|un|ete) /;
const DE = / (ich|wir|sie|ein|eine|der|die|das|und|ist|nicht|wurde|dich|kann) /;
const PT = / (eu|vou|um|uma|nao|voce|com|te|lhe|ira|vai) /;
const ANY_LANG = new RegExp([ES, FR, DE, PT].map((r) => r.source).join('|'));

/**
 * Confirmed handoffs, in groups behind one cheap trigger each: most sentences of a bot's answer contain none of
 * a group's trigger words, so the group's patterns are skipped and long conversations stay fast.
 */
const ACT_TRIGGER = anyPart(
  // Verbs of moving the case.
  /\b(escalat|forward|transfer|referr|refer\b|rout(e|ed|ing)\b|assign|connect|redirect|put you|get you)/,
  // Past participles of telling or filing.
  /\b(raised|flagged|reported|submitted|notified|alerted|informed|told|contacted|messaged|created|opened|logged|filed)/,
  // People and tickets.
  /\b(while (i|we)\b|someone|ticket|reviewed by|shared with|sent (to|your)\b)/,
  // Passing or handing on.
  /\b(pass(ed|ing)? (on|along|you|this|it|your)\b|hand(ed|ing)? (off|over|you|this|it)\b)/,
  // Letting someone else in.
  /\b(let (my|our|the|a|an) |(let|allow) (me|us) (just |quickly )?(get|bring|fetch|find|grab) )/,
);
// A later step: "will", "going to", "need to"… then a verb of reaching or handling the customer.
const LATER = '(will|going to|shall|should|would|to|let me|need to|have to|must) (now )?(be )?';
const REACH_VERBS = '(contact|reach|get back|follow|call|email|be in touch|be with you|come back|in touch|get in touch|give you a call)';
const HANDLE_VERBS = '(review|look|check|investigat|take|assist|reply|respond|handle|join|pick|confirm|verif|ask|consult)';
const FOLLOW_TRIGGER = new RegExp(`${LATER}(${REACH_VERBS}|${HANDLE_VERBS})`);
const UNABLE_TRIGGER = /\b(i|we) (am |are |do |did |can |could |have )?(not|unable)\b|beyond|outside|out of|sorry|something i/;

const CONSULT = new RegExp(
  `\\b(let me|i will|i need to|i have to|i must) (check|confirm|verify|consult|ask|look into this) (this |that |it )?(with|about this with) (our|the|my|a)( \\w+)? ${TEAM}`,
);

function group(trigger: RegExp, patterns: Gated[]): Gated {
  return { test: (s) => trigger.test(s) && patterns.some((p) => p.test(s)) };
}

// What is handed on, and the verbs that hand it on.
const CASE = '(case|ticket|request|issue|chat|call|conversation|query|inquiry|complaint|claim)';
const MOVED = '(escalated|transferred|forwarded|reviewed by|passed|handed|assigned|routed)';
const MOVE = '(connect|transfer|escalate|put you through|route|forward|hand|pass|get you (connected|transferred|over|through))';
const A_MOMENT = '( just| quickly| now| promptly)?( a| one)?( moment| minute| second| sec)?';

const ACTION = [
  // Already done ("I have escalated this to our billing team"), doing it now ("let me connect you"), passive ("you are being transferred").
  group(ACT_TRIGGER, [
    new RegExp(
      `\\b(i|we) (have |had )?(now |just |already |also )?${DONE}\\b.{0,60}\\b(to|with) (our|the|a|an|one of|my)( \\w+)?( \\w+)? ${TEAM}`,
    ),
    /\b(i|we) (have |had )?(now |just |already )?(escalated|transferred|forwarded|passed on|handed over) (your|this|the) (case|ticket|request|issue|chat|call|conversation|query|inquiry|complaint|claim)\b/,
    new RegExp(
      `\\b(i|we) (have |had )?(now |just |already )?(notified|alerted|informed|told|contacted|messaged|let) (my|our|the|a|an)( \\w+)? ${TEAM}`,
    ),
    /\b(i|we) (have |had )?(now |just |already )?(created|opened|raised|logged|submitted|filed) (a|an|the|your) (ticket|case|request|report|claim|escalation)\b/,
    /\b(has|have|is|was|are|were) (now )?been (escalated|forwarded|transferred|passed on|passed along|passed to|handed over|handed off|handed to|assigned|referred|routed)\b/,
    // "…has been sent to our returns team", not "…has been sent to your email".
    new RegExp(`\\b(has|have|is|was|are|were) (now )?been (given to|shared with|sent to) (our|the|a|an|one of our)( \\w+)? ${TEAM}`),
    /\b(you are|you will be|you will now be) (now )?(being )?(transferred|connected|routed|put through|escalated|redirected|passed)\b/,
    new RegExp(`\\b(your ${CASE}|this|it) (is|will be|has been|is now) (being )?${MOVED}\\b`),
    new RegExp(`\\b(your ${CASE}|this|it) (is|will be|has been|is now) (being )?sent to (our|the|a|an|one of our)( \\w+)? ${TEAM}`),
    new RegExp(
      `\\b(i|we) (will|am going to|are going to|shall|am|are)( now| promptly| immediately| right away| quickly| gladly| happily| just| personally| also)? ${ACT}\\b.{0,80}\\b${TEAM}\\b`,
    ),
    /\b(i|we) will (do (my|our) best|try|make sure|ensure|see if i can|attempt) to (connect|transfer|escalate|put you through|get you|route|forward)\b/,
    new RegExp(`\\b(let|allow) (me|us)${A_MOMENT}( to| while)? ${MOVE}\\b`),
    /\blet us get you (connected|transferred|over|through|in touch)\b/,
    new RegExp(
      `\\b(let|allow) (me|us) (just |quickly )?(get|bring|fetch|find|grab) (you )?(a|an|one of|someone|somebody|the|one)\\b.{0,40}\\b${TEAM}`,
    ),
    /\bwhile (i|we) (transfer|connect|escalate|put you through|establish the connection|make the (necessary )?(arrangements|connection)|route|forward|get you (connected|transferred))\b/,
    /\b(connecting|transferring|escalating|routing|forwarding|passing) (you|this|your \w+)( now| over| right now)? (to|with)\b/,
    /\b(i am|we are) (now )?(connecting|transferring|escalating|forwarding|routing|passing|handing)\b/,
    /\b(hold|wait|stay)( on)?( the line| with me| for a moment| a moment| one moment| please)* while (i|we)\b.{0,40}\b(transfer|connect|route|escalate|put you through)/,
    /\bsomeone (will|should|is going to) (be )?(contact|reach|get back|follow|call|with you|in touch|join|assist)/,
  ]),
  // Someone will follow up or check later: "our billing team will contact you", "this will be reviewed by our team".
  group(FOLLOW_TRIGGER, [
    new RegExp(
      `\\b${WHO}( from [a-z]+( [a-z]+)?)?( who| that)? (will|is going to|are going to|shall|should|would) (now )?(be )?(contact|reach|get back|follow up|call|email|be in touch|be with you|review|look into|check|investigate|take over|take it from here|assist you further|reply|respond|handle|give you a call|get in touch|reach out|join|pick (this|it) up)`,
    ),
    /\b(will|to) be (checked|confirmed|investigated|reviewed|followed up|looked into|verified|handled)\b.{0,40}\b(by|with) (our|the|a|an)\b/,
    /\b(we|i|our team) will (check|confirm|investigate|review|look into|verify|ask|consult)\b.{0,60}\b(get back|follow up|let you know|contact you|update you|reply|be in touch|come back)/,
    /\b(i|we) will (get back|follow up|be in touch|come back) (to|with) you\b/,
    // Consulting a person and answering later: "let me check with our warehouse team and get back to you"
    // ("let me check with our logistics team to see if…" alone is the bot's own check, still in this chat).
    {
      test: (s: string) => CONSULT.test(s) && /\b(get back|follow up|come back|be in touch|let you know|update you|contact you)\b/.test(s),
    },
  ]),
];

// The bot lacks understanding, information, access or capability.
const CANNOT = '(do not|can not|am unable to|are unable to|am not able to|are not able to)';
const SEE_VERBS = '(access|see|view|retrieve|look up)';
const DO_VERBS = '(process|issue|handle|help|assist|modify|change|make changes|refund|cancel|resolve|answer|find a solution|fix|do that)';
const INABILITY = [
  group(UNABLE_TRIGGER, [
    new RegExp(`\\b(i|we) ${CANNOT} (have )?(${SEE_VERBS}|${DO_VERBS})\\b`),
    /\b(i|we) (do not|did not) (have|possess) (the |enough |any |sufficient )?(access|ability|permission|permissions|information|details|tools|authority|capability|context|knowledge|rights)\b/,
    /\b(i am|we are) (not able|unable|not authorized|not authorised|not equipped|not trained|not allowed|not permitted) to\b/,
    /\b(beyond|outside|out of) (of )?(my|our|the bot s|what i can|what i am able)\b.{0,20}\b(capabilit|scope|abilit|knowledge|access|do|handle|help)/,
    /\bi (do not|did not) (understand|know how to help|know the answer|have an answer)\b/,
    /\bsorry,? i (can not|could not|am unable to) (help|assist) (you )?with (that|this)\b/,
    /\b(that|this) is (not )?something i (can not|am not able to|am unable to) (help|do|handle|assist)/,
  ]),
];

// es / fr / de / pt
const OTHER_LANGUAGES = [
  group(ANY_LANG, [
    inLanguage(
      ES,
      anyPart(
        /\b(he|hemos|ha sido|fue) (escalado|transferido|derivado|enviado|pasado|reenviado|remitido)\b/,
        /\b(te|le|lo|la) (transfiero|paso|comunico|conecto|derivo)\b|\b(voy|vamos) a (transferir|pasar|derivar|escalar|comunicar|conectar)(te|le|lo|la)?\b/,
        /\bun (agente|asesor|companero|especialista|miembro del equipo) (se pondra|te contactara|le contactara|te atendera|le atendera|te llamara|le llamara)\b/,
        /\bno (puedo|tengo acceso)\b/,
      ),
    ),
    inLanguage(
      FR,
      anyPart(
        /\b(j ai|nous avons|a ete) (transfere|escalade|transmis|remonte|redirige)\b|\bje (vous|te) (transfere|mets en relation|passe|redirige)\b/,
        /\bun (conseiller|agent|collegue|specialiste) (va|vous) (vous )?(contacter|recontacter|rappeler|repondre|prendre en charge)\b|\bje n ai pas acces\b/,
        /\bje ne (peux|suis) pas (en mesure de )?(vous aider|traiter|repondre)\b/,
      ),
    ),
    inLanguage(
      DE,
      anyPart(
        /\b(ich habe|wir haben|wurde)\b.{0,40}\b(weitergeleitet|eskaliert|ubergeben|weitergegeben)\b|\bich (verbinde|leite) (sie|dich)\b/,
        /\bein (mitarbeiter|kollege|berater|spezialist)\b.{0,30}\b(wird sich|meldet sich|wird sie)\b|\bich habe keinen zugriff\b/,
        /\bich kann (ihnen |dir )?(leider )?nicht (helfen|weiterhelfen)\b/,
      ),
    ),
    inLanguage(
      PT,
      anyPart(
        /\b(eu )?(transferi|encaminhei|escalei|repassei)\b|\bvou (te |lhe |o |a )?(transferir|encaminhar|passar)\b/,
        /\bum (atendente|agente|especialista|consultor)\b.{0,20}\b(vai|ira) (entrar em contato|te contatar|retornar|te atender|lhe atender)\b/,
        /\bnao (tenho acesso|consigo ajudar|posso ajudar)\b/,
      ),
    ),
  ]),
];

// Sentences that describe a hypothetical, not what is happening: "If you notice unfamiliar charges, we will investigate."
export const CONDITIONAL = anyPart(
  /^ ?(if|should|in case|when(ever)? you|once|after|as soon as|in the (unlikely |rare )?event|unless|si|wenn|falls|se|caso)\b/,
  /\b(if|should|once|when) you (notice|identify|encounter|have|need|experience|see|find|prefer|would like|want|wish|are not|still|do not|can not)\b/,
  /\b(i|we) (will|would) be able to\b/,
);

// An offer still waiting for the customer's yes.
// Tested part by part: a gap (.{0,50}) stays inside the literal the ReDoS gate reads as bounded.
const OFFER_PARTS = [
  // "Would you like me to transfer you?", "shall I connect you with a specialist?" (not "…on the kitchen speaker?")
  /\b(would you like|do you want|shall i|should i|want me to|would you prefer|do you wish|can i)\b.{0,50}\b(transfer\w*|connect\w*|escalat\w*|speak|talk|put you through)\b/,
  /\b(would you like|do you want|shall i|should i|want me to|would you prefer|do you wish|can i)\b.{0,50}\b(agent|human|representative|team|specialist|manager|supervisor)/,
  // "I can escalate this if you want".
  /\b(i|we) (can|could) (escalate|transfer|connect|pass|forward|put you through|get you)\b.{0,60}\bif you\b/,
  // es / fr / de / pt
  /\b(quieres|desea|deseas) (que te|hablar con)|\bsouhaitez[- ]vous (que je|parler)|\bmochten sie (mit|dass ich)|\b(quer|deseja) (que eu|falar com)/,
];
const OFFER: Gated = { test: (s) => OFFER_PARTS.some((r) => r.test(s)) };

// The bot asking for what the team will need.
const INFO_VERBS =
  '(provide|share|send|give|tell|confirm|let me know|let us know|specify|describe|clarify|upload|attach|reply with|forward|enter|type|write|include)';
const INFO_REQUEST: Gated[] = [
  new RegExp(`\\b(could|can|would|will) you (please |kindly |also |just |first |briefly |quickly )*${INFO_VERBS}\\b`),
  new RegExp(`\\b(please|kindly) ${INFO_VERBS}\\b`),
  /\bwhat (is|are|was) (your|the) (order|account|email|phone|user|customer|ticket|reference|booking|name|full name|address|date)\b/,
  /\b(i|we) (just |will |would |also )?(need|require|have to have) (your|some|a few|more|the|a|an|to know|to have|to see|to get|you to)\b/,
  /\bmay i (have|ask|know|get|see)\b|\b(can|could) i (have|get|ask|see) (your|for|a|the)\b|\bbefore i (pass|connect|transfer|escalate|forward|hand)\b/,
  /\b(provide|share|send|give) (me|us) (your|the|a|some|with)\b/,
  group(ANY_LANG, [
    inLanguage(
      ES,
      /\b(podrias|puedes|podria|puede) (proporcionar|darme|indicarme|enviar|compartir|decirme|facilitar)|\b(necesito|necesitamos) (su|tu|el|la|los|las|que)\b/,
    ),
    inLanguage(
      FR,
      /\b(pourriez|pouvez)[- ]vous (me |nous )?(fournir|donner|indiquer|envoyer|communiquer|preciser|transmettre)|\b(j ai|nous avons) besoin de (votre|vos|ton|tes)\b/,
    ),
    inLanguage(
      DE,
      /\b(konnten|konnen|wurden) sie (mir |uns )?(bitte )?(ihre|die|den|das|eine|ein)\b|\b(ich|wir) (benotige|benotigen|brauche|brauchen) (ihre|die|den|noch)\b/,
    ),
    inLanguage(
      PT,
      /\b(pode|poderia|podes) (me |nos )?(informar|enviar|fornecer|passar|dizer|confirmar)|\b(preciso|precisamos) (do|da|de|dos|das|seu|sua)\b/,
    ),
  ]),
];

// Collecting details *so that* a person can take over.
const HANDOFF_CONTEXT = new RegExp(
  `\\b(pass|connect|transfer|escalate|forward|direct|route|assign|hand|put you in touch|refer|send)\\w*\\b.{0,60}\\b${TEAM}\\b|\\bbefore (i|we) (can )?(pass|connect|transfer|escalate|forward|hand|send|share)\\b|\\b(hand|pass) (this|it|your \\w+) (over|on|along)\\b|\\b(right|appropriate|correct|relevant|best|most suitable|most appropriate) (person|agent|team|department|specialist|representative|expert|human)|\\b(pass this|escalate this|pass it) (on|to)\\b|\\bconnect(ed)? you\\b|\\bspeak(ing)? (with|to) (a|an|someone|somebody|one)\\b|\\b(our|the)( \\w+)? (team|agents?|specialists?|experts?|representatives?|human representatives|staff|department|colleagues?)\\b.{0,40}\\b(need|needs|review|look into|assist|help|handle|take over|take a look|follow up|contact)\\b|\\b(reach|get you to|talk to|speak (to|with)) (our|a|an|the|one of)( \\w+)? ${TEAM}|\\bassigned to (help|assist)\\b`,
);

const VAGUE_TRIGGER = anyPart(
  /need|require|warrant|have to|escalat|review|look|check|hand|pass|complex|complicated|tricky|unusual|difficult|sensitive|serious|not sure|not certain/,
  /possibly|potentially|perhaps|beyond|outside|more than|requer|necesit|necessit|demander|gepruft|eskaliert|uberpruft|precisar|exigir/,
);
const NEEDS = '(need to be|needs to be|need|require|warrant|have to be|have to)';
const REVIEW =
  '(review|escalation|escalated|reviewed|specialist|human review|closer look|manual review|further investigation|investigation|attention|look|checking|looked at)';
const VAGUE: Gated[] = [
  new RegExp(`\\b(may|might|could|possibly|probably|would) ${NEEDS}( a| an| further| more| some| additional| manual)? ${REVIEW}`),
  /\b(might|may|could) (have to )?(be )?(escalate|escalated|reviewed|looked at|checked|handed|passed)\b/,
  /\b(seems|looks|appears|sounds) (quite |rather |a bit |a little |pretty |very |somewhat |more )?(complex|complicated|tricky|unusual|difficult|sensitive|serious)\b/,
  /\bnot (sure|certain) (if|whether|that) (i|we) (can|will be able|am able)\b/,
  /\b(possibly|potentially|perhaps) (escalate|an escalation|a specialist|a human)\b/,
  /\b(this|it) (could|may|might) be (beyond|outside|more than)\b/,
  inLanguage(
    ANY_LANG,
    anyPart(
      /\b(podria|puede) (requerir|necesitar) (una )?(revision|escalar|escalado)/,
      /\b(pourrait|peut) (necessiter|demander|requerir) (une )?(verification|revision|escalade)/,
      /\b(konnte|muss eventuell|musste)\b.{0,20}\b(gepruft|eskaliert|uberpruft)/,
      /\b(pode|poderia) (precisar|exigir|requerer) (de )?(revisao|analise|escalonamento)/,
    ),
  ),
];

// "Sorry, I didn't get that": a fallback reply; repeated fallbacks mean the bot cannot understand.
const FALLBACK = anyPart(
  /\b(i )?(did not|do not|could not|can not) (quite )?(understand|get|catch|follow) (that|you|this|your (message|question|request)|what you)\b/,
  /\bsorry,? i (am not sure i )?(understand|follow)\b|\bno (te|le) (entendi|entiendo)\b|\bje n ai pas compris\b/,
  /\bich habe (sie|dich|das) nicht verstanden\b|\bnao (entendi|compreendi)\b/,
);
const REPHRASE =
  /\b(rephrase|reword|say (that|it) (again|differently)|try again|another way|put it differently|more details|could you clarify|reformuler|reformular|umformulieren|anders formulieren)\b/;

// "I can't see your card number, but you can find it in the app": the bot still answered.
const SELF_SERVICE = /\b(but|however) you (can|may|could)\b|\byou can (find|do|request|visit|go|check|use|update|change)\b/;

const MISSING_ITEMS: [RegExp, string][] = [
  [
    /\border (number|no|id|#|reference|details|confirmation)|\border\b.{0,20}\bnumber|\b(numero de pedido|pedido|commande|bestellnummer|bestellung|encomenda)\b/,
    'order number',
  ],
  [/\be ?mail\b|\bcorreo\b|\bcourriel\b/, 'email address'],
  [/\b(photo|photos|picture|pictures|image|images|screenshot|screenshots|foto|fotos|bild|bilder|imagem)\b/, 'photo'],
  [
    /\buser ?(id|name)|\busername\b|\baccount (number|id|no|name|details)\b|\bcustomer (id|number)\b|\bmember(ship)? (id|number)\b|\b(usuario|utilisateur|benutzer|kundennummer|identifiant)\b/,
    'user or account id',
  ],
  [/\bphone( number)?\b|\btelephone\b|\bmobile( number)?\b|\b(telefono|telefon|telefone)\b/, 'phone number'],
  [/\b(shipping |delivery |billing |postal )?address\b|\b(direccion|adresse|endereco)\b/, 'address'],
  [
    /\b(receipt|invoice number|transaction id|reference number|booking (number|reference)|tracking number|confirmation number|serial number)\b/,
    'reference number',
  ],
  [/\b(full )?name\b|\b(nombre|nom|nome)\b/, 'name'],
  [/\b(date|when (you|it)|fecha|datum|data)\b/, 'date'],
  [
    anyPart(
      /\b(details|information|description|more about|nature of your|the (issue|topic|problem) you)\b/,
      /\bspecific (issue|topic|question|concern|person|department|area|query|inquiry)\b|\bwhat (the|your) (issue|problem|question|request)\b/,
      /\b(detalles|informations|precisions|informationen|details|detalhes)\b/,
    ),
    'details of the issue',
  ],
];

type BotFindingKind = 'handoff' | 'collecting' | 'offer' | 'vague' | 'fallback';

export interface BotFinding {
  kind: BotFindingKind;
  quote: string;
  confidence: number;
  /** What the bot is still asking for (collecting). */
  missing: string[];
  /** The message says the details are for a person who will take over. */
  handoffContext: boolean;
  /** A fallback that asks the customer to rephrase: the bot keeps trying. */
  retrying?: boolean;
  /** A handoff that wins over a request for details in the same message still carries that request. */
  alsoAsks?: BotFinding;
}

/** A sentence as padded, contraction-free words: " i will connect you with an agent ". */
function flat(s: string): string {
  return ` ${expandContractions(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

function missingIn(text: string): string[] {
  const out: string[] = [];
  for (const [re, label] of MISSING_ITEMS) if (re.test(text) && !out.includes(label)) out.push(label);
  // A concrete item makes the generic "details" redundant.
  return out.length > 1 ? out.filter((m) => m !== 'details of the issue') : out;
}

/** What one bot message says about handing off; null when it is an ordinary answer. */
/** One bot message split into sentences, each also as padded, contraction-free words for the patterns. */
function prepare(raw: string): { sents: string[]; flats: string[] } {
  const sents = sentences(normalize(raw));
  return { sents, flats: sents.map(flat) };
}

/** 'action' (escalated, transferring, someone will follow up) or 'inability' (the bot cannot help); null otherwise. */
function confirmedKind(flats: string[], i: number): 'action' | 'inability' | null {
  const f = flats[i];
  if (OFFER.test(f)) return null;
  const kind =
    ACTION.some((r) => r.test(f)) || OTHER_LANGUAGES.some((r) => r.test(f))
      ? 'action'
      : INABILITY.some((r) => r.test(f))
        ? 'inability'
        : null;
  if (!kind || CONDITIONAL.test(f)) return null;
  // "This may need to be reviewed by our team": a possible handoff, read as vague, not a confirmed one.
  if (kind === 'action' && VAGUE_TRIGGER.test(f) && VAGUE.some((r) => r.test(f))) return null;
  // "I can't see your card number, but you can find it in the app": the bot still answered.
  if (
    SELF_SERVICE.test(f) ||
    (i + 1 < flats.length && SELF_SERVICE.test(flats[i + 1]) && /\b(can not|unable|not able|do not have)\b/.test(f))
  )
    return null;
  return kind;
}

/** What one bot message says about handing off; null when it is an ordinary answer. */
export function analyseBotMessage(raw: string): BotFinding | null {
  const { sents, flats } = prepare(raw);
  const whole = flats.join('.');
  let confirmed: BotFinding | null = null;
  let confirmedBy: 'action' | 'inability' | null = null;
  let collecting: BotFinding | null = null;
  let offer: BotFinding | null = null;
  let vague: BotFinding | null = null;
  let fallback: BotFinding | null = null;
  const handoffContext = HANDOFF_CONTEXT.test(whole);
  const collectingQuotes: string[] = [];
  for (let i = 0; i < sents.length; i++) {
    const f = flats[i];
    if (!offer && OFFER.test(f))
      offer = { kind: 'offer', quote: sents[i], confidence: 0.6, missing: ['customer confirmation'], handoffContext: true };
    if (!confirmed && (confirmedBy = confirmedKind(flats, i)))
      confirmed = { kind: 'handoff', quote: sents[i], confidence: confirmedBy === 'action' ? 0.9 : 0.8, missing: [], handoffContext: true };
    if (INFO_REQUEST.some((r) => r.test(f))) {
      collectingQuotes.push(f);
      collecting ??= { kind: 'collecting', quote: sents[i], confidence: 0.7, missing: [], handoffContext };
    }
    if (!vague && VAGUE_TRIGGER.test(f) && VAGUE.some((r) => r.test(f)))
      vague = { kind: 'vague', quote: sents[i], confidence: 0.5, missing: [], handoffContext };
    if (!fallback && FALLBACK.test(f))
      fallback = { kind: 'fallback', quote: sents[i], confidence: 0.6, missing: [], handoffContext: false, retrying: REPHRASE.test(whole) };
  }
  if (collecting) {
    const missing = missingIn(collectingQuotes.join(' . '));
    collecting.missing = missing.length ? missing : ['details of the issue'];
    // "This may need review. Could you confirm your email?": the details are for a possible handoff.
    if (vague || offer) collecting.handoffContext = true;
  }
  // "I can't find that order, could you check the number?": still asking, so nothing is handed off yet.
  if (confirmed && collecting && confirmedBy === 'inability') return collecting;
  // Collecting details *in order to* hand off is not a handoff yet; a handoff already under way is.
  if (confirmed && collecting && handoffContext) {
    const purpose =
      /\b(to|so that|in order to|this will|will allow|help me|help us|enable (me|us)|so (i|we) can) .{0,40}(connect|direct|transfer|pass|assign|forward|route|escalate)/;
    const q = flat(confirmed.quote);
    const underWay = !purpose.test(q) && !INFO_REQUEST.some((r) => r.test(q));
    return underWay ? { ...confirmed, alsoAsks: collecting } : collecting;
  }
  if (confirmed) {
    // "I don't understand, could you rephrase?" is a retrying fallback, not a handoff.
    if (fallback?.retrying && confirmed.quote === fallback.quote) return fallback;
    return collecting ? { ...confirmed, alsoAsks: collecting } : confirmed;
  }
  if (collecting) return collecting;
  if (offer) return offer;
  if (vague) return vague;
  if (fallback) return fallback;
  return null;
}
