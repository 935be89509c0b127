import type { SandboxRequest, SandboxResponse } from '../../types';
import { match, type SandboxStore } from '../common';
import { pageOf } from './api';
import { zendeskError } from './auth';
import { QUEUE_TAG, QUEUE_VIEW, queueStories, storyTimes } from '../../watch-queue';

/**
 * Queue watch: GET /api/v2/views/{id}/tickets (spec ListTicketsFromView) with `sort_by=updated_at` and
 * `sort_order` (default "desc" for a time column), cursor or offset pages of 100. A view with a tag lists the
 * tickets carrying it (the sandbox's views are tag conditions).
 */
export function viewTicketsRoute(store: SandboxStore, req: SandboxRequest): SandboxResponse | null {
  const m = match('/api/v2/views/:id/tickets', req.path);
  if (!m || req.method !== 'GET') return null;
  const view = store.views.find((v) => String(v.id) === m.id);
  if (!view) return zendeskError(404, 'RecordNotFound', 'Not found');
  const desc = req.query.sort_order !== 'asc';
  const by = req.query.sort_by === 'updated_at' ? 'updatedAt' : 'createdAt';
  const tickets = [...store.conversations.values()]
    .filter((c) => !!view.tag && c.tags.includes(view.tag))
    .sort((a, b) => (desc ? -1 : 1) * (Date.parse(a[by]) - Date.parse(b[by])));
  const { items, paging } = pageOf(tickets, req, `/api/v2/views/${m.id}/tickets.json`);
  return {
    status: 200,
    body: {
      tickets: items.map((c) => ({
        id: c.id,
        subject: c.subject,
        status: 'open',
        tags: c.tags,
        assignee_id: c.assigneeId,
        group_id: c.teamId,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
      })),
      ...paging,
    },
  };
}

const FIRST_QUEUE_TICKET = 300;
const FIRST_QUEUE_CUSTOMER = 3000;

/** POST /__admin/zendesk/watch-queue: the watched view and its 50 bot conversations (watch-queue.ts). */
export function seedQueue(store: SandboxStore, now = Date.now(), copies = 1): { viewId: number; tickets: Record<string, number> } {
  if (!store.views.some((v) => v.id === QUEUE_VIEW.id)) store.views.push({ ...QUEUE_VIEW, tag: QUEUE_TAG });
  const tickets: Record<string, number> = {};
  queueStories(copies).forEach((s, i) => {
    const id = FIRST_QUEUE_TICKET + i;
    const customerId = FIRST_QUEUE_CUSTOMER + i;
    store.addUser({ id: customerId, ...s.customer, role: 'customer' });
    const times = storyTimes(s, now).map((t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    store.conversations.set(id, {
      id,
      key: s.key,
      subject: s.subject,
      customerId,
      messages: [],
      tags: [...s.tags],
      assigneeId: null,
      teamId: null,
      inboxId: 14,
      createdAt: times[0],
      updatedAt: times[0],
    });
    s.messages.forEach((m, j) => {
      const msg = store.addMessage(id, m.role, m.text)!;
      msg.createdAt = times[j];
    });
    store.get(id)!.updatedAt = times.at(-1)!;
    tickets[s.key] = id;
  });
  return { viewId: QUEUE_VIEW.id, tickets };
}
