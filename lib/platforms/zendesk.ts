import type { Conversation, ConversationRef, Message } from '../schema/conversation';
import type { EscalationPlan, StepKind } from '../schema/plan';
import type { Target } from '../schema/target';
import { ApiError, isApiError } from '../http/errors';
import type { HttpRequest } from '../http/types';
import type { AdapterContext, DomReader, Operation, PlatformAdapter } from './types';
import { htmlToText, roleOf, textToHtml } from './shared';
import { encodeMarker, hasMarker } from './marker';
import { TtlCache } from './cache';

const URL_RE = /^https:\/\/([a-z0-9][a-z0-9-]*)\.zendesk\.com\/agent\/tickets\/(\d+)(?:[/?#]|$)/i;

interface ZUser { id: number; name: string; email?: string; role: string }
interface ZComment { id: number; author_id: number; body?: string; html_body?: string; plain_body?: string; public: boolean; created_at: string }

const csrfTokens = new Map<string, string>();
const targetCache = new TtlCache<Target[]>(60_000);

const base = (ref: Pick<ConversationRef, 'account'>) => `https://${ref.account}.zendesk.com`;

/** Session writes need the CSRF token Zendesk hands out on users/me; fetched once per account. */
async function csrfHeader(ctx: AdapterContext, refresh = false): Promise<Record<string, string>> {
  if (ctx.authMode !== 'session') return {};
  let token = refresh ? undefined : csrfTokens.get(ctx.ref.account);
  if (!token) {
    const res = await ctx.http.call({ method: 'GET', url: `${base(ctx.ref)}/api/v2/users/me.json` }, { action: 'sign in with your Zendesk session' });
    token = (res.body as { user?: { authenticity_token?: string } }).user?.authenticity_token;
    if (!token) throw new ApiError('Zendesk did not recognise your session. Sign in to Zendesk again, or set an API token in Options.', 'auth', 401);
    csrfTokens.set(ctx.ref.account, token);
  }
  return { 'X-CSRF-Token': token };
}

/** A write with the session's CSRF token; a rejected token is refreshed once (sessions rotate it). */
async function write(ctx: AdapterContext, req: HttpRequest, action: string, idempotent: boolean) {
  const send = async (refresh: boolean) =>
    ctx.http.call({ ...req, headers: { ...req.headers, ...(await csrfHeader(ctx, refresh)) } }, { action, idempotent });
  try {
    return await send(false);
  } catch (e) {
    if (ctx.authMode === 'session' && isApiError(e) && e.status === 403) return send(true);
    throw e;
  }
}

async function readTicket(ctx: AdapterContext) {
  const res = await ctx.http.call({ method: 'GET', url: `${base(ctx.ref)}/api/v2/tickets/${ctx.ref.conversationId}.json` }, { action: 'read the ticket' });
  return (res.body as { ticket: Record<string, any> }).ticket;
}

async function readComments(ctx: AdapterContext) {
  const users = new Map<number, ZUser>();
  const comments = await ctx.http.paginate<ZComment>(
    { method: 'GET', url: `${base(ctx.ref)}/api/v2/tickets/${ctx.ref.conversationId}/comments.json?page[size]=100&include=users` },
    {
      action: 'read the ticket comments',
      items: (res) => {
        const b = res.body as { comments: ZComment[]; users?: ZUser[] };
        for (const u of b.users ?? []) users.set(u.id, u);
        return b.comments;
      },
      next: (res) => {
        const b = res.body as { meta?: { has_more?: boolean }; links?: { next?: string | null } };
        return b.meta?.has_more && b.links?.next ? { method: 'GET', url: b.links.next } : null;
      },
    },
  );
  return { comments, users };
}

function tagsOp(ctx: AdapterContext, plan: EscalationPlan, tags: string[], covers: StepKind[]): Operation {
  const url = `${base(ctx.ref)}/api/v2/tickets/${plan.conversationId}/tags.json`;
  return {
    covers,
    async run() {
      // Adding tags is additive, so a collision can only lose someone else's concurrent tag change;
      // safe_update turns that into a 409, after which the fresh stamp is read and the add retried once.
      let stamp = plan.updatedStamp;
      for (let attempt = 0; ; attempt++) {
        try {
          await write(ctx, { method: 'PUT', url, body: stamp ? { tags, updated_stamp: stamp, safe_update: 'true' } : { tags } }, 'add the tags', true);
          return;
        } catch (e) {
          if (!(isApiError(e) && e.kind === 'conflict') || attempt > 0) throw e;
          stamp = (await readTicket(ctx)).updated_at;
        }
      }
    },
  };
}

export const zendeskAdapter: PlatformAdapter = {
  platform: 'zendesk',
  label: 'Zendesk',

  detect(url) {
    const m = URL_RE.exec(url);
    return m ? { platform: 'zendesk', account: m[1].toLowerCase(), conversationId: m[2], idIsGuess: false } : null;
  },

  apiOrigin: (ref) => base(ref),

  async whoAmI(ctx) {
    const res = await ctx.http.call({ method: 'GET', url: `${base(ctx.ref)}/api/v2/users/me.json` }, { action: 'check the connection' });
    const u = (res.body as { user: { id: number; name: string; email?: string; authenticity_token?: string } }).user;
    if (!u || u.id === undefined || u.id === null) throw new ApiError('Zendesk answered, but not as a signed-in agent. Sign in or check the token.', 'auth', 401);
    return { id: String(u.id), name: u.name, email: u.email };
  },

  async read(ctx): Promise<Conversation> {
    const [ticket, { comments, users }] = await Promise.all([readTicket(ctx), readComments(ctx), csrfHeader(ctx).catch(() => ({}))]);
    const messages: Message[] = comments.map((c) => {
      const u = users.get(c.author_id);
      const author = { id: String(c.author_id), name: u?.name, email: u?.email };
      const fromTeam = u ? u.role !== 'end-user' : c.author_id !== ticket.requester_id;
      return {
        id: String(c.id),
        role: roleOf(author, fromTeam, ctx.botIdentity),
        author,
        text: c.plain_body ?? (c.html_body ? htmlToText(c.html_body) : c.body ?? ''),
        internal: !c.public,
        createdAt: c.created_at,
      };
    });
    return {
      ref: ctx.ref,
      id: String(ticket.id),
      subject: ticket.subject ?? undefined,
      messages,
      tags: ticket.tags ?? [],
      assignee: ticket.assignee_id ? { id: String(ticket.assignee_id) } : null,
      team: ticket.group_id ? { id: String(ticket.group_id) } : null,
      inbox: null,
      source: 'api',
      updatedStamp: ticket.updated_at,
    };
  },

  async listTargets(ctx) {
    const key = `${ctx.ref.account}:${ctx.authMode}`;
    const cached = targetCache.get(key);
    if (cached) return cached;
    const o = base(ctx.ref);
    const [groups, users, views] = await Promise.all([
      ctx.http.call({ method: 'GET', url: `${o}/api/v2/groups.json` }, { action: 'list the groups' }),
      ctx.http.call({ method: 'GET', url: `${o}/api/v2/users.json?role[]=agent&role[]=admin` }, { action: 'list the agents' }),
      ctx.http.call({ method: 'GET', url: `${o}/api/v2/views.json?active=true` }, { action: 'list the views' }),
    ]);
    const targets: Target[] = [
      ...((groups.body as any).groups ?? []).map((g: any) => ({ platform: 'zendesk', kind: 'group', id: String(g.id), name: g.name })),
      ...((users.body as any).users ?? []).map((u: any) => ({ platform: 'zendesk', kind: 'user', id: String(u.id), name: u.name })),
      ...((views.body as any).views ?? []).map((v: any) => ({ platform: 'zendesk', kind: 'view', id: String(v.id), name: v.title, viewTag: viewTagOf(v.conditions) })),
    ];
    targetCache.set(key, targets);
    return targets;
  },

  escalationOps(ctx, plan, remaining) {
    const ops: Operation[] = [];
    const has = (k: StepKind) => remaining.includes(k);
    const target = plan.target;
    if (has('assign') && target?.kind === 'view' && !target.viewTag) throw viewError();

    // One PUT …/tags carries the escalation tags, the stop-list tag and a view's tag.
    const tags: string[] = [];
    const tagCovers: StepKind[] = [];
    if (has('tags')) {
      tags.push(...plan.tags);
      tagCovers.push('tags');
    }
    const removal = plan.pause?.removeTags.filter((t) => plan.tagsBefore.includes(t)) ?? [];
    if (has('pause') && plan.pause?.stopTag) {
      tags.push(plan.pause.stopTag);
      if (!removal.length) tagCovers.push('pause');
    }
    if (has('assign') && target?.kind === 'view') {
      tags.push(target.viewTag!);
      tagCovers.push('assign');
    }
    if (tags.length) ops.push(tagsOp(ctx, plan, [...new Set(tags)], tagCovers));

    // One PUT /tickets/{id} carries the internal note and the group/assignee.
    const ticket: Record<string, unknown> = {};
    const ticketCovers: StepKind[] = [];
    if (has('note')) {
      ticket.comment = { html_body: textToHtml(plan.note) + `<p>${encodeMarker(plan.noteMarker)}</p>`, public: false };
      ticketCovers.push('note');
    }
    if (has('assign') && target && target.kind !== 'view') {
      if (target.kind === 'group') ticket.group_id = Number(target.id);
      else if (target.kind === 'user') ticket.assignee_id = Number(target.id);
      else throw new ApiError(`Zendesk cannot route to a ${target.kind}; pick a group, an agent or a view.`, 'invalid');
      ticketCovers.push('assign');
    }
    if (ticketCovers.length) {
      const url = `${base(ctx.ref)}/api/v2/tickets/${plan.conversationId}.json`;
      ops.push({
        covers: ticketCovers,
        run: async () => {
          const action = ticketCovers.length === 2 ? 'post the internal note and assign the ticket' : ticketCovers[0] === 'note' ? 'post the internal note' : 'assign the ticket';
          await write(ctx, { method: 'PUT', url, body: { ticket } }, action, !ticketCovers.includes('note'));
        },
        alreadyApplied: ticketCovers.includes('note')
          ? async () => (await readComments(ctx)).comments.some((c) => !c.public && (hasMarker(c.html_body, plan.noteMarker) || hasMarker(c.plain_body, plan.noteMarker) || hasMarker(c.body, plan.noteMarker)))
          : undefined,
      });
    }

    if (has('pause') && removal.length) {
      ops.push({
        covers: ['pause'],
        run: async () => {
          await write(ctx, { method: 'DELETE', url: `${base(ctx.ref)}/api/v2/tickets/${plan.conversationId}/tags.json`, body: { tags: removal } }, "remove the bot's tags", true);
        },
      });
    }
    return ops;
  },

  resumeOps(ctx, plan) {
    if (!plan.pause) return [];
    const url = `${base(ctx.ref)}/api/v2/tickets/${plan.conversationId}/tags.json`;
    const restore = plan.pause.removeTags.filter((t) => plan.tagsBefore.includes(t));
    const ops: Operation[] = [];
    if (plan.pause.stopTag) {
      ops.push({ covers: ['pause'], run: async () => void (await write(ctx, { method: 'DELETE', url, body: { tags: [plan.pause!.stopTag] } }, 'remove the pause tag', true)) });
    }
    if (restore.length) {
      ops.push({ covers: ['pause'], run: async () => void (await write(ctx, { method: 'PUT', url, body: { tags: restore } }, "give the bot's tags back", true)) });
    }
    return ops;
  },

  dom: {
    threadRoot: (doc) => doc.querySelector('[data-test-id="omni-log-container"]'),
    readMessages(doc, identity) {
      const root = doc.querySelector('[data-test-id="omni-log-container"]');
      if (!root) return [];
      return [...root.querySelectorAll('article')].map((el) => {
        const name = el.querySelector('[data-test-id="omni-log-item-sender"]')?.textContent?.trim();
        const body = el.querySelector('[data-test-id="omni-log-message-content"]') ?? el;
        const fromTeam = el.getAttribute('data-sender-type') !== 'end-user';
        const message: Message = {
          id: el.getAttribute('data-comment-id') ?? undefined,
          role: roleOf({ name }, fromTeam, identity),
          author: { name },
          text: (body.textContent ?? '').trim(),
          internal: !!el.querySelector('[data-test-id="omni-log-internal-note-tag"]'),
        };
        return { message, element: el };
      });
    },
  } satisfies DomReader,
};

/** A view can be matched by a tag when one of its "all" conditions requires a tag on the ticket. */
function viewTagOf(conditions: { all?: { field: string; operator: string; value: unknown }[] } | undefined): string | undefined {
  const c = conditions?.all?.find((x) => x.field === 'current_tags' && x.operator === 'includes' && typeof x.value === 'string');
  return c ? String(c.value).split(/\s+/)[0] : undefined;
}

export function viewError() {
  return new ApiError('This view cannot be matched by a tag, so Baton cannot route to it; pick a team, group or inbox instead.', 'invalid');
}
