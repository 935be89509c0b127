import type { Author, Conversation, Message, Role } from '../../schema/conversation';
import type { BotIdentity } from '../../schema/policy';
import { isApiError } from '../../http/errors';
import type { AdapterContext } from '../types';
import { htmlToText, roleOf } from '../shared';
import { getConversation, listAll, PAGE_LIMIT } from './api';
import { TAG_TTL_MS, tagIndex } from './tags';
import { teammateName, type FrontComment, type FrontConversation, type FrontInbox, type FrontMessage, type FrontTeammate } from './types';

export async function readConversation(ctx: AdapterContext): Promise<Conversation> {
  const conv = await getConversation<FrontConversation>(ctx, ctx.ref.conversationId);
  const id = conv.id;
  const [messages, comments, inboxes] = await Promise.all([
    listAll<FrontMessage>(ctx, `/conversations/${id}/messages`, 'the messages', { limit: String(PAGE_LIMIT) }),
    // The spec declares no paging parameters here; a `_pagination.next`, if Front sends one, is still followed.
    listAll<FrontComment>(ctx, `/conversations/${id}/comments`, 'the internal comments'),
    // Only the pause's "leave the bot's inbox" needs this; a token without inboxes:read still reads the rest.
    listAll<FrontInbox>(ctx, `/conversations/${id}/inboxes`, "the conversation's inboxes").catch((e: unknown) => {
      if (isApiError(e) && (e.kind === 'forbidden' || e.kind === 'not_found')) return null;
      throw e;
    }),
    // Warms the tag ids, so the escalation's click sends only its own writes.
    tagIndex(ctx, TAG_TTL_MS).catch(() => undefined),
  ]);

  const timeline: { at: number; order: number; message: Message }[] = [];
  messages
    .filter((m) => !m.draft_mode)
    .forEach((m, order) => timeline.push({ at: m.created_at, order, message: fromMessage(m, ctx.botIdentity) }));
  comments.forEach((c, i) =>
    timeline.push({ at: c.posted_at ?? 0, order: messages.length + i, message: fromComment(c, ctx.botIdentity) }),
  );
  // Front lists messages newest first; the conversation is read oldest first, comments in their place.
  timeline.sort((a, b) => a.at - b.at || a.order - b.order);

  const inbox = inboxes?.[0];
  return {
    ref: { ...ctx.ref, conversationId: id },
    id,
    subject: conv.subject || undefined,
    messages: timeline.map((t) => t.message),
    tags: (conv.tags ?? []).map((t) => t.name),
    assignee: conv.assignee ? { id: conv.assignee.id, name: teammateName(conv.assignee) } : null,
    team: null,
    inbox: inboxes === null ? undefined : inbox ? { id: inbox.id, name: inbox.name } : null,
    source: 'api',
    updatedStamp: conv.updated_at === undefined ? undefined : String(conv.updated_at),
  };
}

const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString();

function teammateAuthor(t: FrontTeammate): Author {
  return clean({ id: t.id, name: teammateName(t), email: t.email });
}

function clean(a: Author): Author {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Author;
}

/** Front types bot teammates by what they act for; an "ai" teammate is an AI agent talking to customers. */
function roleFor(author: Author, teammate: FrontTeammate | null | undefined, fromTeam: boolean, identity: BotIdentity): Role {
  const role = roleOf(author, fromTeam, identity);
  return fromTeam && role === 'agent' && teammate?.type === 'ai' ? 'bot' : role;
}

export function fromMessage(m: FrontMessage, identity: BotIdentity): Message {
  const from = m.recipients?.find((r) => r.role === 'from');
  const sender: Author = clean({ name: from?.name ?? undefined, email: from?.handle });
  const author = m.is_inbound ? sender : m.author ? teammateAuthor(m.author) : sender;
  return {
    id: m.id,
    role: m.is_inbound ? roleOf(author, false, identity) : roleFor(author, m.author, true, identity),
    author,
    text: typeof m.text === 'string' && m.text.trim() ? m.text.trim() : htmlToText(m.body ?? ''),
    internal: false,
    createdAt: iso(m.created_at),
  };
}

export function fromComment(c: FrontComment, identity: BotIdentity): Message {
  const author = c.author ? teammateAuthor(c.author) : {};
  return {
    id: c.id,
    role: roleFor(author, c.author, true, identity),
    author,
    text: markdownToText(c.body),
    internal: true,
    createdAt: c.posted_at === undefined ? undefined : iso(c.posted_at),
  };
}

/** Comment bodies are Markdown: shown as plain text, with backslash escapes (Baton's own notes) undone. */
export function markdownToText(body: string): string {
  return htmlToText(body).replace(/\\([\\`*_{}[\]()#+!|~<>&.=:-])/g, '$1');
}
