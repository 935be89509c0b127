import type { BotControl, Conversation, Message } from '../../schema/conversation';
import type { BotIdentity } from '../../schema/policy';
import { ApiError } from '../../http/errors';
import type { AdapterContext } from '../types';
import { htmlToText, roleOf } from '../shared';
import { prefetchCsrf, readComments, readLog, readTicket } from './api';
import { newPartOfEmail } from './quoted';
import type { ZComment, ZLogEvent, ZTicket, ZUser } from './schemas';

/**
 * Channels whose live turns Zendesk keeps in the conversation log rather than in the comments (the Web Widget
 * and mobile SDK messaging, WhatsApp and the other Sunshine Conversations channels, live chat). Evidence:
 * zenpy issue 663 (WhatsApp turns only in ChatStartedEvent history), the Conversation Log API's
 * `Messaging::ConversationMessage` events, and ZAF's `ticket.conversation` that "includes chat and messaging".
 */
const MESSAGING = /messaging|chat|sunshine|whatsapp|messenger|instagram|line|wechat|telegram|viber|mobile_sdk|web_widget|native/i;

/** The system user: Zendesk AI agents on e-mail reply as it (support.zendesk.com 9985221852954), id −1. */
const SYSTEM_USER = -1;
/** The Agent Workspace's switchboard integration (switchboard docs; the passControl examples use its name). */
export const AGENT_WORKSPACE = 'zd:agentWorkspace';
/** The bot integration the spec's own conversation-log example names, when an event does not say. */
const DEFAULT_BOT_SWITCH = 'zd:answerBot';
const AI_AGENT_LABEL = 'Zendesk AI agent on messaging';

export interface ZendeskReading {
  conversation: Conversation;
  /** Who Baton treats as the bot here, and by which marker ("Aissist Bot (posts through the API)"). */
  botAuthors: string[];
  /** The end user's messaging id, from which the switchboard's conversation is found. */
  messagingUserId?: string;
}

const channelOf = (via: { channel?: string | number | null } | null | undefined) => String(via?.channel ?? '');
const isMessaging = (ticket: ZTicket) => MESSAGING.test(channelOf(ticket.via));

/** Identity the team lead named in Options: explicit, so it may overrule a marker that says "agent". */
function namedAsBot(author: Message['author'], identity: BotIdentity): boolean {
  return roleOf(author, 'unknown', identity) === 'bot';
}

/**
 * Who wrote a comment, by Zendesk's own markers first: the system user is the bot's side; an end user is the
 * customer whatever their name; a team member posting a public comment through the API is an integration
 * (the bot), since people answer from the agent workspace, e-mail or chat. Names come last.
 */
function commentRole(c: ZComment, u: ZUser | undefined, ticket: ZTicket, identity: BotIdentity, author: Message['author']) {
  if (c.author_id === SYSTEM_USER) return { role: 'bot' as const, why: 'the Zendesk system user' };
  const fromTeam = u?.role ? u.role !== 'end-user' : c.author_id !== ticket.requester_id;
  if (!fromTeam) return { role: 'customer' as const };
  if (namedAsBot(author, identity)) return { role: 'bot' as const, why: 'named as the bot in Options' };
  if (c.public && channelOf(c.via) === 'api') return { role: 'bot' as const, why: 'posts public replies through the API' };
  const role = c.public ? roleOf(author, true, identity) : ('agent' as const);
  return role === 'bot' ? { role, why: 'its name reads like a bot' } : { role };
}

function commentText(c: ZComment): string {
  const text = c.plain_body ?? (c.html_body ? htmlToText(c.html_body) : (c.body ?? ''));
  return channelOf(c.via) === 'email' ? newPartOfEmail(c.html_body, text) : text;
}

function fromComments(comments: ZComment[], users: Map<number, ZUser>, ticket: ZTicket, identity: BotIdentity, bots: Map<string, string>) {
  return comments.map((c): Message => {
    const u = users.get(c.author_id);
    const name = c.author_id === SYSTEM_USER ? (u?.name ?? 'Zendesk') : u?.name;
    const author = { id: String(c.author_id), ...(name ? { name } : {}), ...(u?.email ? { email: u.email } : {}) };
    const { role, why } = commentRole(c, u, ticket, identity, author);
    if (role === 'bot' && why) bots.set(author.name ?? author.id, why);
    return {
      id: String(c.id),
      role,
      author,
      text: commentText(c),
      internal: !c.public,
      ...(c.created_at ? { createdAt: c.created_at } : {}),
    };
  });
}

/**
 * The chat turns of the conversation log, by `author.type`: a bot is the bot, a user the customer (whatever
 * name they chose), an agent a human unless Options names them as the bot. `Comment` events repeat the
 * comments already read, so only the messaging events are taken from here.
 */
