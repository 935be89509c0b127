import type { HandoffListing, HandoffQuery } from '../../schema/team';
import { carriesRecord } from '../../record/codec';
import { collectHandoffs, type Candidate, type NoteText } from '../handoffs';
import type { AdapterContext } from '../types';
import { listAll, PAGE_LIMIT } from './api';
import { FCommentSchema, FConversationSchema, teammateName } from './schemas';
import { tagIndex } from './tags';

/**
 * Front's search takes a tag's id, not a prefix, so each reason tag is searched on its own
 * (`tag:{id} after:{unix seconds}`, the spec's search-conversations and its search syntax page); a conversation
 * found under two tags is read once. Search is held to 40% of the company's rate limit (spec), which the
 * pacer meets through the same x-ratelimit headers and Retry-After.
 */
async function listConversations(ctx: AdapterContext, q: HandoffQuery, onListed?: (n: number) => void): Promise<Candidate[]> {
  const idx = await tagIndex(ctx, 60_000);
  const tagIds = [...idx.byId].filter(([, name]) => name.startsWith(q.tagPrefix)).map(([id]) => id);
  const after = Math.floor(Date.parse(q.since) / 1000);
  const found = new Map<string, Candidate>();
  for (const id of tagIds) {
    const query = encodeURIComponent(`tag:${id} after:${after}`);
    const conversations = await listAll(ctx, `/conversations/search/${query}`, FConversationSchema, 'the conversations Baton escalated', {
      limit: String(PAGE_LIMIT),
    });
    for (const c of conversations) {
      const updated = c.updated_at ? new Date(c.updated_at * 1000).toISOString() : new Date(0).toISOString();
      found.set(c.id, { id: c.id, updatedAt: updated });
    }
    onListed?.(found.size);
  }
  return [...found.values()];
}

async function readNotes(ctx: AdapterContext, id: string): Promise<NoteText[]> {
  const comments = await listAll(
    ctx,
    `/conversations/${encodeURIComponent(id)}/comments`,
    FCommentSchema,
    `the comments of conversation ${id}`,
  );
  return comments.filter((c) => carriesRecord(c.body)).map((c) => ({ text: c.body, author: teammateName(c.author) ?? null }));
}

/** Conversations with a reason tag and activity since the cutoff, then each one's comments. */
export async function listHandoffs(
  ctx: AdapterContext,
  q: HandoffQuery,
  onProgress?: (done: number, total: number) => void,
): Promise<HandoffListing> {
  const conversations = await listConversations(ctx, q, (n) => onProgress?.(0, n));
  return collectHandoffs(conversations, (id) => readNotes(ctx, id), q, onProgress);
}
