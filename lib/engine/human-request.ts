import { editDistance, normalize, sentences } from './text';

/**
 * Signal 1: the customer explicitly asks for a human. Multilingual (EN, ES, FR, DE, PT), typo-tolerant on the
 * words that name a person, negation-aware, and not fooled by questions about the bot or opening hours.
 */

// Words that name a human on the team, per language (accents already folded by normalize()).
const HUMAN_NOUNS = [
  'human', 'humans', 'person', 'people', 'someone', 'somebody', 'agent', 'agents', 'representative', 'rep', 'operator', 'manager', 'supervisor',
  'staff', 'employee', 'advisor', 'adviser', 'specialist', 'teammate', 'attendant', 'customer service', 'customer support',
  'support team', 'live chat', 'real person', 'live person', 'live agent', 'human being', 'actual person',
  // es
  'humano', 'persona', 'agente', 'representante', 'operador', 'operadora', 'supervisor', 'gerente', 'alguien', 'asesor', 'asesora', 'encargado',
  // fr
  'humain', 'personne', 'conseiller', 'conseillere', 'quelqu\'un', 'quelqu un', 'responsable', 'operateur', 'superviseur', 'gestionnaire',
  // de
  'mensch', 'menschen', 'mitarbeiter', 'mitarbeiterin', 'berater', 'beraterin', 'jemandem', 'jemand', 'vorgesetzten', 'kundendienst', 'kundenservice', 'agenten', 'person sprechen',
  // pt
  'atendente', 'pessoa', 'alguem', 'gerente', 'consultor', 'atendimento humano',
];
const SINGLE_NOUNS = HUMAN_NOUNS.filter((n) => !n.includes(' '));

// Ways of asking to reach someone.
const ASK = new RegExp(
  [
    // en
    "\\b(speak|talk|chat|communicate|connect|transfer|put me through|get me|give me|reach|contact|call|need|want|wanna|request|prefer|let me|get|escalate me|escalate this|send me|pass me|hand me|forward me|route me)\\b",
    // es
    '\\b(hablar|comunicar|contactar|pasar|pasame|transferir|necesito|quiero|comunicarme|contactar con|llamar)\\b',
    // fr
    '\\b(parler|joindre|contacter|passer|transferer|veux|voudrais|besoin|appeler|mettre en relation)\\b',
    // de
    '\\b(sprechen|reden|verbinden|kontaktieren|mochte|will|brauche|weiterleiten|erreichen)\\b',
    // pt
    '\\b(falar|conversar|contatar|contactar|transferir|quero|preciso|gostaria|ligar)\\b',
  ].join('|'),
);

