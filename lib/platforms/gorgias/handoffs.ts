import { z } from 'zod';
import type { HandoffListing, HandoffQuery } from '../../schema/team';
import { carriesRecord } from '../../record/codec';
import { collectHandoffs, type Candidate, type NoteText } from '../handoffs';
import type { AdapterContext } from '../types';
import { call, PAGE_LIMIT, parse, url } from './api';
import { GMessageSchema, GPageSchema, GTicketSchema } from './schemas';

const MAX_PAGES = 200;

/** Follows next_cursor; `keepGoing` sees each page's items and stops the walk when it answers false. */
async function walk<T>(
  ctx: AdapterContext,
  path: string,
  query: Record<string, string>,
  item: z.ZodType<T>,
  action: string,
  keepGoing: (items: T[]) => boolean,
): Promise<void> {
  const first = new URL(url(ctx, path));
  for (const [k, v] of Object.entries(query)) first.searchParams.set(k, v);
  const seen = new Set<string>();
  let req: string | null = first.toString();
  for (let page = 0; req && page < MAX_PAGES; page++) {
    const res = await call(ctx, { method: 'GET', url: req }, { action });
    const body = parse(GPageSchema, res.body, action);
    if (!keepGoing(body.data.map((x) => parse(item, x, action)))) return;
    const cursor = body.meta?.next_cursor;
    if (!cursor || seen.has(cursor)) return;
    seen.add(cursor);
    const u = new URL(first);
    u.searchParams.set('cursor', cursor);
    req = u.toString();
  }
}

/**
 * The written contract has no tag filter on the ticket list (test/contracts/gorgias.ts), so Baton lists tickets
 * newest update first and stops at the first one older than the cutoff, keeping those with a reason tag.
 */
async function listTickets(ctx: AdapterContext, q: HandoffQuery, onListed?: (n: number) => void): Promise<Candidate[]> {
  const since = Date.parse(q.since);
  const out: Candidate[] = [];
  await walk(
    ctx,
    '/api/tickets',
    { limit: String(PAGE_LIMIT), order_by: 'updated_datetime:desc' },
    GTicketSchema,
    'list the tickets Baton escalated',
    (tickets) => {
      for (const t of tickets) {
        const at = t.updated_datetime ? Date.parse(t.updated_datetime) : NaN;
        if (!(at >= since)) return false;
        if ((t.tags ?? []).some((tag) => tag.name.startsWith(q.tagPrefix))) out.push({ id: String(t.id), updatedAt: t.updated_datetime! });
      }
      onListed?.(out.length);
      return true;
    },
  );
  return out;
}

async function readNotes(ctx: AdapterContext, id: string): Promise<NoteText[]> {
  const notes: NoteText[] = [];
  await walk(
    ctx,
    '/api/messages',
    { ticket_id: id, limit: String(PAGE_LIMIT), order_by: 'created_datetime:asc' },
    GMessageSchema,
    `read the notes of ticket ${id}`,
    (messages) => {
      for (const m of messages) {
        const text = m.body_html ?? m.body_text;
        const internal = m.channel === 'internal-note' || m.public === false;
        if (internal && carriesRecord(text)) notes.push({ text, author: m.sender?.name ?? null });
      }
      return true;
    },
  );
  return notes;
}

/** Tickets updated since the cutoff that carry a reason tag, then each one's internal notes. */
export async function listHandoffs(
  ctx: AdapterContext,
  q: HandoffQuery,
  onProgress?: (done: number, total: number) => void,
): Promise<HandoffListing> {
  const tickets = await listTickets(ctx, q, (n) => onProgress?.(0, n));
  return collectHandoffs(tickets, (id) => readNotes(ctx, id), q, onProgress);
}
