import { normalize, sentences } from './text';

/**
 * Signals 2 and 3 from the bot's side: a confirmed handoff (escalated, transferred, someone will follow up,
 * or the bot lacks what it needs to help) versus a possible one that is not confirmed yet (the bot is still
 * collecting what the team needs, or only says the case "may need review").
 */

const TEAM = "(team|agent|agents|colleague|colleagues|specialist|specialists|human|humans|representative|representatives|operator|operators|person|someone|somebody|staff|department|manager|supervisor|support|expert|experts|advisor|member of our team|one of our)";

const CONFIRMED = [
  // Already done: "I've escalated / forwarded / passed this to our billing team".
  new RegExp(`\\b(i|we)('ve| have| had)? (now |just |already )?(escalated|forwarded|transferred|passed|handed|referred|routed|assigned|raised|flagged|sent)\\b[^.!?]{0,60}\\b(to|with) (our|the|a|an|one of)\\b`),
  /\b(has|have|is|was) been (escalated|forwarded|transferred|passed on|handed over|assigned|referred)\b/,
  /\b(your (case|ticket|request|issue|conversation)|this) (is|has been) (now )?(being )?(escalated|transferred|forwarded|handed over|reviewed by)\b/,
  // Doing it now: "I'll connect you", "allow me a moment to transfer you", "while I transfer your call".
  new RegExp(`\\b(i|we)('ll| will| am going to|'m going to| shall|'m| am)( now| promptly| immediately| right away| quickly| gladly| happily)? (escalate|forward|transfer|pass|hand|connect|route|refer|put)( you| this| your (case|request|issue|call|chat|ticket))?\\b[^.!?]{0,80}\\b${TEAM}`),
  /\b(allow|let|give) me (just )?(a|one) (moment|minute|second|sec)\b[^.!?]{0,40}\b(connect|transfer|put you through|escalate)/,
  /\bwhile i (transfer|connect|escalate|put you through|make the arrangements)/,
  /\b(i'?ll|i will|let me) do my best to connect you\b/,
  /\b(connecting|transferring|escalating) you( now)? to\b/,
  /\bi('m| am) (now )?(connecting|transferring|escalating|forwarding)\b/,
  // Someone will follow up: "our billing team will follow up", "an agent will contact you".
  new RegExp(`\\b${TEAM}( from [a-z ]+)? (will|is going to|shall|should) (contact|reach out|get back|follow up|call|email|be in touch|be with you|review|look into|check|investigate|take over|assist you|reply|respond)`),
  /\b(will|to) be (checked|confirmed|investigated|reviewed|followed up|looked into)\b[^.!?]{0,40}\b(by|with) (our|the|a)\b/,
  /\b(we|our team)( will|'ll) (check|confirm|investigate|review|look into) (this|it|your|the)\b[^.!?]{0,60}\b(get back|follow up|let you know|contact you|update you|reply)/,
  /\bsomeone (will|should) (be )?(contact|reach|get back|follow|call|with you|in touch)/,
  // The bot lacks understanding, information, access or capability.
  /\bi (don'?t|do not|can'?t|cannot|am unable to|'m unable to|am not able to|'m not able to) (have )?(access|see|view|retrieve|process|issue|handle|help with|assist with|modify|change|make changes|refund|cancel)\b/,
  /\bi (don'?t|do not) (have|possess) (the )?(access|ability|permission|information|details|tools|authority|capability)\b/,
  /\bi('m| am) (not able|unable|not authorized|not authorised|not equipped) to\b/,
  /\b(beyond|outside( of)?) (my|the bot'?s?) (capabilit|scope|abilit|knowledge|access)/,
  /\bi (don'?t|do not|didn'?t) (understand|know how to help)\b/,
  /\bsorry,? i (can'?t|cannot|couldn'?t) (help|assist) (you )?with (that|this)\b/,
  // es / fr / de / pt
  /\b(he|hemos) (escalado|transferido|enviado|pasado)\b|\bte (transfiero|paso|comunico) con\b|\bun agente (se pondra|te contactara)\b/,
  /\b(j'ai|nous avons) (transfere|escalade|transmis)\b|\bje vous (transfere|mets en relation)\b|\bun conseiller (va|vous) (vous )?(contacter|recontacter)/,
  /\b(ich habe|wir haben) (ihr anliegen|ihre anfrage|es|dies)? ?(weitergeleitet|eskaliert)\b|\bich verbinde sie\b|\bein mitarbeiter wird sich\b/,
  /\b(eu )?(transferi|encaminhei|escalei)\b|\bvou (te |lhe )?(transferir|encaminhar)\b|\bum atendente (vai|ira) (entrar em contato|te contatar)/,
];

// Sentences that describe a hypothetical, not what is happening: "If you notice unfamiliar charges, we will investigate."
const CONDITIONAL = /^(if|should|in case|when(ever)? you|once you|after you|in the event)\b|\b(if|should) you (notice|identify|encounter|have|need|experience|see|find|prefer|would like|want|wish)\b/;

// The bot asking for what the team will need.
const INFO_REQUEST =
  /\b(could|can|would|will) you (please |kindly )?(provide|share|send|give|tell|confirm|let me know|specify|describe|clarify|upload|attach)\b|\b(please|kindly) (provide|share|send|give|confirm|let me know|specify|upload|attach)\b|\bwhat('s| is) (your|the) (order|account|email|phone|user|customer|ticket|reference|booking)\b|\bi (need|will need|'ll need|require) (your|some|a few|more|the)\b|\bbefore i (pass|connect|transfer|escalate|forward)\b/;

const HANDOFF_CONTEXT = new RegExp(
  `\\b(pass|connect|transfer|escalate|forward|direct|route|assign|hand|put you in touch)\\w*\\b[^.!?]{0,60}\\b${TEAM}|\\b${TEAM}\\b[^.!?]{0,40}\\b(review|look into|handle|follow up|assist you further)|\\b(right|appropriate|correct|relevant) (person|agent|team|department|specialist)\\b|\\b(pass this|escalate this|pass it) (on|to)\\b|\\bconnect(ed)? you\\b|\\bspeak(ing)? (with|to) (a|an|someone|somebody|one)`,
);

const VAGUE = [
  /\b(may|might|could|possibly|probably) (need|require|warrant)( a| an| further| more| some)? (review|escalation|to be escalated|to be reviewed|a specialist|human review|further review|a closer look)/,
  /\b(might|may|could) (have to )?(be )?(escalate|escalated|reviewed|looked at by)/,
  /\b(seems|looks|appears) (complex|complicated|tricky|unusual)\b/,
  /\bnot sure (if|whether) (i|we) can\b/,
];

const MISSING_ITEMS: [RegExp, string][] = [
  [/\border (number|no|id|#)|\border\b[^.!?]{0,20}\bnumber|\b(pedido|commande|bestellnummer)\b/, 'order number'],
  [/\be-?mail\b|\bcorreo\b|\bcourriel\b/, 'email address'],
  [/\b(photo|picture|image|screenshot|foto)\b/, 'photo'],
  [/\buser ?(id|name)|\baccount (number|id|no)\b|\bcustomer (id|number)\b|\bmember(ship)? (id|number)\b/, 'user or account id'],
  [/\bphone( number)?\b|\btelephone\b|\bmobile number\b/, 'phone number'],
  [/\b(shipping |delivery |billing )?address\b/, 'address'],
  [/\b(receipt|invoice number|transaction id|reference number|booking (number|reference)|tracking number)\b/, 'reference number'],
  [/\b(details|information|description|more about|specific (issue|topic|question|concern)|nature of your|what (the|your) (issue|problem|question))\b/, 'details of the issue'],
];

export interface BotFinding {
  kind: 'handoff' | 'collecting' | 'vague';
  quote: string;
  confidence: number;
  missing: string[];
}

export function analyseBotMessage(raw: string): BotFinding | null {
  const text = normalize(raw);
  const sents = sentences(text);
  let confirmed: BotFinding | null = null;
  let collecting: BotFinding | null = null;
  let vague: BotFinding | null = null;
  const handoffContext = HANDOFF_CONTEXT.test(text);
  for (const s of sents) {
    if (CONDITIONAL.test(s)) continue;
    if (!confirmed && CONFIRMED.some((r) => r.test(s))) confirmed = { kind: 'handoff', quote: s, confidence: 0.9, missing: [] };
    if (!collecting && INFO_REQUEST.test(s)) {
      const missing = MISSING_ITEMS.filter(([r]) => r.test(s)).map(([, label]) => label);
      collecting = { kind: 'collecting', quote: s, confidence: 0.7, missing: missing.length ? missing : ['details of the issue'] };
    }
    if (!vague && VAGUE.some((r) => r.test(s))) vague = { kind: 'vague', quote: s, confidence: 0.5, missing: [] };
  }
  // Collecting details *in order to* hand off is not a handoff yet; a handoff that is already under way is.
  if (collecting && handoffContext) {
    const underWay = confirmed && !/\b(to|so that|in order to|this will|will allow|help me|help us) [^.!?]{0,40}(connect|direct|transfer|pass|assign|forward|route)/.test(confirmed.quote) && !INFO_REQUEST.test(confirmed.quote);
    if (!underWay) return collecting;
  }
  if (confirmed) return confirmed;
  if (vague) return vague;
  return null;
}
