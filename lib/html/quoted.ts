/**
 * Drops the earlier thread that e-mail clients quote under a reply, so the engine reads what the sender wrote
 * now: a customer who replies above the bot's "our billing team will contact you" is not the bot promising it
 * again, and the turn's acts come from the new text only.
 *
 * The markers are the ones mail clients write and public reply parsers look for (Gmail `gmail_quote` /
 * `gmail_attr`, Yahoo `yahoo_quoted`, Proton `protonmail_quote`, Thunderbird `moz-cite-prefix`, Apple Mail and
 * others' `<blockquote type="cite">`, Outlook's `divRplyFwdMsg` /
 * `appendonsend` header that starts the forwarded thread) and, in plain text, "On … wrote:" attribution lines,
 * "-----Original Message-----" and ">" lines. Both passes are linear in the input (customer text is data).
 */

/** An element carrying one of these (class or id) holds quoted history: it is dropped with its content. */
const QUOTE_MARKS = ['gmail_quote', 'gmail_attr', 'yahoo_quoted', 'protonmail_quote', 'moz-cite-prefix'];
/** Outlook puts the earlier thread after this element, not inside it: everything from it on is history. */
const CUT_MARKS = ['divrplyfwdmsg', 'appendonsend', 'mail-editor-reference-message-container'];

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** The tag's text in lower case, attributes included. */
  text: string;
  end: number;
}

function tagAt(html: string, i: number): Tag | null {
  const closing = html.charCodeAt(i + 1) === 47;
  let j = i + (closing ? 2 : 1);
  if (!isLetter(html.charCodeAt(j))) return null;
  const close = html.indexOf('>', j);
  if (close < 0) return null;
  const start = j;
  while (j < close && (isLetter(html.charCodeAt(j)) || (html.charCodeAt(j) >= 48 && html.charCodeAt(j) <= 57))) j++;
  const text = html.slice(i, close + 1).toLowerCase();
  return { name: html.slice(start, j).toLowerCase(), closing, selfClosing: html.charCodeAt(close - 1) === 47, text, end: close + 1 };
}

/** Whether an opening tag starts quoted history. */
const startsQuote = (t: Tag, marks: readonly string[]) => t.name === 'blockquote' || marks.some((m) => t.text.includes(m));

/**
 * The HTML without quoted history; the markup around it is kept as it was. `helpdeskMarks` are the class names
 * a helpdesk's own composer puts on the quote it adds under a reply (the platform adapter knows them).
 */
export function dropQuotedHtml(html: string, helpdeskMarks: readonly string[] = []): string {
  const marks = [...QUOTE_MARKS, ...helpdeskMarks.map((m) => m.toLowerCase())];
  if (!html.includes('<')) return html;
  let out = '';
  let kept = 0;
  // Inside a dropped element: its tag name and how deep.
  let skip: { name: string; depth: number } | null = null;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i)) {
    const tag = tagAt(html, i);
    if (!tag) {
      i++;
      continue;
    }
    if (skip) {
      if (tag.name === skip.name && !tag.selfClosing) skip.depth += tag.closing ? -1 : 1;
      if (skip.depth === 0) {
        kept = tag.end;
        skip = null;
      }
    } else if (!tag.closing && CUT_MARKS.some((m) => tag.text.includes(m))) {
      return out + html.slice(kept, i);
    } else if (!tag.closing && !tag.selfClosing && startsQuote(tag, marks)) {
      out += html.slice(kept, i);
      skip = { name: tag.name, depth: 1 };
    }
    i = tag.end;
  }
  // An element left open runs to the end of the body: all of it was quoted.
  return skip ? out : out + html.slice(kept);
}

const ATTRIBUTION_END = /(wrote|a écrit|schrieb|escribió|escreveu|scrisse|schreef)\s*:\s*$/i;
const ATTRIBUTION_START = /^(on|le|am|el|em|il|op)\s/i;
const SEPARATOR =
  /^(-{3,}\s*(original message|message d'origine|ursprüngliche nachricht|mensaje original|forwarded message)\s*-{3,}|_{20,})\s*$/i;

/** Outlook's plain-text reply header: "From: …" with "Sent:" or "Date:" within the next three lines. */
const isOutlookHeader = (lines: string[], i: number) =>
  /^from:\s/i.test(lines[i]!.trim()) && lines.slice(i + 1, i + 4).some((l) => /^(sent|date):\s/i.test(l.trim()));

/**
 * Plain text without quoted history: from the first attribution line ("On Mon, … Bob <b@x> wrote:", also
 * wrapped over two lines), Outlook separator or Outlook reply header on, and every line starting with ">".
 */
export function dropQuotedText(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (SEPARATOR.test(line) || isOutlookHeader(lines, i)) break;
    if (ATTRIBUTION_START.test(line) && line.length <= 300) {
      if (ATTRIBUTION_END.test(line)) break;
      const next = lines[i + 1]?.trim() ?? '';
      if (next.length <= 200 && ATTRIBUTION_END.test(next) && !next.startsWith('>')) break;
    }
    if (line.startsWith('>')) continue;
    kept.push(lines[i]!);
  }
  return kept.join('\n').trim();
}
