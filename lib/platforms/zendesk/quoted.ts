import { dropQuotedHtml, dropQuotedText } from '../../html/quoted';
import { htmlToText } from '../shared';

/**
 * E-mail replies carry the thread they answer: a customer who quotes the bot's "our billing team will contact
 * you" has not promised anything. Zendesk keeps only the new part when the customer writes above its
 * "##- Please type your reply above this line -##" delimiter, but mail clients that reply below it, forward, or
 * strip the delimiter leave the whole quoted history in the comment; the mail clients' own quoting conventions
 * are dropped by the shared reader (lib/html/quoted.ts).
 */
const DELIMITER = /##-[^\n#]*-##/;

/** The new part of an e-mail comment: its HTML when given (quotes are marked up there), else its text. */
export function newPartOfEmail(html: string | null | undefined, text: string): string {
  const whole = html ? htmlToText(dropQuotedHtml(html)) : text;
  const delimiter = DELIMITER.exec(whole);
  // A reply that was nothing but a quote says nothing new: the quote must not speak for the customer.
  return dropQuotedText(delimiter ? whole.slice(0, delimiter.index) : whole);
}
