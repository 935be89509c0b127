/**
 * Markup to text without a DOM (the engine runs in the MV3 worker and in Node), in one pass: each character is
 * read a bounded number of times, so no markup, however malformed, costs more than its length. Entities are decoded
 * by `entities` (the WHATWG tables; an impossible code point becomes U+FFFD instead of throwing).
 */
import { decodeHTML, decodeHTMLStrict } from 'entities/decode';

export interface MarkupReading {
  /** What a removed tag leaves: '' where markup never separates words (helpdesk HTML), ' ' where it may. */
  tagGap: '' | ' ';
  /** What an opening <li> becomes. */
  listMark: string;
  /** A "<" whose ">" is further than this is text ("if x<y … y>z" in a chat). */
  maxTagChars: number;
  /** 'html': entities as a browser reads them ("&amp" without ";" too); 'strict': only "&name;" forms (plain text). */
  entities: 'html' | 'strict';
}

/** HTML bodies from helpdesk APIs. */
export const HTML_BODY: MarkupReading = { tagGap: '', listMark: '- ', maxTagChars: Infinity, entities: 'html' };
/** Customer text that may carry pasted or hidden markup. */
export const CHAT_TEXT: MarkupReading = { tagGap: ' ', listMark: ' ', maxTagChars: 1000, entities: 'strict' };

// Elements whose content is never text a reader sees.
const RAW_TEXT = new Set(['script', 'style', 'template']);
// Closing tags that end a line.
const BLOCK_END = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58;

/** A "<" starts a tag when a letter, "/", "!" or "?" follows (as in a browser); "a < b" and "<3" stay text. */
function startsTag(s: string, i: number): boolean {
  const c = s.charCodeAt(i + 1);
  return isLetter(c) || c === 33 || c === 63 || c === 47;
}

/**
 * Finds `needle` (lower case) from `from`, ignoring ASCII case. Searches only move forward, so the last answer
 * per needle is reused while it still lies ahead: a thousand "<" before one ">" cost one scan, not a thousand.
 */
function finder(s: string) {
  const lower = /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
  const last = new Map<string, number>();
  return (needle: string, from: number): number => {
    const known = last.get(needle);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const at = lower.indexOf(needle, from);
    last.set(needle, at);
    return at;
  };
}

/** Tags and comments removed (line-breaking ones become "\n"); entities left as written. */
function stripTags(s: string, reading: MarkupReading): string {
  if (!s.includes('<')) return s;
  const find = finder(s);
  let out = '';
  let kept = 0;
  for (let i = s.indexOf('<'); i >= 0 && i < s.length; i = s.indexOf('<', i)) {
    if (!startsTag(s, i)) {
      i++;
      continue;
    }
    let end: number;
    let gap: string = reading.tagGap;
    if (s.startsWith('<!--', i) && (end = find('-->', i + 4)) >= 0) {
      end += 3;
    } else {
      const close = find('>', i + 1);
      if (close < 0 || close - i - 1 > reading.maxTagChars) {
        i++;
        continue;
      }
      end = close + 1;
      const closing = s.charCodeAt(i + 1) === 47;
      let n = i + (closing ? 2 : 1);
      while (n < close && isNameChar(s.charCodeAt(n))) n++;
      const name = s.slice(i + (closing ? 2 : 1), n).toLowerCase();
      if (name === 'br') gap = '\n';
      else if (closing && BLOCK_END.has(name)) gap = '\n';
      else if (!closing && name === 'li') gap = reading.listMark;
      else if (!closing && RAW_TEXT.has(name)) {
        // The element's content goes with it; an element never closed loses only its opening tag.
        const closeTag = find(`</${name}`, end);
        const closeEnd = closeTag < 0 ? -1 : find('>', closeTag);
        if (closeEnd >= 0) end = closeEnd + 1;
      }
    }
    out += s.slice(kept, i) + gap;
    kept = i = end;
  }
  return kept ? out + s.slice(kept) : s;
}

/** Character references decoded; never throws. */
function decodeEntities(s: string, reading: MarkupReading): string {
  if (!s.includes('&')) return s;
  return reading.entities === 'html' ? decodeHTML(s) : decodeHTMLStrict(s);
}

/** Tags removed, then entities decoded (so "&lt;b&gt;" stays the text "<b>"). */
export function markupToText(s: string, reading: MarkupReading): string {
  return decodeEntities(stripTags(s, reading), reading);
}
