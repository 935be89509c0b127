import type { CustomerMessage, Language } from '../schema/customer-message';
import { teamStatus } from './hours';
import { formatOpening } from './opening';

export interface CustomerMessageText {
  text: string;
  language: Language;
  /** Whether the team is in at that moment (always, when team hours are off). */
  inside: boolean;
}

/** Fills a placeholder; an empty value takes the space before it too, so no " ." is left behind. */
function fill(template: string, name: string, value: string): string {
  const slot = new RegExp(`\\s*\\{${name}\\}`, 'g');
  return template.replace(slot, (m) => (value ? m.replace(`{${name}}`, () => value) : ''));
}

/** The message to the customer in `language`, for the moment `now` (inside or outside the team's hours). */
export function customerMessageFor(config: CustomerMessage, language: Language, now: Date): CustomerMessageText {
  const m = config.messages[language];
  const status = teamStatus(config.hours, now);
  // No open day at all says nothing about when the team is back: the inside text promises no time.
  if (status.inside || !status.nextOpening) return { text: fill(m.inside, 'wait', m.wait), language, inside: true };
  const opening = formatOpening(status.nextOpening, now, config.hours.timeZone, language);
  return { text: fill(m.outside, 'opening', opening), language, inside: false };
}
