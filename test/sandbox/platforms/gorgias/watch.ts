import type { SandboxRequest } from '../../types';
import { QUEUE_TAG, QUEUE_VIEW, queueStories, storyTimes } from '../../watch-queue';
import { ticketJson } from './json';
import { BadQuery, one, orderBy, page } from './paging';
import type { GorgiasState, GTicketRec } from './state';

const FIRST_QUEUE_TICKET = 6001;
const FIRST_QUEUE_CUSTOMER = 9001;
const gorgiasTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');

/** The tag names a view's filter requires (`containsAll(ticket.tags.name, ['a', 'b'])`), or null for other filters. */
function viewTags(filters: string): string[] | null {
  const m = /^containsAll\(ticket\.tags\.name, \[(.*)\]\)$/.exec(filters);
  return m ? [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]) : null;
}

/**
 * GET /api/tickets (List tickets): cursor pages, `order_by` created_datetime or updated_datetime, and for the
 * queue watch `view_id`, the tickets a view's filter matches (the sandbox reads tag filters only).
 */
export function listTickets(s: GorgiasState, req: SandboxRequest, maxPageSize: number) {
  // Without order_by the sandbox keeps its earlier answer, newest update first.
  const order = orderBy(req, ['created_datetime', 'updated_datetime'], 'updated_datetime:desc');
  const viewId = one(req.query.view_id);
  let tickets = [...s.tickets.values()];
  if (viewId !== undefined) {
    if (!/^\d+$/.test(viewId)) throw new BadQuery('view_id', 'Not a valid integer.');
    const view = s.views.find((v) => v.id === Number(viewId));
    if (!view) throw new BadQuery('view_id', 'View not found.');
    const tags = viewTags(view.filters);
    tickets = tickets.filter((t) => !!tags && tags.every((n) => s.tagNames(t).includes(n)));
  }
  const key = (t: GTicketRec) => (order.field === 'updated_datetime' ? t.updatedAt : t.createdAt);
  tickets.sort((a, b) => (order.desc ? -1 : 1) * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return page(
    tickets.map((t) => ticketJson(s, t)),
    req,
    maxPageSize,
  );
}

/** POST /__admin/gorgias/watch-queue: the watched view and its 50 bot conversations (watch-queue.ts). */
export function seedQueue(s: GorgiasState, now = Date.now(), copies = 1): { viewId: number; tickets: Record<string, number> } {
  if (!s.views.some((v) => v.id === QUEUE_VIEW.id))
    s.views.push({ ...QUEUE_VIEW, filters: `containsAll(ticket.tags.name, ['${QUEUE_TAG}'])` });
  const tickets: Record<string, number> = {};
  queueStories(copies).forEach((story, i) => {
    const id = FIRST_QUEUE_TICKET + i;
    const customerId = FIRST_QUEUE_CUSTOMER + i;
    s.customers.set(customerId, { id: customerId, ...story.customer });
    const times = storyTimes(story, now).map(gorgiasTime);
    const t: GTicketRec = {
      id,
      key: story.key,
      subject: story.subject,
      channel: 'chat',
      via: 'gorgias_chat',
      status: 'open',
      customerId,
      assigneeUserId: null,
      assigneeTeamId: null,
      tagIds: story.tags.map((n) => s.tagByName(n, true)!.id),
      messages: [],
      createdAt: times[0],
      updatedAt: times[0],
    };
    s.tickets.set(id, t);
    story.messages.forEach((m, j) => {
      s.seedMessage(t, m.role, m.text).createdAt = times[j];
    });
    t.updatedAt = times.at(-1)!;
    tickets[story.key] = id;
  });
  return { viewId: QUEUE_VIEW.id, tickets };
}
