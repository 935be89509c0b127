import type { CustomerMessage, Language } from '../schema/customer-message';
import { teamStatus } from './hours';
import { formatOpening } from './opening';

export interface CustomerMessageText {
  text: string;
  language: Language;
  /** Whether the team is in at that moment (always, when team hours are off). */
  inside: boolean;
  /** Where {wait} came from: the measured median pick-up, or the team lead's expected wait text. */
  wait: 'measured' | 'fixed';
}

/** A measured median pick-up, in minutes (lib/insights/waits.ts `measuredPickup`). */
export interface MeasuredWait {
  minutes: number;
  samples: number;
}

type Unit = 'minute' | 'hour';
const WAIT_WORDS: Record<Language, (n: number, unit: Unit) => string> = {
  en: (n, u) => `within about ${n} ${u}${n === 1 ? '' : 's'}`,
  es: (n, u) => (u === 'hour' ? (n === 1 ? 'en una hora' : `en unas ${n} horas`) : `en unos ${n} minutos`),
  fr: (n, u) => `d'ici environ ${n} ${u === 'hour' ? (n === 1 ? 'heure' : 'heures') : 'minutes'}`,
  de: (n, u) => `in etwa ${u === 'hour' ? (n === 1 ? 'einer Stunde' : `${n} Stunden`) : `${n} Minuten`}`,
  pt: (n, u) => `em cerca de ${n} ${u === 'hour' ? (n === 1 ? 'hora' : 'horas') : 'minutos'}`,
};

/**
 * A measured wait in the customer's language, rounded up so the promise is kept more often than not: to 5
 * minutes below an hour, to whole hours above ("within about 15 minutes", "en unas 2 horas").
 */
function measuredWaitText(minutes: number, language: Language): string {
  if (minutes < 60) return WAIT_WORDS[language](Math.max(5, Math.ceil(minutes / 5) * 5), 'minute');
  return WAIT_WORDS[language](Math.ceil(minutes / 60), 'hour');
}

/** Fills a placeholder; an empty value takes the space before it too, so no " ." is left behind. */
function fill(template: string, name: string, value: string): string {
  const slot = new RegExp(`\\s*\\{${name}\\}`, 'g');
  return template.replace(slot, (m) => (value ? m.replace(`{${name}}`, () => value) : ''));
}

/**
 * The message to the customer in `language`, for the moment `now` (inside or outside the team's hours). With
 * the team lead's leave (`measuredWait`) and a measured pick-up for this target and hour, {wait} says that.
 */
export function customerMessageFor(
  config: CustomerMessage,
  language: Language,
  now: Date,
  measured?: MeasuredWait | null,
): CustomerMessageText {
  const m = config.messages[language];
  const status = teamStatus(config.hours, now);
  // No open day at all says nothing about when the team is back: the inside text promises no time.
  if (status.inside || !status.nextOpening) {
    const useMeasured = config.measuredWait && !!measured;
    const wait = useMeasured ? measuredWaitText(measured.minutes, language) : m.wait;
    return { text: fill(m.inside, 'wait', wait), language, inside: true, wait: useMeasured ? 'measured' : 'fixed' };
  }
  const opening = formatOpening(status.nextOpening, now, config.hours.timeZone, language);
  return { text: fill(m.outside, 'opening', opening), language, inside: false, wait: 'fixed' };
}
