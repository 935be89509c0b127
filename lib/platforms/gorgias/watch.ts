import { z } from 'zod';
import type { AdapterContext, WatchChanges } from '../types';
import { walkNewestFirst, type NewestFirstPage } from '../watch-walk';
import { call, PAGE_LIMIT, parse, url } from './api';
import { GPageSchema } from './schemas';

const ACTION = 'list the watched view';

const ListedTicketSchema = z.object({
  id: z.number().int(),
  updated_datetime: z.string(),
  last_message_datetime: z.string().nullish(),
});

/**
 * The view's tickets by update time, newest first (List tickets: `view_id`, `order_by=updated_datetime:desc`,
 * cursor pages of up to 100; test/contracts/gorgias.ts). Each ticket names its newest message's time, so a
 * ticket touched without a new message (a tag, an assignment) is judged again without reading its messages.
 */
export async function listChanged(ctx: AdapterContext, viewId: string, since: string | null): Promise<WatchChanges> {
  if (!/^\d+$/.test(viewId)) throw new Error(`The watched Gorgias view "${viewId}" is not a view id: pick the view again in Options.`);
  const first = new URL(url(ctx, '/api/tickets'));
  first.searchParams.set('view_id', viewId);
  first.searchParams.set('order_by', 'updated_datetime:desc');
  first.searchParams.set('limit', String(PAGE_LIMIT));
  const page = async (cursor?: string): Promise<NewestFirstPage> => {
    const u = new URL(first);
    if (cursor) u.searchParams.set('cursor', cursor);
    const res = await call(ctx, { method: 'GET', url: u.toString() }, { action: ACTION });
    const body = parse(GPageSchema, res.body, ACTION);
    const next = body.meta?.next_cursor;
    return {
      items: body.data.map((raw) => {
        const t = parse(ListedTicketSchema, raw, ACTION);
        return {
          id: String(t.id),
          updatedAt: t.updated_datetime,
          ...(t.last_message_datetime ? { lastMessage: t.last_message_datetime } : {}),
        };
      }),
      next: next && next !== cursor ? () => page(next) : null,
    };
  };
  return walkNewestFirst(() => page(), since);
}
