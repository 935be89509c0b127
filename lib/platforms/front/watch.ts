import type { AdapterContext, WatchChanges } from '../types';
import { atOrAfter } from '../watch-walk';
import { listAll, PAGE_LIMIT } from './api';
import { FConversationSchema } from './schemas';

/**
 * The inbox's conversations (spec list-inbox-conversations, pages of 100 by `page_token`). Front's spec gives
 * this list no sort and no "updated after" filter, so every page is read and the changed ones kept: a few
 * requests per hundred conversations. Each names its newest message (`_links.related.last_message`), so a
 * conversation touched without a new message is judged again without reading its messages.
 */
export async function listChanged(ctx: AdapterContext, inboxId: string, since: string | null): Promise<WatchChanges> {
  if (!/^inb_[0-9a-z]+$/i.test(inboxId))
    throw new Error(`The watched Front inbox "${inboxId}" is not an inbox id: pick the inbox again in Options.`);
  let requests = 0;
  const counted = { ...ctx, http: { ...ctx.http, call: (...a: Parameters<typeof ctx.http.call>) => (requests++, ctx.http.call(...a)) } };
  const all = await listAll(counted, `/inboxes/${inboxId}/conversations`, FConversationSchema, 'the watched inbox', {
    limit: String(PAGE_LIMIT),
  });
  let newest: string | null = since;
  const items = [];
  for (const c of all) {
    if (c.updated_at === null || c.updated_at === undefined) continue;
    const stamp = String(c.updated_at);
    if (!newest || !atOrAfter(newest, stamp)) newest = stamp;
    if (since && !atOrAfter(stamp, since)) continue;
    const last = /\/messages\/(msg_[0-9a-z]+)/i.exec(c._links?.related?.last_message ?? '')?.[1];
    items.push({ id: c.id, updatedAt: stamp, ...(last ? { lastMessage: last } : {}) });
  }
  return { items, newest, requests };
}
