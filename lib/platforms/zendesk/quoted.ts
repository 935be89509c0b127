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
const ORIGINAL = /^[ \t]*-{2,}[ \t]*(?:Original Message|Forwarded message)/im;
const OUTLOOK = /^From:\s.+\n(?:.+\n){0,3}?(?:Sent|Date):\s/im;

/** Removes every `<blockquote>…</blockquote>` (nested ones with their parent) by scanning, not backtracking. */
function dropBlockquotes(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  for (;;) {
    const open = lower.indexOf('<blockquote', at);
    if (open < 0) return out + html.slice(at);
    out += html.slice(at, open);
    let depth = 0;
    let i = open;
    for (;;) {
      const nextOpen = lower.indexOf('<blockquote', i + 1);
      const nextClose = lower.indexOf('</blockquote', i + 1);
      if (nextClose < 0) return out; // an unclosed quote runs to the end
      if (nextOpen >= 0 && nextOpen < nextClose) {
        depth++;
        i = nextOpen;
      } else if (depth > 0) {
        depth--;
        i = nextClose;
      } else {
        const end = lower.indexOf('>', nextClose);
        at = end < 0 ? html.length : end + 1;
        break;
      }
    }
  }
}

function dropQuotedHtml(html: string): string {
  const out = dropBlockquotes(html);
  // Gmail wraps the attribution and the quote in a div of class gmail_quote: everything from it on is history.
  const mark = out.toLowerCase().indexOf('gmail_quote');
  if (mark < 0) return out;
  const div = out.toLowerCase().lastIndexOf('<div', mark);
  return div >= 0 ? out.slice(0, div) : out;
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
