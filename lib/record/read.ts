import type { Conversation } from '../schema/conversation';
import type { HandoffRecord } from '../schema/record';
import { parseRecords } from './codec';

/** A record line as any helpdesk shows it (the codec's own alphabet; parseRecords decides what it holds). */
const LINE = /Baton record bt1\.[A-Za-z0-9.-]+/g;

/** A record found in the conversation, with the note that carries it (so the sidebar can scroll to that note). */
export interface FoundRecord {
  record: HandoffRecord;
  /** The note's index in `conversation.messages`. */
  messageIndex: number;
  messageId?: string;
  /** The note's own time, as the helpdesk gave it. */
  createdAt?: string;
  /** The record's line as the note carries it (to find the note on the page). */
  line: string;
}

/**
 * Every handoff record in the conversation's internal notes, oldest first, and how many record lines could
 * not be read (damaged, or a version this Baton does not know). A record in a message the customer can see
 * is not Baton's (Baton only ever writes internal notes), so it is not read.
 */
export function recordsOf(conversation: Pick<Conversation, 'messages'>): { found: FoundRecord[]; unreadable: number } {
  const found: FoundRecord[] = [];
  let unreadable = 0;
  conversation.messages.forEach((m, messageIndex) => {
    if (!m.internal) return;
    if (!m.text.includes('Baton record')) return;
    // Each line on its own, so every record keeps the line it was read from.
    for (const [line] of m.text.matchAll(LINE)) {
      const parsed = parseRecords(line);
      unreadable += parsed.unreadable;
      for (const record of parsed.records) {
        found.push({ record, messageIndex, line, ...(m.id ? { messageId: m.id } : {}), ...(m.createdAt ? { createdAt: m.createdAt } : {}) });
      }
    }
  });
  return { found, unreadable };
}
