import { SIGNALS } from '../../signals/registry';
import type { Signal } from '../../schema/verdict';

export function listText(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "the customer asked for a human and the bot handed the case off or cannot help". */
export function describeSignals(signals: Signal[]): string {
  return listText([...new Set(signals.filter((s) => SIGNALS[s.kind].escalates).map((s) => SIGNALS[s.kind].clause))]);
}
