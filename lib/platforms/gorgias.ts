import type { Conversation, Message } from '../schema/conversation';
import type { StepKind } from '../schema/plan';
import type { Target } from '../schema/target';
import { ApiError } from '../http/errors';
import type { HttpRequest, HttpResponse } from '../http/types';
import type { AdapterContext, DomReader, Operation, PlatformAdapter } from './types';
import { htmlToText, roleOf, textToHtml } from './shared';
import { encodeMarker, hasMarker } from './marker';
import { TtlCache } from './cache';
import { viewError } from './zendesk';

const URL_RE = /^https:\/\/([a-z0-9][a-z0-9-]*)\.gorgias\.com\/app\/(?:ticket|views\/\d+)\/(\d+)(?:[/?#]|$)/i;

interface GMessage {
  id: number;
  channel: string;
  from_agent: boolean;
  sender?: { id: number; name?: string; email?: string } | null;
  body_text?: string | null;
  body_html?: string | null;
  created_datetime: string;
}

const me = new Map<string, number>();
const targetCache = new TtlCache<Target[]>(60_000);
const base = (account: string) => `https://${account}.gorgias.com`;

/** Every Gorgias list is cursor-paginated as {data, meta: {next_cursor}}. */
function cursorNext(req: HttpRequest) {
  return (res: HttpResponse): HttpRequest | null => {
    const next = (res.body as { meta?: { next_cursor?: string | null } }).meta?.next_cursor;
    if (!next) return null;
    const u = new URL(req.url);
    u.searchParams.set('cursor', next);
    return { method: 'GET', url: u.toString() };
  };
}

async function list<T>(ctx: AdapterContext, path: string, action: string): Promise<T[]> {
  const first: HttpRequest = { method: 'GET', url: `${base(ctx.ref.account)}${path}` };
  return ctx.http.paginate<T>(first, { action, items: (r) => (r.body as { data: T[] }).data ?? [], next: cursorNext(first) });
}

/** The note's sender must be the signed-in user (GET /api/users/0), read once per account. */
async function currentUserId(ctx: AdapterContext): Promise<number> {
  let id = me.get(ctx.ref.account);
  if (id === undefined) {
    const res = await ctx.http.call({ method: 'GET', url: `${base(ctx.ref.account)}/api/users/0` }, { action: 'check who is signed in' });
    id = (res.body as { id: number }).id;
    me.set(ctx.ref.account, id);
  }
  return id;
}

const readMessages = (ctx: AdapterContext, id: string) =>
  list<GMessage>(ctx, `/api/messages?ticket_id=${id}&limit=100&order_by=created_datetime:asc`, 'read the ticket messages');

export const gorgiasAdapter: PlatformAdapter = {
  platform: 'gorgias',
  label: 'Gorgias',

  detect(url) {
    const m = URL_RE.exec(url);
    return m ? { platform: 'gorgias', account: m[1].toLowerCase(), conversationId: m[2], idIsGuess: false } : null;
  },

  apiOrigin: (ref) => base(ref.account),

  async whoAmI(ctx) {
    const res = await ctx.http.call({ method: 'GET', url: `${base(ctx.ref.account)}/api/users/0` }, { action: 'check the connection' });
    const u = res.body as { id: number; name?: string; email?: string };
    return { id: String(u.id), name: u.name ?? u.email ?? String(u.id), email: u.email };
  },

  async read(ctx): Promise<Conversation> {
    const id = ctx.ref.conversationId;
    const [ticketRes, msgs] = await Promise.all([
      ctx.http.call({ method: 'GET', url: `${base(ctx.ref.account)}/api/tickets/${id}` }, { action: 'read the ticket' }),
      readMessages(ctx, id),
      currentUserId(ctx).catch(() => undefined),
    ]);
    const t = ticketRes.body as Record<string, any>;
    const messages: Message[] = msgs.map((m) => {
      const author = { id: m.sender ? String(m.sender.id) : undefined, name: m.sender?.name, email: m.sender?.email };
      return {
        id: String(m.id),
        role: roleOf(author, m.from_agent, ctx.botIdentity),
        author,
        text: m.body_text ?? (m.body_html ? htmlToText(m.body_html) : ''),
        internal: m.channel === 'internal-note',
        createdAt: m.created_datetime,
      };
    });
    return {
      ref: ctx.ref,
      id: String(t.id),
      subject: t.subject ?? undefined,
      messages,
      tags: (t.tags ?? []).map((x: { name: string }) => x.name),
      assignee: t.assignee_user ? { id: String(t.assignee_user.id), name: t.assignee_user.name } : null,
      team: t.assignee_team ? { id: String(t.assignee_team.id), name: t.assignee_team.name } : null,
      inbox: null,
      source: 'api',
      updatedStamp: t.updated_datetime,
    };
  },

  async listTargets(ctx) {
    const key = `${ctx.ref.account}:${ctx.authMode}`;
    const cached = targetCache.get(key);
    if (cached) return cached;
    const [teams, users, views] = await Promise.all([
      list<any>(ctx, '/api/teams?limit=100', 'list the teams'),
      list<any>(ctx, '/api/users?limit=100', 'list the users'),
      list<any>(ctx, '/api/views?limit=100', 'list the views'),
    ]);
    const targets: Target[] = [
      ...teams.map((t) => ({ platform: 'gorgias' as const, kind: 'team' as const, id: String(t.id), name: t.name })),
      ...users.map((u) => ({ platform: 'gorgias' as const, kind: 'user' as const, id: String(u.id), name: u.name ?? u.email })),
      ...views.map((v) => ({ platform: 'gorgias' as const, kind: 'view' as const, id: String(v.id), name: v.name, viewTag: viewTagOf(v.filters) })),
    ];
    targetCache.set(key, targets);
    return targets;
  },

  escalationOps(ctx, plan, remaining) {
    const has = (k: StepKind) => remaining.includes(k);
    const o = base(ctx.ref.account);
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
    if (has('pause') && plan.pause?.stopTag) {
      names.push(plan.pause.stopTag);
      if (!removal.length) tagCovers.push('pause');
    }
    if (has('assign') && target?.kind === 'view') {
      names.push(target.viewTag!);
      tagCovers.push('assign');
    }
    if (names.length) {
      ops.push({
        covers: tagCovers,
        run: async () => void (await ctx.http.call({ method: 'POST', url: `${o}/api/tickets/${id}/tags`, body: { names: [...new Set(names)] } }, { action: 'add the tags', idempotent: true })),
      });
    }

    if (has('note')) {
      ops.push({
        covers: ['note'],
        async run() {
          const marker = encodeMarker(plan.noteMarker);
          await ctx.http.call(
            {
              method: 'POST',
              url: `${o}/api/tickets/${id}/messages`,
              body: {
                channel: 'internal-note',
                via: 'api',
                from_agent: true,
                sender: { id: await currentUserId(ctx) },
                body_text: plan.note + marker,
                body_html: textToHtml(plan.note) + `<p>${marker}</p>`,
              },
            },
            { action: 'post the internal note' },
          );
        },
        alreadyApplied: async () =>
          (await readMessages(ctx, id)).some((m) => m.channel === 'internal-note' && (hasMarker(m.body_text, plan.noteMarker) || hasMarker(m.body_html, plan.noteMarker))),
      });
    }

    if (has('assign') && target && target.kind !== 'view') {
      const body =
        target.kind === 'team' ? { assignee_team: { id: Number(target.id) } } : target.kind === 'user' ? { assignee_user: { id: Number(target.id) } } : null;
      if (!body) throw new ApiError(`Gorgias cannot route to a ${target.kind}; pick a team, a user or a view.`, 'invalid');
      ops.push({
        covers: ['assign'],
        run: async () => void (await ctx.http.call({ method: 'PUT', url: `${o}/api/tickets/${id}`, body }, { action: 'assign the ticket', idempotent: true })),
      });
    }

    if (has('pause') && removal.length) {
      ops.push({
        covers: ['pause'],
        run: async () => void (await ctx.http.call({ method: 'DELETE', url: `${o}/api/tickets/${id}/tags`, body: { names: removal } }, { action: "remove the bot's tags", idempotent: true })),
      });
    }
    return ops;
  },

  resumeOps(ctx, plan) {
    if (!plan.pause) return [];
    const url = `${base(ctx.ref.account)}/api/tickets/${plan.conversationId}/tags`;
    const restore = plan.pause.removeTags.filter((t) => plan.tagsBefore.includes(t));
    const ops: Operation[] = [];
    if (plan.pause.stopTag) {
      ops.push({ covers: ['pause'], run: async () => void (await ctx.http.call({ method: 'DELETE', url, body: { names: [plan.pause!.stopTag] } }, { action: 'remove the pause tag', idempotent: true })) });
    }
    if (restore.length) {
      ops.push({ covers: ['pause'], run: async () => void (await ctx.http.call({ method: 'POST', url, body: { names: restore } }, { action: "give the bot's tags back", idempotent: true })) });
    }
    return ops;
  },

  dom: {
    threadRoot: (doc) => doc.querySelector('[aria-label="Ticket thread"]'),
    readMessages(doc, identity) {
      const root = doc.querySelector('[aria-label="Ticket thread"]');
      if (!root) return [];
      return [...root.querySelectorAll('[data-message-id]')].map((el) => {
        const name = el.querySelector('.message-sender')?.textContent?.replace(/\s*\(internal note\)\s*$/, '').trim();
        const message: Message = {
          id: el.getAttribute('data-message-id') ?? undefined,
          role: roleOf({ name }, el.getAttribute('data-from-agent') === 'true', identity),
          author: { name },
          text: (el.querySelector('.message-body')?.textContent ?? '').trim(),
          internal: el.getAttribute('data-channel') === 'internal-note',
        };
        return { message, element: el };
      });
    },
  } satisfies DomReader,
};

/** Gorgias view filters are expressions; a tag requirement like containsAll(ticket.tags.name, ['vip']) can be met by tagging. */
function viewTagOf(filters: unknown): string | undefined {
  if (typeof filters !== 'string') return undefined;
  const m = /contains(?:All|Any)?\(ticket\.tags(?:\.name)?,\s*\[?\s*['"]([^'"]+)['"]/.exec(filters);
  return m?.[1];
}
