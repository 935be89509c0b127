import { isApiError } from '../http/errors';
import { parseRecords } from '../record/codec';
import type { HandoffListing, HandoffQuery, TeamConversation } from '../schema/team';

/** A conversation the helpdesk listed: its id and the update time the list gave. */
export interface Candidate {
  id: string;
  updatedAt: string;
}

/** One internal note's text (plain or HTML) and its author's name as the helpdesk gives it. */
export interface NoteText {
  text: string;
  author: string | null;
}

/**
 * One conversation at a time: the pacer (lib/http/budget.ts) spreads what is left of the budget over the time
 * to its reset from each answer, and requests admitted in parallel before the next answer would each spread the
 * same remainder (measured: a few 429s per 100 reads at three in parallel, none one by one).
 */
const PARALLEL = 1;

/**
 * The part every helpdesk shares: each listed conversation not already read at that update time has its notes
 * read and their records parsed. A conversation the helpdesk refuses (403) or no longer has (404) becomes a
 * problem line and the read goes on; a refused sign-in or a missing tab stops it, since every request would
 * fail the same way.
 */
export async function collectHandoffs(
  candidates: Candidate[],
  readNotes: (id: string) => Promise<NoteText[]>,
  query: Pick<HandoffQuery, 'known'>,
  onProgress?: (done: number, total: number) => void,
): Promise<HandoffListing> {
  const known = query.known ?? {};
  const unique = [...new Map(candidates.map((c) => [c.id, c])).values()];
  const unchanged = unique.filter((c) => known[c.id] === c.updatedAt).map((c) => c.id);
  const toRead = unique.filter((c) => known[c.id] !== c.updatedAt);
  const conversations: TeamConversation[] = [];
  const problems: HandoffListing['problems'] = [];
  let done = 0;
  onProgress?.(0, toRead.length);
  let next = 0;
  const worker = async () => {
    while (next < toRead.length) {
      const c = toRead[next++];
      try {
        const notes = await readNotes(c.id);
        const records: TeamConversation['records'] = [];
        let unreadable = 0;
        for (const n of notes) {
          const parsed = parseRecords(n.text);
          unreadable += parsed.unreadable;
          for (const record of parsed.records) records.push({ record, noteAuthor: n.author?.slice(0, 120) ?? null });
        }
        conversations.push({ conversationId: c.id, updatedAt: c.updatedAt, records, unreadable });
      } catch (e) {
        if (!isApiError(e) || e.kind === 'auth' || e.kind === 'no_tab') throw e;
        const kind = e.status === 403 ? 'forbidden' : e.status === 404 ? 'not_found' : 'failed';
        problems.push({ conversationId: c.id, kind, message: e.message });
      }
      onProgress?.(++done, toRead.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, toRead.length) }, worker));
  return { conversations, unchanged, problems };
}
