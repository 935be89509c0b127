import type { Conversation, Message } from '../../schema/conversation';
import type { AdapterContext } from '../types';
import { htmlToText, roleOf } from '../shared';
import { prefetchCsrf, readComments, readTicket } from './api';

/** The ticket and all its comments; `updated_at` becomes the stamp the escalation's safe update checks. */
export async function readConversation(ctx: AdapterContext): Promise<Conversation> {
  const [ticket, { comments, users }] = await Promise.all([readTicket(ctx), readComments(ctx), prefetchCsrf(ctx)]);
  const messages: Message[] = comments.map((c) => {
    const u = users.get(c.author_id);
    const author = { id: String(c.author_id), ...(u?.name ? { name: u.name } : {}), ...(u?.email ? { email: u.email } : {}) };
    // Without the user list, the requester is the customer side; anyone else answered for the team.
    const fromTeam = u?.role ? u.role !== 'end-user' : c.author_id !== ticket.requester_id;
    return {
      id: String(c.id),
      role: roleOf(author, fromTeam, ctx.botIdentity),
      author,
      text: c.plain_body ?? (c.html_body ? htmlToText(c.html_body) : (c.body ?? '')),
      internal: !c.public,
      ...(c.created_at ? { createdAt: c.created_at } : {}),
    };
  });
  return {
    ref: ctx.ref,
    id: String(ticket.id),
    subject: ticket.subject ?? undefined,
    messages,
    tags: ticket.tags,
    assignee: ticket.assignee_id ? { id: String(ticket.assignee_id) } : null,
    team: ticket.group_id ? { id: String(ticket.group_id) } : null,
    inbox: null,
    source: 'api',
    updatedStamp: ticket.updated_at,
  };
}
