/**
 * Words the detectors reason with, per language (EN, ES, FR, DE, PT), accents folded as normalize() does.
 * These are grammar, not topics: who a human is, how one asks to reach someone, how one negates.
 */

/** Nouns that name a human on the support side; enough on their own with any request verb. */
export const HUMAN_NOUNS = new Set([
  'human', 'humans', 'person', 'persons', 'agent', 'agents', 'representative', 'representatives', 'rep', 'reps', 'operator', 'operators',
  'manager', 'managers', 'supervisor', 'supervisors', 'staff', 'employee', 'employees', 'advisor', 'advisors', 'adviser', 'specialist',
  'specialists', 'associate', 'attendant', 'teammate', 'superior', 'boss', 'management', 'supervisors',
  // es
  'humano', 'humanos', 'persona', 'personas', 'agente', 'agentes', 'representante', 'operador', 'operadora', 'asesor', 'asesora', 'gerente',
  'encargado', 'encargada', 'ejecutivo', 'ejecutiva', 'supervisora',
  // fr
  'humain', 'humains', 'personne', 'conseiller', 'conseillere', 'operateur', 'operatrice', 'superviseur', 'responsable', 'interlocuteur',
  'technicien', 'directeur',
  // de
  'mensch', 'menschen', 'mitarbeiter', 'mitarbeiterin', 'berater', 'beraterin', 'vorgesetzten', 'vorgesetzter', 'sachbearbeiter',
  'kundenberater', 'ansprechpartner', 'servicemitarbeiter', 'menschlichen', 'menschlicher',
  // pt
  'atendente', 'atendentes', 'pessoa', 'consultor', 'consultora', 'humana',
]);

/** Pronouns for "a person"; they need a verb of reaching ("speak with someone"), not just "need". */
export const WEAK_HUMAN_NOUNS = new Set(['someone', 'somebody', 'anyone', 'anybody', 'people', 'alguien', 'quelqu', 'jemand', 'jemandem', 'jemanden', 'alguem']);

/** Two-word names of the human team. */
export const HUMAN_PHRASES = [
  'customer service', 'customer support', 'customer care', 'support team', 'service team', 'live chat', 'real person', 'live person',
  'live agent', 'human being', 'actual person', 'real human', 'real people', 'team member', 'service client', 'servicio al cliente',
  'atencion al cliente', 'servicio tecnico', 'atendimento humano', 'atencion humana', 'kundendienst', 'kundenservice', 'kundensupport',
  'support client', 'serviço ao cliente', 'servico ao cliente', 'suporte humano', 'echten menschen', 'echte person', 'vraie personne',
  'persona real', 'pessoa real', 'a human', 'an assistant', 'human assistant', 'real assistant', 'live assistant',
];

/** Modifiers that turn "someone" into a human request ("someone real", "a live one"). */
export const HUMAN_MODIFIERS = new Set(['real', 'actual', 'live', 'living', 'human', 'humano', 'humain', 'echten', 'echte', 'echter', 'real', 'vraie', 'vrai']);

/** Verbs of reaching a person: enough with any human noun, pronouns included. */
export const CONTACT_VERBS = new Set([
  'talk', 'speak', 'chat', 'contact', 'connect', 'transfer', 'reach', 'call', 'phone', 'ring', 'escalate', 'forward', 'route', 'direct', 'redirect',
  'switch', 'patch', 'put', 'pass', 'hand', 'refer', 'message', 'dial', 'converse', 'communicate', 'consult',
  // es
  'hablar', 'hable', 'hablo', 'comunicar', 'comunicarme', 'comuniqueme', 'comunicame', 'contactar', 'contactarme', 'llamar', 'llamen', 'llameme',
  'pasar', 'pasame', 'paseme', 'pase', 'pasen', 'transferir', 'transfiera', 'transfiere', 'transfiereme', 'transfierame', 'conectar', 'conectame',
  'conecteme', 'escalar', 'derivar', 'derivame', 'chatear',
  // fr
  'parler', 'joindre', 'contacter', 'appeler', 'rappeler', 'transferer', 'transferez', 'passer', 'passez', 'mettre', 'mettez', 'discuter',
  'echanger', 'rappelez',
  // de
  'sprechen', 'reden', 'verbinden', 'verbinde', 'verbindet', 'kontaktieren', 'erreichen', 'anrufen', 'weiterleiten', 'durchstellen', 'chatten',
  'eskalieren', 'zuruckrufen', 'ruckruf', 'schreiben',
  // pt
  'falar', 'conversar', 'contatar', 'ligar', 'ligue', 'transfira', 'transferir', 'transfere', 'passar', 'passe', 'passa', 'encaminhar', 'encaminhe',
  'chamar', 'escalar', 'conecta', 'conectar', 'transfiere', 'pasa', 'comunica',
]);

/** Verbs and frames of asking; they need a human noun, not a pronoun. */
export const REQUEST_WORDS = new Set([
  'want', 'need', 'require', 'request', 'like', 'prefer', 'demand', 'ask', 'give', 'get', 'let', 'help', 'please', 'insist', 'wish', 'lemme',
  'gimme', 'needs', 'requesting', 'asking', 'demanding', 'find',
  // es
  'quiero', 'quisiera', 'necesito', 'puedo', 'podria', 'puede', 'deseo', 'prefiero', 'exijo', 'dame', 'deme', 'ponme', 'pongame', 'favor', 'busco',
  // fr
  'veux', 'voudrais', 'souhaite', 'souhaiterais', 'aimerais', 'besoin', 'exige', 'puis', 'peux', 'pourrais', 'pouvez', 'plait', 'donnez', 'cherche',
  // de
  'mochte', 'will', 'wurde', 'brauche', 'kann', 'konnte', 'bitte', 'verlange', 'gerne', 'suche',
  // pt
  'quero', 'queria', 'preciso', 'gostaria', 'posso', 'poderia', 'desejo', 'pode',
]);

