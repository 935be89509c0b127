/**
 * The words for how a customer feels and how urgent it is, said once: the mood reader (mood.ts) reads
 * customer text with them, the instruction reader (decide/instruction.ts) recognises a team lead writing
 * about them ("escalate angry customers", "only urgent cases"), and the scope judge treats them as saying
 * nothing about a topic (scope/synonyms.ts).
 */

/** Feelings a team lead names for a negative mood, and a customer shows. */
export const NEGATIVE_FEELINGS = [
  'angry',
  'upset',
  'frustrated',
  'furious',
  'annoyed',
  'unhappy',
  'mad',
  'rude',
  'abusive',
  'disappointed',
] as const;

/** Words of feeling in customer text that are no topic, besides the negative feelings. */
export const OTHER_FEELING_WORDS =
  'terrible awful horrible ridiculous unacceptable useless disappointing pathetic happy glad pleased sad worried confused stupid crazy insane seriously wow damn fucking fuck shit hell'.split(
    ' ',
  );

/**
 * Single words that make a message urgent, in customer text and in a team lead's instruction.
 * @public also read by the ReDoS gate, which builds the urgent-text pattern itself
 */
export const URGENCY_WORDS = ['urgent', 'urgency', 'emergency', 'asap', 'critical'] as const;

/**
 * Urgent phrases of customer text beyond the single words: time, security, money and legal threats, five languages.
 * @public also read by the ReDoS gate
 */
export const URGENT_PHRASES = [
  'urgent\\w*',
  'immediately',
  'right now',
  'right away',
  'as soon as possible',
  'fraud\\w*',
  'stolen',
  'hacked',
  'unauthori[sz]ed',
  'charged (\\S+ ){0,3}twice',
  'double charged',
  'lawyer',
  'legal action',
  'sue',
  'court',
  'chargeback',
  'deadline',
  "can'?t access",
  'locked out',
  'security breach',
  'within (an|the) hour',
  'urgente',
  'inmediatamente',
  'ahora mismo',
  'de inmediato',
  'urgence',
  'tout de suite',
  'immediatement',
  'dringend',
  'sofort',
  'notfall',
  'imediatamente',
  'agora mesmo',
] as const;

/**
 * `\b(a|b|c)\b` over a list of plain words or pattern parts.
 * @public also called by the ReDoS gate, so the pattern it builds is checked as built
 */
export function anyOf(parts: readonly string[]): RegExp {
  return new RegExp(`\\b(${parts.join('|')})\\b`);
}

/** Customer text that is urgent. */
export const URGENT_TEXT = anyOf([...URGENT_PHRASES, ...URGENCY_WORDS]);
/** A team lead's instruction about a negative mood ("angry customers") or urgency ("urgent cases"). */
export const NEGATIVE_MOOD_WORDS = anyOf([...NEGATIVE_FEELINGS, 'negative']);
export const URGENCY_MENTION = anyOf(URGENCY_WORDS);
