import { z } from 'zod';
import { parseBody } from '../../http/parse';
import type { AdapterContext, WatchChanges } from '../types';
import { walkNewestFirst, type NewestFirstPage } from '../watch-walk';
import { apiUrl } from './api';
import { originOf } from './urls';

const ACTION = 'list the watched view';

/** Spec TicketsResponse, cursor-paged: only what the watch needs of each ticket. */
const ViewTicketsSchema = z.object({
  tickets: z.array(z.object({ id: z.number().int(), updated_at: z.string() })),
  meta: z.object({ has_more: z.boolean().nullish() }).nullish(),
  links: z.object({ next: z.string().nullish() }).nullish(),
});

/**
 * The view's tickets by update time, newest first (spec ListTicketsFromView: `sort_by` a view column,
 * `sort_order=desc`; cursor pages of 100). A view is what an agent may list without admin rights, unlike the
 * incremental export. Tickets carry no last-message id, so a changed `updated_at` means a read.
 */
export async function listChanged(ctx: AdapterContext, viewId: string, since: string | null): Promise<WatchChanges> {
  if (!/^\d+$/.test(viewId)) throw new Error(`The watched Zendesk view "${viewId}" is not a view id: pick the view again in Options.`);
  const origin = originOf(ctx.ref.account);
  const page = async (url: string): Promise<NewestFirstPage> => {
    const res = await ctx.http.call({ method: 'GET', url }, { action: ACTION });
    const body = parseBody(ViewTicketsSchema, res.body, 'Zendesk', ACTION);
    const next = body.meta?.has_more && body.links?.next && body.links.next.startsWith(`${origin}/`) ? body.links.next : null;
    return {
      items: body.tickets.map((t) => ({ id: String(t.id), updatedAt: t.updated_at })),
      next: next ? () => page(next) : null,
    };
  };
  return walkNewestFirst(() => page(apiUrl(ctx, `/views/${viewId}/tickets.json?sort_by=updated_at&sort_order=desc&page[size]=100`)), since);
}
