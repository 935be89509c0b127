import type { Author, Conversation, Message } from '../../schema/conversation';
import { dropQuotedHtml, dropQuotedText } from '../../html/quoted';
import type { AdapterContext } from '../types';
import { htmlToText, roleOf } from '../shared';
import { call, currentUser, listAll, PAGE_LIMIT, parse, url } from './api';
import { AI_TAGS, aiAgentAuthor, aiAgentState, botMarker, botUsers, nameOf, type BotUsers } from './bots';

export { nameOf };
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

/**
 * An e-mail carries the thread it replies to. Gorgias keeps the new part as `stripped_text` ("with signatures
 * and prior replies removed", developers.gorgias.com/reference/ticket-messages); without it the quoted blocks
 * are dropped here. Chat messages quote nothing and are read whole.
 */
function textOf(m: GMessage): string {
  if (m.channel === 'email') {
    if (m.stripped_text?.trim()) return m.stripped_text.trim();
    if (m.body_html?.trim()) return dropQuotedText(htmlToText(dropQuotedHtml(m.body_html)));
    return dropQuotedText(m.body_text ?? '');
  }
  if (m.body_text?.trim()) return m.body_text.trim();
  if (m.body_html?.trim()) return htmlToText(m.body_html);
  return m.stripped_text?.trim() ?? '';
}

function toMessage(m: GMessage, ctx: AdapterContext, bots: BotUsers | null): Message {
  const author = authorOf(m.sender);
  return {
    id: String(m.id),
    role: botMarker(m, bots) ? 'bot' : roleOf(author, m.from_agent, ctx.botIdentity),
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
  const [ticketRes, messages, bots] = await Promise.all([
    call(ctx, { method: 'GET', url: url(ctx, ticketPath(id)) }, { action: READ_TICKET }),
    ticketMessages(ctx, id),
    // Without the user list the bot is still found by identity and name, as before.
    botUsers(ctx).catch(() => null),
    // Only a warm-up: a failure here surfaces when the note needs the sender, with its own sentence.
    currentUser(ctx).catch(() => undefined),
  ]);
  const t = parse(GTicketSchema, ticketRes.body, READ_TICKET);
  const tags = (t.tags ?? []).map((x) => x.name);
  const ordered = withHandover(
    messages
      .map((m, i) => ({ m, i, at: Date.parse(m.created_datetime) }))
      .sort((a, b) => a.at - b.at || a.i - b.i)
      .map(({ m }) => toMessage(m, ctx, bots)),
    tags,
    bots,
  );
  const botState = aiAgentState(tags);
  const user = t.assignee_user;
  const userName = nameOf(user);
  const assignee = user?.id != null ? { id: String(user.id), ...(userName ? { name: userName } : {}) } : null;
  return {
    ref: ctx.ref,
    id: String(t.id),
    ...(t.subject ? { subject: t.subject } : {}),
    messages: ordered,
    tags,
    assignee,
    team: t.assignee_team ? { id: String(t.assignee_team.id), ...(t.assignee_team.name ? { name: t.assignee_team.name } : {}) } : null,
    inbox: null,
    source: 'api',
    ...(botState ? { botState } : {}),
    ...(t.updated_datetime ? { updatedStamp: t.updated_datetime } : {}),
  };
}

/**
 * What the handover turn says, in the bot's own voice so the engine reads the handoff it is; the sidebar quotes
 * it as the evidence, tag name included, so the agent sees where it came from.
 */
export const HANDOVER_TEXT = `I have handed this ticket over to your team (Gorgias tag ${AI_TAGS.handover}).`;

/**
 * Gorgias AI Agent marks its own handoff with the `ai_handover` tag ("AI Agent escalated the ticket to your
 * team", docs.gorgias.com/en-US/ai-agent-tags-5742284), often without saying so in the thread. That tag is
 * the bot's confirmed handoff, so it is read as the bot's turn, placed right after the bot's last message
 * (the handover is its last act); a human agent's reply after that still settles it as before. It has no id,
 * so the sidebar does not try to scroll to it.
 */
function withHandover(messages: Message[], tags: string[], bots: BotUsers | null): Message[] {
  if (!tags.includes(AI_TAGS.handover)) return messages;
  let at = messages.length;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.role === 'bot' && !messages[i]!.internal) {
      at = i + 1;
      break;
    }
  }
  const turn: Message = {
    role: 'bot',
    author: aiAgentAuthor(bots),
    text: HANDOVER_TEXT,
    internal: false,
    ...(messages[at - 1]?.createdAt ? { createdAt: messages[at - 1]!.createdAt } : {}),
  };
  return [...messages.slice(0, at), turn, ...messages.slice(at)];
}