const DIRECT = [
  /\bescalat(e|ion)\b/, // "escalate this", "I want an escalation"
  /\b(call me|phone call|call back|callback|ring me|give me a call)\b/,
  /\b(human|real person|live agent|live person|agent|representative|operator)\s*(please|pls|plz|now|asap)\b/,
  /^\s*(human|agent|representative|operator|real person|live agent|talk to (a )?human|human please)\s*[.!?]*\s*$/,
  /\bnot (a |the )?(bot|robot|machine|ai)\b.*\b(human|person|someone)\b/,
  /\b(i|we) (don'?t|do not) want (to talk to )?(a |the |this )?(bot|robot|machine|ai)\b/,
  /\b(hablar con|quiero) (un|una)? ?(humano|agente|persona real|representante|asesor|supervisor|gerente)\b/,
  /\b(parler|discuter) (a|avec) (un|une|quelqu'un|quelqu un)/,
  /\bmit (einem|einer|jemandem|einem echten) ?(menschen|mitarbeiter|berater|person|vorgesetzten)?/,
  /\b(falar|conversar) com (um|uma|alguem|o|a) ?(atendente|humano|pessoa|gerente|supervisor|agente)?/,
  /\b(atendimento|atencion|atencao) humana?\b/,
];

const NEGATION = [
  /\b(don'?t|do not|dont|no|never|without|not) (need|want|wanna|require|have to|ask(ing)?( for)?)\b[^.!?]{0,40}\b(human|person|agent|someone|representative|operator|manager|call)/,
  /\bno (need|reason) (for|to)\b/,
  /\b(do not|don'?t|never|no need to|not) escalat/,
  /\bno escalation\b/,
  /\bwithout (talking|speaking|calling|contacting)\b/,
  /\bno (necesito|quiero|hace falta)\b/,
  /\b(je )?n'?ai pas besoin\b|\bpas besoin\b|\bne veux pas\b/,
  /\b(brauche|mochte|will) (keinen|keine|nicht)\b/,
  /\bnao (preciso|quero)\b/,
  /\binstead of (a |an )?(human|person|agent)\b/,
];

// Questions about the team rather than requests to reach it.
const NOT_A_REQUEST = [
  /\b(are|r) (you|u) (a |an )?(bot|robot|human|real|person|ai|machine)\b/,
  /\b(what|which) (are|is) (your|the) (opening|business|office|working|support) hours\b/,
  /\b(hours|open|opening|available|availability|schedule)\b[^.!?]*\b(agents?|team|staff|customer service|support|representatives?)\b[^.!?]*\?/,
  /\b(when|what time|which days?) (are|is|do|does|can)\b[^.!?]*\b(agents?|team|staff|customer service|support|representatives?|humans?)\b[^.!?]*\b(open|available|work|online|start)/,
  /\bhow many (agents|people|employees)\b/,
];

const VERBS = ['talk', 'speak', 'contact', 'chat', 'connect', 'reach', 'call'];

/** "tallking", "contacvt", "speek": one slip on the asking verb still counts. */
function hasAskVerbTypo(s: string): boolean {
  for (const t of s.match(/[a-z]+/g) ?? []) {
    if (t.length < 4) continue;
    const base = t.replace(/(ing|ed|s)$/, '');
    if (VERBS.some((v) => base !== v && Math.abs(base.length - v.length) <= 1 && base[0] === v[0] && editDistance(base, v, 1) <= 1)) return true;
  }
  return false;
}

/** "an assistant" means a person to the customer; "the/your/virtual assistant" is the bot itself. */
const PERSON_ASSISTANT = /(an|a|human|real|live) assistant/;

function hasHumanNoun(s: string): boolean {
  if (PERSON_ASSISTANT.test(s)) return true;
  for (const n of HUMAN_NOUNS) if (n.includes(' ') && s.includes(n)) return true;
  const tokens = s.match(/[a-z']+/g) ?? [];
  for (const t of tokens) {
    if (SINGLE_NOUNS.includes(t)) return true;
    // Typos on the distinctive nouns only ("humna", "reprsentative", "supervsior"); short words are too risky.
    if (t.length >= 5) {
      for (const n of ['human', 'person', 'representative', 'operator', 'supervisor', 'manager', 'someone', 'somebody', 'humano', 'persona', 'agente']) {
        if (Math.abs(t.length - n.length) <= 2 && t[0] === n[0] && editDistance(t, n, n.length > 7 ? 2 : 1) <= (n.length > 7 ? 2 : 1)) return true;
      }
    }
  }
  return false;
}

export interface HumanRequest {
  quote: string;
  confidence: number;
}

export function findHumanRequest(raw: string): HumanRequest | null {
  const text = normalize(raw);
  for (const s of sentences(text)) {
    if (NEGATION.some((r) => r.test(s))) continue;
    if (/\bin person\b/.test(s) && !/\b(speak|talk)\b/.test(s)) continue;
    if (NOT_A_REQUEST.some((r) => r.test(s)) && !/\b(please|now|want|need|let me|can i|could i)\b/.test(s)) continue;
    if (DIRECT.some((r) => r.test(s))) return { quote: s, confidence: 0.95 };
    if ((ASK.test(s) || hasAskVerbTypo(s)) && hasHumanNoun(s)) return { quote: s, confidence: 0.9 };
  }
  return null;
}