function fromLog(events: ZLogEvent[], identity: BotIdentity, bots: Map<string, string>): Message[] {
  return events
    .filter((e) => e.type !== 'Comment')
    .map((e): Message => {
      const a = e.author;
      const id = a?.['zen:support:user_id'] != null ? String(a['zen:support:user_id']) : (a?.['zen:sunco:user_id'] ?? undefined);
      const author = { ...(id ? { id } : {}), ...(a?.display_name ? { name: a.display_name } : {}) };
      const type = a?.type ?? '';
      const role = type === 'bot' ? 'bot' : type === 'user' ? 'customer' : namedAsBot(author, identity) ? 'bot' : 'agent';
      if (role === 'bot')
        bots.set(author.name ?? id ?? 'bot', type === 'bot' ? 'conversation log: author type bot' : 'named as the bot in Options');
      const text = e.content?.text ?? (e.content?.body ? htmlToText(e.content.body) : '');
      return { id: e.id, role, author, text, internal: e.metadata?.public === false, ...(e.created_at ? { createdAt: e.created_at } : {}) };
    });
}

/**
 * A Zendesk AI agent (or a third-party bot on the switchboard) holds a messaging conversation until it is
 * escalated, and the ticket is read-only meanwhile ("Understanding AI agent tickets",
 * support.zendesk.com 9204149016346; enforced for every bot-handled conversation from May 2026, announcement
 * 10583968528538). From the log: a bot answered, no human has answered since, and nobody is assigned.
 */
function botControlOf(events: ZLogEvent[], ticket: ZTicket): BotControl | undefined {
  const chat = events.filter((e) => e.type !== 'Comment');
  const lastBot = chat.findLastIndex((e) => e.author?.type === 'bot');
  if (lastBot < 0) return undefined;
  const humanSince = chat.slice(lastBot + 1).some((e) => e.author?.type === 'agent');
  const bot = chat[lastBot].source?.type || DEFAULT_BOT_SWITCH;
  return { bot, holds: !humanSince && !ticket.assignee_id && bot !== AGENT_WORKSPACE, label: AI_AGENT_LABEL };
}

function byTime(messages: Message[]): Message[] {
  const at = (m: Message, i: number) => (m.createdAt ? Date.parse(m.createdAt) : NaN) || i;
  return messages
    .map((m, i) => ({ m, t: at(m, i), i }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.m);
}

/** The ticket, its comments and, on messaging tickets, the conversation log, with who is treated as the bot. */
export async function readTicketConversation(ctx: AdapterContext): Promise<ZendeskReading> {
  const [ticket, { comments, users }] = await Promise.all([readTicket(ctx), readComments(ctx), prefetchCsrf(ctx)]);
  const bots = new Map<string, string>();
  let messages = fromComments(comments, users, ticket, ctx.botIdentity, bots);
  let readFrom = 'API comments';
  let botControl: BotControl | undefined;
  let messagingUserId: string | undefined;
  if (isMessaging(ticket)) {
    const events = await readLog(ctx).catch((e) => {
      throw new ApiError(
        `This is a messaging ticket and Zendesk did not give its conversation log (${(e as Error).message}), so the chat is not in what Baton read.`,
        'invalid',
      );
    });
    messages = byTime([...messages, ...fromLog(events, ctx.botIdentity, bots)]);
    readFrom = 'API comments and the conversation log';
    botControl = botControlOf(events, ticket);
    messagingUserId =
      events.find((e) => e.author?.type === 'user' && e.author['zen:sunco:user_id'])?.author?.['zen:sunco:user_id'] ?? undefined;
  }
  const conversation: Conversation = {
    ref: ctx.ref,
    id: String(ticket.id),
    subject: ticket.subject ?? undefined,
    messages,
    tags: ticket.tags,
    assignee: ticket.assignee_id ? { id: String(ticket.assignee_id) } : null,
    team: ticket.group_id ? { id: String(ticket.group_id) } : null,
    inbox: null,
    source: 'api',
    readFrom,
    ...(botControl ? { botControl } : {}),
    updatedStamp: ticket.updated_at,
  };
  return { conversation, botAuthors: [...bots].map(([name, why]) => `${name} (${why})`), ...(messagingUserId ? { messagingUserId } : {}) };
}

/** The ticket and all its comments (and chat); `updated_at` becomes the stamp the escalation's safe update checks. */
export async function readConversation(ctx: AdapterContext): Promise<Conversation> {
  return (await readTicketConversation(ctx)).conversation;
}

/**
 * The page showed more turns than the API returned (a chat the API did not give): the page's reading wins.
 * The page has no author markers for a messaging bot (no AgentBadge), so a turn the API also returned keeps
 * the API's reading of its author; only the turns the API missed are the page's own.
 */
export function preferPage(conversation: Conversation, page: Message[]): { messages: Message[]; why: string } | null {
  const read = conversation.messages.length;
  if (page.length <= read) return null;
  const byText = new Map(conversation.messages.map((m) => [m.text.replace(/\s+/g, ' ').trim(), m]));
  const messages = page.map((m) => {
    const known = byText.get(m.text.replace(/\s+/g, ' ').trim());
    return known ? { ...m, role: known.role, ...(known.author ? { author: known.author } : {}) } : m;
  });
  return { messages, why: `The Zendesk page shows ${page.length} messages but its API returned ${read}, so Baton reads the page.` };
}
