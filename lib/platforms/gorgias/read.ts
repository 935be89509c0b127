import type { Author, Conversation, Message } from '../../schema/conversation';
import type { AdapterContext } from '../types';
import { htmlToText, roleOf } from '../shared';
import { call, currentUser, listAll, PAGE_LIMIT, parse, url } from './api';
import { GMessageSchema, GTicketSchema, type GMessage, type GPerson } from './schemas';
import { ticketPath } from './urls';

const READ_TICKET = 'read the ticket';
const READ_MESSAGES = 'read the ticket messages';

export const isInternal = (m: GMessage) => m.channel === 'internal-note' || m.public === false;

/** All messages of a ticket, oldest first, every page. */
function ticketMessages(ctx: AdapterContext, ticketId: string): Promise<GMessage[]> {
  ticketPath(ticketId);
  return listAll(
    ctx,
    '/api/messages',
    { ticket_id: ticketId, limit: String(PAGE_LIMIT), order_by: 'created_datetime:asc' },
    GMessageSchema,
    READ_MESSAGES,
  );
}

export function nameOf(p: GPerson | null | undefined): string | undefined {
  if (!p) return undefined;
  const full = [p.firstname, p.lastname].filter(Boolean).join(' ');
  return p.name?.trim() || full || p.email || undefined;
}

function authorOf(p: GPerson | null | undefined): Author | undefined {
  if (!p) return undefined;
  const author: Author = {};
  if (p.id !== null && p.id !== undefined) author.id = String(p.id);
  const name = nameOf(p);
  if (name) author.name = name;
  if (p.email) author.email = p.email;
  return Object.keys(author).length ? author : undefined;
}

const iso = (s: string) => {
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : new Date(t).toISOString();
};

function textOf(m: GMessage): string {
  if (m.body_text?.trim()) return m.body_text.trim();
  if (m.body_html?.trim()) return htmlToText(m.body_html);
  return m.stripped_text?.trim() ?? '';
}

function toMessage(m: GMessage, ctx: AdapterContext): Message {
  const author = authorOf(m.sender);
  return {
    id: String(m.id),
    role: roleOf(author, m.from_agent, ctx.botIdentity),
    ...(author ? { author } : {}),
    text: textOf(m),
    internal: isInternal(m),
    createdAt: iso(m.created_datetime),
  };
}

/**
 * The ticket (tags, assignees, version stamp) and all its messages, read in parallel; the signed-in user
 * is warmed at the same time because the note needs it as its sender.
 */
export async function readTicket(ctx: AdapterContext): Promise<Conversation> {
  const id = ctx.ref.conversationId;
  const [ticketRes, messages] = await Promise.all([
    call(ctx, { method: 'GET', url: url(ctx, ticketPath(id)) }, { action: READ_TICKET }),
    ticketMessages(ctx, id),
    // Only a warm-up: a failure here surfaces when the note needs the sender, with its own sentence.
    currentUser(ctx).catch(() => undefined),
  ]);
  const t = parse(GTicketSchema, ticketRes.body, READ_TICKET);
  const ordered = messages
    .map((m, i) => ({ m, i, at: Date.parse(m.created_datetime) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ m }) => toMessage(m, ctx));
  const user = t.assignee_user;
  const userName = nameOf(user);
  const assignee = user?.id != null ? { id: String(user.id), ...(userName ? { name: userName } : {}) } : null;
  return {
    ref: ctx.ref,
    id: String(t.id),
    ...(t.subject ? { subject: t.subject } : {}),
    messages: ordered,
    tags: (t.tags ?? []).map((x) => x.name),
    assignee,
    team: t.assignee_team ? { id: String(t.assignee_team.id), ...(t.assignee_team.name ? { name: t.assignee_team.name } : {}) } : null,
    inbox: null,
    source: 'api',
    ...(t.updated_datetime ? { updatedStamp: t.updated_datetime } : {}),
  };
}
