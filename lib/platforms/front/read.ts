import type { Author, Conversation, Message, Role } from '../../schema/conversation';
import type { BotIdentity } from '../../schema/policy';
import type { AdapterContext } from '../types';
import { dropQuotedHtml, dropQuotedText } from '../../html/quoted';
import { htmlToText, roleOf } from '../shared';
import { expiring } from '../cache';
import { apiBase, getConversation, listAll, PAGE_LIMIT } from './api';
import { FCommentSchema, FMessageSchema, teammateName, type FComment, type FConversation, type FMessage, type FTeammate } from './schemas';

/**
 * What the last read of a conversation found, kept per API host and conversation so a re-check of an
 * unchanged conversation costs one request (the conversation itself) instead of three. "Unchanged" means
 * the same `updated_at` and the same `_links.related.last_message` (the spec's link to the newest message).
 */
interface Snapshot {
  stamp: string;
  messages: Message[];
}
const MAX_SNAPSHOTS = 50;
const snapshots = expiring(new Map<string, Snapshot>());

function remember(key: string, snap: Snapshot) {
  snapshots.delete(key);
  snapshots.set(key, snap);
  while (snapshots.size > MAX_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value!);
}

const stampOf = (c: FConversation): string | null =>
  c.updated_at === undefined || c.updated_at === null ? null : `${c.updated_at} ${c._links?.related?.last_message ?? ''}`;

/**
 * Requests an open conversation costs: the conversation, its messages and its comments, sent together the
 * first time (one round trip); afterwards the conversation alone while nothing changed. Inboxes are not
 * read here: only the pause's "leave the bot's inbox" needs them, and it asks when it runs.
 */
export async function readConversation(ctx: AdapterContext): Promise<Conversation> {
  const asked = ctx.ref.conversationId;
  const known = snapshots.get(`${apiBase(ctx)} ${asked}`);
  let conv: FConversation;
  let messages: Message[];
  if (known) {
    conv = await getConversation(ctx, asked);
    const same = conv.id === asked && stampOf(conv) === known.stamp;
    messages = same ? known.messages : await timeline(ctx, conv.id);
  } else {
    // Sent at once; if the conversation turns out to be merged, the lists of the old id are dropped.
    const lists = timeline(ctx, asked);
    lists.catch(() => undefined);
    conv = await getConversation(ctx, asked);
    messages = conv.id === asked ? await lists : await timeline(ctx, conv.id);
  }
  const stamp = stampOf(conv);
  if (stamp) remember(`${apiBase(ctx)} ${conv.id}`, { stamp, messages });

  return {
    ref: { ...ctx.ref, conversationId: conv.id },
    id: conv.id,
    subject: conv.subject || undefined,
    messages,
    tags: (conv.tags ?? []).map((t) => t.name),
    assignee: conv.assignee ? { id: conv.assignee.id, name: teammateName(conv.assignee) } : null,
    team: null,
    source: 'api',
    updatedStamp: conv.updated_at === undefined || conv.updated_at === null ? undefined : String(conv.updated_at),
  };

  async function timeline(ctx: AdapterContext, id: string): Promise<Message[]> {
    const [msgs, comments] = await Promise.all([
      listAll(ctx, `/conversations/${id}/messages`, FMessageSchema, 'the messages', { limit: String(PAGE_LIMIT) }),
      // The spec declares no paging parameters here; a `_pagination.next`, if Front sends one, is still followed.
      listAll(ctx, `/conversations/${id}/comments`, FCommentSchema, 'the internal comments'),
    ]);
    return merge(msgs, comments, ctx.botIdentity);
  }
}

/** Front lists messages newest first; the conversation is read oldest first, comments in their place. */
function merge(messages: FMessage[], comments: FComment[], identity: BotIdentity): Message[] {
  const items: { at: number; order: number; message: Message }[] = [];
  messages.filter((m) => !m.draft_mode).forEach((m, order) => items.push({ at: m.created_at, order, message: fromMessage(m, identity) }));
  comments.forEach((c, i) => items.push({ at: c.posted_at ?? 0, order: messages.length + i, message: fromComment(c, identity) }));
  items.sort((a, b) => a.at - b.at || a.order - b.order);
  return items.map((t) => t.message);
}

const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString();

function teammateAuthor(t: FTeammate): Author {
  return clean({ id: t.id, name: teammateName(t), email: t.email ?? undefined });
}

function clean(a: Author): Author {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Author;
}

/**
 * Front types every teammate: "user" for people, "visitor" for guests, and bot users "by their parent resource
 * type" (ai, api for OAuth clients, application, bulk_reply, csat, integration, macro, rule, smart_csat; spec
 * TeammateResponse.type). That marker comes first: any team-side author that is not a person is bot-side, so
 * an external bot posting through an API client or an integration is not read as a human agent (which would
 * make the engine drop every turn before it). A person's seat used by a bot is still caught by identity and name.
 */
const PEOPLE = ['user', 'visitor'];

export function botType(teammate: FTeammate | null | undefined): string | null {
  const type = teammate?.type?.trim().toLowerCase();
  return type && !PEOPLE.includes(type) ? type : null;
}

function roleFor(author: Author, teammate: FTeammate | null | undefined, fromTeam: boolean, identity: BotIdentity): Role {
  if (fromTeam && botType(teammate)) return 'bot';
  return roleOf(author, fromTeam, identity);
}

/**
 * An e-mail's body carries the thread it replies to (Front's `text` is the "text version of the body for email
 * messages", quotes included); the HTML body is read without its quoted blocks. Other channels quote nothing.
 */
/** The class Front's composer puts on the thread it quotes under a reply (as public reply parsers list it). */
const FRONT_QUOTE = 'front-blockquote';

function messageText(m: FMessage): string {
  if (m.type === 'email') {
    if (m.body?.trim()) return dropQuotedText(htmlToText(dropQuotedHtml(m.body, [FRONT_QUOTE])));
    return dropQuotedText(m.text ?? '');
  }
  return typeof m.text === 'string' && m.text.trim() ? m.text.trim() : htmlToText(m.body ?? '');
}

export function fromMessage(m: FMessage, identity: BotIdentity): Message {
  const from = m.recipients?.find((r) => r.role === 'from');
  const sender: Author = clean({ name: from?.name ?? undefined, email: from?.handle });
  const author = m.is_inbound ? sender : m.author ? teammateAuthor(m.author) : sender;
  return {
    id: m.id,
    role: m.is_inbound ? roleOf(author, false, identity) : roleFor(author, m.author, true, identity),
    author,
    text: messageText(m),
    internal: false,
    createdAt: iso(m.created_at),
  };
}

function fromComment(c: FComment, identity: BotIdentity): Message {
  const author = c.author ? teammateAuthor(c.author) : {};
  return {
    id: c.id,
    role: roleFor(author, c.author, true, identity),
    author,
    text: markdownToText(c.body),
    internal: true,
    createdAt: c.posted_at === undefined || c.posted_at === null ? undefined : iso(c.posted_at),
  };
}

/**
 * Comment bodies are Markdown: shown as plain text, bold markers dropped and backslash escapes (Baton's
 * own notes) undone.
 */
export function markdownToText(body: string): string {
  return htmlToText(body.replace(/ {2}\n/g, '\n'))
    .replace(/(?<!\\)\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+!|~<>&.=:-])/g, '$1');
}
