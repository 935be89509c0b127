import { HandoffRecordSchema, type HandoffRecord } from '../schema/record';

/**
 * A record travels as one visible line at the end of a note: `Baton record bt1.<payload>`. The payload is the
 * record's JSON in base64 with an alphabet of letters, digits, "-" and "." only, so no helpdesk's rendering
 * (HTML, Markdown, plain text, autolinking, smart quotes) can change it: "_" would turn into emphasis in a
 * Markdown renderer, "+", "/" and "=" into links or list markers. Visible on purpose: a teammate can see that
 * the note carries data, and copy it into a bug report.
 */
const PREFIX = 'Baton record bt1.';
const TOKEN = /Baton record bt1\.([A-Za-z0-9.-]{8,4000})/g;

const toAlphabet = (b64: string) =>
  b64
    .replace(/\+/g, '-')
    .replace(/\//g, '.')
    .replace(/={1,2}$/, '');
const fromAlphabet = (s: string) => s.replace(/-/g, '+').replace(/\./g, '/');

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function unbase64(text: string): Uint8Array {
  const padded = text + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(padded);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The record's line, ready to append to a note (in the note Markdown subset, nothing to escape but "-" and "."). */
export function recordLine(record: HandoffRecord): string {
  const json = JSON.stringify(HandoffRecordSchema.parse(record));
  return PREFIX + toAlphabet(base64(new TextEncoder().encode(json)));
}

/** The same line escaped for the note Markdown subset (lib/note/render.ts), whose escapes include "-" and ".". */
export function recordNoteLine(record: HandoffRecord): string {
  return recordLine(record).replace(/[-.]/g, '\\$&');
}

/** Whether a note carries a record line at all: a cheap test, so notes without one are never parsed. */
export const carriesRecord = (text: string | null | undefined): text is string => !!text && text.includes('Baton record');

/**
 * Every record in a note's text (plain text or HTML: the payload's alphabet never needs escaping). A token
 * that does not decode, or whose JSON the schema refuses, is counted in `unreadable`, never guessed at.
 */
export function parseRecords(text: string | null | undefined): { records: HandoffRecord[]; unreadable: number } {
  const records: HandoffRecord[] = [];
  let unreadable = 0;
  if (!carriesRecord(text)) return { records, unreadable };
  for (const m of text.matchAll(TOKEN)) {
    try {
      const json = new TextDecoder('utf-8', { fatal: true }).decode(unbase64(fromAlphabet(m[1])));
      const parsed = HandoffRecordSchema.safeParse(JSON.parse(json));
      if (parsed.success) records.push(parsed.data);
      else unreadable++;
    } catch {
      unreadable++;
    }
  }
  return { records, unreadable };
}