/** Tokens that negate what follows ("don't", "no", "ne … pas", "nicht", "não"). */
export const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nunca', 'sin', 'ne', 'n', 'pas', 'jamais', 'sans', 'nicht', 'kein', 'keine', 'keinen', 'keinem', 'nie', 'nao', 'sem', 'nor', 'neither']);

/** Words that name the bot itself, which ends a negation's reach ("I don't want a bot, get me a human"). */
export const BOT_WORDS = new Set(['bot', 'bots', 'robot', 'robots', 'machine', 'ai', 'chatbot', 'automated', 'automatic', 'computer', 'maquina', 'roboter', 'automate', 'robo', 'virtual']);

/** Real words one slip away from a human noun; never read as a typo of one. */
export const NEAR_MISSES = new Set([
  'humane', 'humor', 'humid', 'human', 'prison', 'poison', 'parson', 'reason', 'season', 'personal', 'personally', 'manage', 'managed', 'manages',
  'manger', 'urgent', 'agenda', 'agency', 'aged', 'ages', 'agent', 'operate', 'operated', 'operates', 'operating', 'operation', 'someday',
  'sometime', 'somehow', 'somewhat', 'somewhere', 'supervise', 'supervised', 'represent', 'represents', 'represented', 'representing',
  'presentation', 'pension', 'passion', 'version', 'persian', 'present', 'payment', 'adviser', 'advise', 'advised', 'stuff', 'staffed', 'stiff',
  'speck', 'spear', 'steak', 'sneak', 'tall', 'tale', 'talc', 'chart', 'chap', 'cheat', 'contract', 'contacts', 'connected', 'convert',
  'transfers', 'correct', 'collect', 'conduct', 'content', 'context', 'compact', 'connect', 'contact', 'transfer', 'beach', 'teach', 'peach',
  'cell', 'calm', 'coll', 'personne', 'peso', 'persona', 'pessoa', 'humano', 'agente', 'prison', 'hunan', 'women', 'woman',
]);

/** Strong nouns worth checking for typos (short ones like "rep" are too risky). */
export const TYPO_NOUNS = ['human', 'person', 'agent', 'representative', 'operator', 'supervisor', 'manager', 'someone', 'somebody', 'humano', 'persona', 'atendente', 'mitarbeiter', 'conseiller', 'customer'];

/** Verbs worth checking for typos ("contcat", "speek", "tlak"). */
export const TYPO_VERBS = ['talk', 'speak', 'contact', 'connect', 'transfer', 'reach', 'chat', 'escalate', 'hablar', 'parler', 'sprechen', 'falar'];

/** Small words a customer types glued to the next one ("Italk", "tohuman"). */
export const GLUE_WORDS = ['i', 'to', 'me', 'a', 'an', 'can', 'with', 'the'];

/** Words allowed between a request verb and the human it asks for ("I want a real, live person"). */
export const FILLERS = new Set([
  'a', 'an', 'the', 'to', 'some', 'one', 'of', 'your', 'you', 'real', 'actual', 'live', 'living', 'human', 'proper', 'competent', 'another',
  'different', 'other', 'please', 'now', 'just', 'really', 'with', 'for', 'me', 'us', 'through', 'directly', 'immediately', 'right', 'away',
  'be', 'being', 'get', 'have', 'talk', 'speak', 'again', 'fucking', 'damn', 'freaking', 'bloody', 'goddamn', 'an', 'any', 'someone', 'somebody',
  'customer', 'service', 'support', 'team', 'member', 'members', 'on', 'phone', 'line', 'chat', 'via', 'by', 'over', 'up', 'in', 'touch',
  // es / fr / de / pt articles and prepositions
  'un', 'una', 'uno', 'el', 'la', 'los', 'las', 'al', 'con', 'de', 'del', 'en', 'une', 'le', 'les', 'des', 'du', 'avec', 'au', 'aux', 'mit',
  'einem', 'einer', 'ein', 'eine', 'einen', 'dem', 'den', 'der', 'die', 'zu', 'zum', 'echten', 'echte', 'um', 'uma', 'o', 'os', 'com', 'da',
  'do', 'ao', 'pra', 'para', 'hablar', 'parler', 'sprechen', 'falar', 'mi', 'me', 'mich', 'mir', 'moi', 'bitte', 'por', 'favor', 'vraie', 'vrai',
]);

/** Words that end a verb's reach: after them the noun is something else ("talk like a human", "complain about the agent"). */
export const BREAKERS = new Set(['like', 'as', 'by', 'about', 'regarding', 'against', 'than', 'why', 'what', 'because', 'if', 'when', 'who', 'which', 'and', 'or', 'but', 'since', 'said', 'told', 'says', 'was', 'were', 'is', 'has', 'had', 'sobre', 'contre', 'uber', 'comme', 'wie', 'como']);
