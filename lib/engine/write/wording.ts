import type { Signal, SignalKind } from '../../schema/verdict';

/** Signal names for the note's evidence list. */
export const SIGNAL_LABEL: Record<SignalKind, string> = {
  user_requested_human: 'Customer asked for a human',
  bot_handed_off: 'Bot handed off',
  out_of_scope: "Outside the bot's scope",
  unconfirmed: 'Possible escalation, not confirmed',
  custom_instruction: "Team lead's escalation instruction",
};

/** Signals as parts of a sentence, for reasons. */
export const SIGNAL_CLAUSE: Record<SignalKind, string> = {
  user_requested_human: 'the customer asked for a human',
  bot_handed_off: 'the bot handed the case off',
  out_of_scope: "the request is outside the bot's scope",
  unconfirmed: 'a possible handoff',
  custom_instruction: "the team lead's escalation instruction applies",
};

export function listText(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "the customer asked for a human and the bot handed the case off". */
export function describeSignals(signals: Signal[]): string {
  return listText([...new Set(signals.filter((s) => s.kind !== 'unconfirmed').map((s) => SIGNAL_CLAUSE[s.kind]))]);
}
