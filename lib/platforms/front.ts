import type { Conversation, ConversationRef, Message } from '../schema/conversation';
import type { StepKind } from '../schema/plan';
import type { Target } from '../schema/target';
import { ApiError } from '../http/errors';
import type { HttpRequest, HttpResponse } from '../http/types';
import type { AdapterContext, DomReader, Operation, PlatformAdapter } from './types';
import { escapeMarkdown, htmlToText, roleOf } from './shared';
import { encodeMarker, hasMarker } from './marker';
import { TtlCache } from './cache';
import { viewError } from './zendesk';

const DEFAULT_API = 'https://api2.frontapp.com';
const OPEN_RE = /^https:\/\/app\.frontapp\.com\/open\/(cnv_[a-z0-9]+)(?:[/?#]|$)/i;
// In-app inbox URLs end in the conversation's numeric id, e.g. /inboxes/teams/folders/123/unassigned/456.
const INBOX_RE = /^https:\/\/app\.frontapp\.com\/inboxes\/(?:[^/?#]+\/)*(\d+)\/?(?:[?#]|$)/i;

interface FTeammate { id: string; email?: string; first_name?: string; last_name?: string; username?: string }
interface FMessage { id: string; is_inbound: boolean; created_at: number; body?: string; text?: string; author?: FTeammate | null; recipients?: { handle: string; role: string; name?: string }[] }
interface FComment { id: string; author?: FTeammate | null; body: string; posted_at: number }

/** Tag name → id per API host; tags must exist before they can be put on a conversation. */
const tagIds = new Map<string, Map<string, string>>();
const targetCache = new TtlCache<Target[]>(60_000);

const api = (ctx: AdapterContext) => (ctx.apiBase ?? DEFAULT_API).replace(/\/$/, '');
const nameOf = (t?: FTeammate | null) => (t ? [t.first_name, t.last_name].filter(Boolean).join(' ') || t.username || t.email : undefined);
const iso = (unix: number) => new Date(unix * 1000).toISOString();

/** Front pages with `_pagination.next`, a full URL; it is followed only on the same API host. */
function nextPage(ctx: AdapterContext) {
  return (res: HttpResponse): HttpRequest | null => {
    const next = (res.body as { _pagination?: { next?: string | null } })._pagination?.next;
    if (!next) return null;
    return new URL(next).origin === new URL(api(ctx)).origin ? { method: 'GET', url: next } : null;
  };
}

const list = <T>(ctx: AdapterContext, path: string, action: string) =>
  ctx.http.paginate<T>({ method: 'GET', url: `${api(ctx)}${path}` }, { action, items: (r) => (r.body as { _results: T[] })._results ?? [], next: nextPage(ctx) });

async function loadTags(ctx: AdapterContext): Promise<Map<string, string>> {
  let m = tagIds.get(api(ctx));
  if (!m) {
    const tags = await list<{ id: string; name: string }>(ctx, '/tags?limit=100', 'list the tags');
    m = new Map(tags.map((t) => [t.name, t.id]));
    tagIds.set(api(ctx), m);
  }
  return m;
}

/** Resolves names to ids, creating a missing tag once (POST /tags) and caching it. */
async function resolveTags(ctx: AdapterContext, names: string[]): Promise<string[]> {
  const m = await loadTags(ctx);
  const ids: string[] = [];
  for (const name of names) {
    let id = m.get(name);
    if (!id) {
      const res = await ctx.http.call({ method: 'POST', url: `${api(ctx)}/tags`, body: { name } }, { action: `create the tag ${name}`, accept: [409] });
      if (res.status === 409) {
        tagIds.delete(api(ctx));
        id = (await loadTags(ctx)).get(name);
      } else id = (res.body as { id: string }).id;
      if (!id) throw new ApiError(`Front would not create the tag ${name}.`, 'invalid');
      m.set(name, id);
    }
    ids.push(id);
  }
  return ids;
}

/** Front answers 301 for a conversation merged into another; Baton follows it to the surviving one. */
async function getConversation(ctx: AdapterContext, id: string, hops = 0): Promise<Record<string, any>> {
  const res = await ctx.http.call({ method: 'GET', url: `${api(ctx)}/conversations/${id}` }, { action: 'read the conversation', accept: [301, 302] });
  if (res.status === 301 || res.status === 302) {
    const loc = res.headers.location;
    const merged = loc?.match(/conversations\/(cnv_[a-z0-9]+)/i)?.[1];
    if (!merged || hops > 2) throw new ApiError('Front says this conversation was merged, but not into which one. Open the merged conversation.', 'not_found', 301);
    return getConversation(ctx, merged, hops + 1);
  }
  return res.body as Record<string, any>;
}

/**
 * Tags by name on a conversation. A cached tag id can go stale (the tag was deleted in Front): on a 404 the
 * cache is dropped and the names resolved again, once.
 */
async function tagsCall(ctx: AdapterContext, id: string, method: 'POST' | 'DELETE', names: string[], action: string) {
  const send = async () =>
    ctx.http.call({ method, url: `${api(ctx)}/conversations/${id}/tags`, body: { tag_ids: await resolveTags(ctx, names) } }, { action, idempotent: true, accept: [404] });
  let res = await send();
  if (res.status === 404) {
    tagIds.delete(api(ctx));
    res = await send();
    if (res.status === 404) await ctx.http.call({ method, url: `${api(ctx)}/conversations/${id}/tags`, body: { tag_ids: await resolveTags(ctx, names) } }, { action, idempotent: true });
  }
  return res;
}

export const frontAdapter: PlatformAdapter = {
  platform: 'front',
  label: 'Front',

  detect(url) {
    const open = OPEN_RE.exec(url);
    if (open) return { platform: 'front', account: 'app', conversationId: open[1].toLowerCase(), idIsGuess: false };
    const inbox = INBOX_RE.exec(url);
    if (inbox) {
      // Unofficial: Front documents numeric → base-36 as "a useful tip, not officially supported"; used
      // only because in-app inbox URLs carry nothing else. /open/cnv_… links are always preferred.
      return { platform: 'front', account: 'app', conversationId: `cnv_${Number(inbox[1]).toString(36)}`, idIsGuess: true };
    }
    return null;
  },

  apiOrigin: (_ref: ConversationRef, apiBase?: string) => (apiBase ?? DEFAULT_API).replace(/\/$/, ''),

  async whoAmI(ctx) {
    const res = await ctx.http.call({ method: 'GET', url: `${api(ctx)}/me` }, { action: 'check the connection' });
    const b = res.body as { id?: string; name?: string };
    return { id: b.id ?? 'token', name: b.name ?? 'Front API token' };
  },

  async read(ctx): Promise<Conversation> {
    const conv = await getConversation(ctx, ctx.ref.conversationId);
    const id = conv.id as string;
    const [msgs, comments, inboxes] = await Promise.all([
      list<FMessage>(ctx, `/conversations/${id}/messages?limit=100`, 'read the messages'),
      list<FComment>(ctx, `/conversations/${id}/comments?limit=100`, 'read the comments'),
      ctx.http.call({ method: 'GET', url: `${api(ctx)}/conversations/${id}/inboxes` }, { action: 'read the inboxes' }),
      loadTags(ctx).catch(() => undefined),
    ]);
    const messages: (Message & { at: number })[] = [
      ...msgs.map((m) => {
        const from = m.recipients?.find((r) => r.role === 'from');
        const author = m.is_inbound ? { name: from?.name, email: from?.handle } : { id: m.author?.id, name: nameOf(m.author), email: m.author?.email };
        return {
          at: m.created_at,
          id: m.id,
          role: roleOf(author, !m.is_inbound, ctx.botIdentity),
          author,
          text: m.text ?? (m.body ? htmlToText(m.body) : ''),
          internal: false,
          createdAt: iso(m.created_at),
        };
      }),
      ...comments.map((c) => ({
        at: c.posted_at,
        id: c.id,
        role: roleOf({ id: c.author?.id, name: nameOf(c.author), email: c.author?.email }, true, ctx.botIdentity),
        author: { id: c.author?.id, name: nameOf(c.author), email: c.author?.email },
        text: c.body,
        internal: true,
        createdAt: iso(c.posted_at),
      })),
    ];
    messages.sort((a, b) => a.at - b.at);
    const inbox = ((inboxes.body as { _results?: { id: string; name: string }[] })._results ?? [])[0];
    return {
      ref: { ...ctx.ref, conversationId: id },
      id,
      subject: conv.subject ?? undefined,
      messages: messages.map(({ at: _at, ...m }) => m),
      tags: (conv.tags ?? []).map((t: { name: string }) => t.name),
      assignee: conv.assignee ? { id: conv.assignee.id, name: nameOf(conv.assignee) } : null,
      team: null,
      inbox: inbox ? { id: inbox.id, name: inbox.name } : null,
      source: 'api',
    };
  },

  async listTargets(ctx) {
    const key = api(ctx);
    const cached = targetCache.get(key);
    if (cached) return cached;
    const [inboxes, teammates, views, tags] = await Promise.all([
      list<any>(ctx, '/inboxes?limit=100', 'list the inboxes'),
      list<any>(ctx, '/teammates?limit=100', 'list the teammates'),
      list<any>(ctx, '/views?limit=100', 'list the views').catch(() => []),
      loadTags(ctx),
    ]);
    const tagName = new Map([...tags].map(([n, id]) => [id, n]));
    const targets: Target[] = [
      ...inboxes.map((i) => ({ platform: 'front' as const, kind: 'inbox' as const, id: i.id, name: i.name })),
      ...teammates.map((t) => ({ platform: 'front' as const, kind: 'user' as const, id: t.id, name: nameOf(t) ?? t.id })),
      ...views.map((v) => {
        // Matchable by one tag when the view filters on tags only.
        const onlyTags = v.tag_ids?.length === 1 && !v.inbox_ids?.length && !v.assignee_ids?.length && !v.no_tags;
        return { platform: 'front' as const, kind: 'view' as const, id: v.id, name: v.name, viewTag: onlyTags ? tagName.get(v.tag_ids[0]) : undefined };
      }),
    ];
    targetCache.set(key, targets);
    return targets;
  },

  escalationOps(ctx, plan, remaining) {
    const has = (k: StepKind) => remaining.includes(k);
    const id = plan.conversationId;
    const target = plan.target;
    if (has('assign') && target?.kind === 'view' && !target.viewTag) throw viewError();
    const ops: Operation[] = [];

    const names: string[] = [];
    const tagCovers: StepKind[] = [];
    if (has('tags')) {
      names.push(...plan.tags);
      tagCovers.push('tags');
    }
    const removal = plan.pause?.removeTags.filter((t) => plan.tagsBefore.includes(t)) ?? [];
    // Leaving the bot's managing inbox happens with the move when the target is an inbox.
    if (has('pause') && plan.pause?.stopTag) {
      names.push(plan.pause.stopTag);
      if (!removal.length) tagCovers.push('pause');
    }
    if (has('assign') && target?.kind === 'view') {
      names.push(target.viewTag!);
      tagCovers.push('assign');
    }
    if (names.length) {
      ops.push({ covers: tagCovers, run: async () => void (await tagsCall(ctx, id, 'POST', [...new Set(names)], 'add the tags')) });
    }

    if (has('note')) {
      ops.push({
        covers: ['note'],
        run: async () =>
          void (await ctx.http.call(
            // Comments render Markdown, so the note is escaped: customer text cannot form links, images or HTML.
            { method: 'POST', url: `${api(ctx)}/conversations/${id}/comments`, body: { body: escapeMarkdown(plan.note) + encodeMarker(plan.noteMarker) } },
            { action: 'post the internal note' },
          )),
        alreadyApplied: async () => (await list<FComment>(ctx, `/conversations/${id}/comments?limit=100`, 'read the comments')).some((c) => hasMarker(c.body, plan.noteMarker)),
      });
    }

    if (has('assign') && target && target.kind !== 'view') {
      const body = target.kind === 'inbox' ? { inbox_id: target.id } : target.kind === 'user' ? { assignee_id: target.id } : null;
      if (!body) throw new ApiError(`Front cannot route to a ${target.kind}; pick an inbox, a teammate or a view.`, 'invalid');
      ops.push({
        covers: ['assign'],
        run: async () => void (await ctx.http.call({ method: 'PATCH', url: `${api(ctx)}/conversations/${id}`, body }, { action: 'move the conversation', idempotent: true })),
      });
    }

    if (has('pause') && removal.length) {
      ops.push({ covers: ['pause'], run: async () => void (await tagsCall(ctx, id, 'DELETE', removal, "remove the bot's tags")) });
    }
    return ops;
  },

  resumeOps(ctx, plan) {
    if (!plan.pause) return [];
    const id = plan.conversationId;
    const restore = plan.pause.removeTags.filter((t) => plan.tagsBefore.includes(t));
    const ops: Operation[] = [];
    if (plan.pause.stopTag) ops.push({ covers: ['pause'], run: async () => void (await tagsCall(ctx, id, 'DELETE', [plan.pause!.stopTag], 'remove the pause tag')) });
    if (restore.length) ops.push({ covers: ['pause'], run: async () => void (await tagsCall(ctx, id, 'POST', restore, "give the bot's tags back")) });
    const managing = plan.pause.managingInboxId;
    if (managing && plan.inboxBefore === managing && plan.target?.kind === 'inbox') {
      ops.push({
        covers: ['pause'],
        run: async () => void (await ctx.http.call({ method: 'PATCH', url: `${api(ctx)}/conversations/${id}`, body: { inbox_id: managing } }, { action: "move it back to the bot's inbox", idempotent: true })),
      });
    }
    return ops;
  },

  dom: {
    threadRoot: (doc) => doc.querySelector('.conversation-pane'),
    readMessages(doc, identity) {
      const root = doc.querySelector('.conversation-pane');
      if (!root) return [];
      return [...root.querySelectorAll('[data-testid="message"], [data-testid="comment"]')].map((el) => {
        const name = el.querySelector('.message-author')?.textContent?.trim();
        const internal = el.getAttribute('data-testid') === 'comment';
        const message: Message = {
          id: el.getAttribute('data-message-id') ?? undefined,
          role: roleOf({ name }, internal || el.classList.contains('message--outbound'), identity),
          author: { name },
          text: (el.querySelector('.message-body')?.textContent ?? '').trim(),
          internal,
        };
        return { message, element: el };
      });
    },
  } satisfies DomReader,
};
