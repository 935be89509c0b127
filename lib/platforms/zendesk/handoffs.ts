import { z } from 'zod';
import type { HandoffListing, HandoffQuery } from '../../schema/team';
import { carriesRecord } from '../../record/codec';
import { collectHandoffs, type Candidate, type NoteText } from '../handoffs';
import type { AdapterContext } from '../types';
import { getJson } from './api';
import { CommentsPageSchema } from './schemas';

/** Export Search Results (spec ExportSearchResults): cursor pages, no 1,000-result cap, its own 100 a minute. */
const SearchExportSchema = z.object({
  results: z.array(z.object({ id: z.number().int(), updated_at: z.string(), tags: z.array(z.string()).nullish() })),
  meta: z.object({ has_more: z.boolean().nullish() }).nullish(),
  links: z.object({ next: z.string().nullish() }).nullish(),
});

const MAX_PAGES = 200;

/** Zendesk's search time format: ISO 8601 to the second. */
const searchTime = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function listTickets(ctx: AdapterContext, q: HandoffQuery, onListed?: (n: number) => void): Promise<Candidate[]> {
  const query = `tags:${q.tagPrefix}* updated>${searchTime(q.since)}`;
  const params = new URLSearchParams({ query, 'filter[type]': 'ticket', 'page[size]': '100' });
  const action = 'list the tickets Baton escalated';
  const out: Candidate[] = [];
  let next: string | null = `/search/export.json?${params.toString()}`;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const body: z.infer<typeof SearchExportSchema> = await getJson(ctx, next, SearchExportSchema, action);
    for (const t of body.results) out.push({ id: String(t.id), updatedAt: t.updated_at });
    onListed?.(out.length);
    next = body.meta?.has_more && body.links?.next ? body.links.next : null;
  }
  return out;
}

async function readNotes(ctx: AdapterContext, id: string): Promise<NoteText[]> {
  const action = `read the notes of ticket ${id}`;
  const notes: NoteText[] = [];
  let next: string | null = `/tickets/${encodeURIComponent(id)}/comments.json?page[size]=100&include=users`;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const body: z.infer<typeof CommentsPageSchema> = await getJson(ctx, next, CommentsPageSchema, action);
    const names = new Map((body.users ?? []).map((u) => [u.id, u.name ?? null]));
    for (const c of body.comments) {
      const text = c.html_body ?? c.plain_body ?? c.body;
      if (!c.public && carriesRecord(text)) notes.push({ text, author: names.get(c.author_id) ?? null });
    }
    next = body.meta?.has_more && body.links?.next ? body.links.next : null;
  }
  return notes;
}

/** Search by the reason tags' prefix (a wildcard) and update time, then each ticket's internal comments. */
export async function listHandoffs(
  ctx: AdapterContext,
  q: HandoffQuery,
  onProgress?: (done: number, total: number) => void,
): Promise<HandoffListing> {
  const tickets = await listTickets(ctx, q, (n) => onProgress?.(0, n));
  return collectHandoffs(tickets, (id) => readNotes(ctx, id), q, onProgress);
}
