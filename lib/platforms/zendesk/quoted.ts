import { htmlToText } from '../shared';

/**
 * E-mail replies carry the thread they answer: a customer who quotes the bot's "our billing team will contact
 * you" has not promised anything. Zendesk keeps only the new part when the customer writes above its
 * "##- Please type your reply above this line -##" delimiter, but mail clients that reply below it, forward,
 * or strip the delimiter leave the whole quoted history in the comment. These are the quoting conventions of
 * common mail clients (HTML `blockquote` and Gmail's `gmail_quote` block, Outlook's "From: … Sent:" header and
 * "Original Message" rule, "On … wrote:" attributions, "> " line prefixes), dropped before the engine reads.
 */
const DELIMITER = /##-[^\n#]*-##/;
const ATTRIBUTION = /^(?:On|Le|Am|El|Em)\s.{3,200}(?:wrote|a écrit|schrieb|escribió|escreveu)\s*:\s*$/im;
const ORIGINAL = /^\s*-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}/im;
const OUTLOOK = /^From:\s.+\n(?:.+\n){0,3}?(?:Sent|Date):\s/im;

function dropQuotedHtml(html: string): string {
  let out = html;
  // Innermost first, so nested quotes go with their parent.
  const innermost = /<blockquote\b[^>]*>(?:(?!<blockquote\b)[\s\S])*?<\/blockquote>/gi;
  for (let i = 0; i < 20 && innermost.test(out); i++) out = out.replace(innermost, '');
  const gmail = out.search(/<div\b[^>]*class="[^"]*\bgmail_quote\b/i);
  return gmail >= 0 ? out.slice(0, gmail) : out;
}

function cutAt(text: string, re: RegExp): string {
  const m = re.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** The new part of an e-mail comment: its HTML when given (quotes are marked up there), else its text. */
export function newPartOfEmail(html: string | null | undefined, text: string): string {
  let t = html ? htmlToText(dropQuotedHtml(html)) : text;
  for (const re of [DELIMITER, ATTRIBUTION, ORIGINAL, OUTLOOK]) t = cutAt(t, re);
  t = t
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n')
    .trim();
  // A reply that was nothing but a quote says nothing new: the quote must not speak for the customer.
  return t;
}
