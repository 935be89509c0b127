import type { SandboxRequest, SandboxResponse } from '../../types';
import { AGENT_ID, match, type SandboxStore, type SbConversation } from '../common';
import { authenticate, tokenEmail, zendeskError, ZENDESK_SANDBOX } from './auth';
import { defaultAccess, refuseUpdate, userFields, type ZendeskAccess } from './access';
import { SWITCHBOARD, type Membership, type TicketSide } from './bots';
import { viewTicketsRoute } from './watch';

/** Zendesk-only side data of the seeded tickets (bots.ts): channels, chat turns, switchboard, memberships. */
export interface ZendeskSide {
  tickets: Map<number, TicketSide>;
  memberships: Membership[];
}
const noSide = (): ZendeskSide => ({ tickets: new Map(), memberships: [] });

/**
 * One page of a list, as Zendesk pages them (at most 100 a page, spec "Pagination"): cursor pages with
 * `page[size]`/`page[after]` answer `meta.has_more` and `links.next`; offset pages (`page`) answer `next_page`.
 */
export function pageOf<T>(all: T[], req: SandboxRequest, path: string): { items: T[]; paging: Record<string, unknown> } {
  const origin = `https://${req.host}`;
  const keep = Object.entries(req.query)
    .filter(([k]) => !k.startsWith('page'))
    .flatMap(([k, v]) => ([] as string[]).concat(v).map((x) => `${k}=${encodeURIComponent(x)}`));
  if (req.query['page[size]'] !== undefined || req.query['page[after]'] !== undefined) {
    const size = Math.min(100, Number(req.query['page[size]'] ?? 100));
    const after = Number(req.query['page[after]'] ?? 0);
    const items = all.slice(after, after + size);
    const more = after + size < all.length;
    const next = more ? `${origin}${path}?${[...keep, `page[size]=${size}`, `page[after]=${after + size}`].join('&')}` : null;
    return {
      items,
      paging: {
        meta: { has_more: more, after_cursor: more ? String(after + size) : null, before_cursor: null },
        links: { next, prev: null },
      },
    };
  }
  const page = Math.max(1, Number(req.query.page ?? 1));
  const items = all.slice((page - 1) * 100, page * 100);
  const more = page * 100 < all.length;
  return {
    items,
    paging: {
      next_page: more ? `${origin}${path}?${[...keep, `page=${page + 1}`].join('&')}` : null,
      previous_page: null,
      count: all.length,
    },
  };
}

const invalid = (field: string, description: string): SandboxResponse => ({
  status: 422,
  body: { error: 'RecordInvalid', description: 'Record validation errors', details: { [field]: [{ description }] } },
});

const isTagList = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === 'string');
const sameTime = (a: unknown, b: string) => typeof a === 'string' && Date.parse(a) === Date.parse(b);
// The spec types safe_update as a boolean; its own tags example sends the string "true".
const wantsSafeUpdate = (v: unknown) => v === true || v === 'true';

/**
 * Zendesk Support API subset on {sub}.zendesk.com/api/v2: tickets (one update carries comment, group,
 * assignee, tags, additional_tags and remove_tags, all or nothing, guarded by safe_update + updated_stamp),
 * comments with cursor pages, tags, groups, agents, views, users/me (with the CSRF authenticity_token).
 */
export function zendeskApi(store: SandboxStore, access: () => ZendeskAccess = defaultAccess, side: () => ZendeskSide = noSide) {
  const origin = (req: SandboxRequest) => `https://${req.host}`;

  const ticketJson = (c: SbConversation, req: SandboxRequest) => ({
    id: c.id,
    url: `${origin(req)}/api/v2/tickets/${c.id}.json`,
    subject: c.subject,
    raw_subject: c.subject,
    status: 'open',
    requester_id: c.customerId,
    submitter_id: c.customerId,
    assignee_id: c.assigneeId,
    group_id: c.teamId,
    tags: c.tags,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    via: { channel: side().tickets.get(c.id)?.via ?? 'web' },
  });

  const userJson = (id: number) => {
    const u = store.users.get(id)!;
    return { id: u.id, name: u.name, email: u.email, role: u.role === 'customer' ? 'end-user' : 'agent' };
  };

  function stale(body: Record<string, unknown>, c: SbConversation): SandboxResponse | null {
    if (!wantsSafeUpdate(body.safe_update)) return null;
    if (body.updated_stamp === undefined) return zendeskError(400, 'InvalidValue', 'updated_stamp is required when safe_update is set');
    return sameTime(body.updated_stamp, c.updatedAt)
      ? null
      : zendeskError(409, 'UpdateConflict', 'Ticket was updated by someone else since updated_stamp');
  }

  /**
   * While an AI agent holds the conversation the ticket is read-only ("AI agent tickets are always read-only",
   * support.zendesk.com 9204149016346). The exact refusal is not public: ASSUMED a 403 in the classic envelope.
   */
  function readOnly(c: SbConversation): SandboxResponse | null {
    const sb = side().tickets.get(c.id)?.switchboard;
    return sb && sb.active !== SWITCHBOARD.agentWorkspace
      ? zendeskError(403, 'Forbidden', 'This ticket is read-only while an AI agent handles the conversation.')
      : null;
  }

  /** An assignee must belong to the ticket's group (zenpy issue 628); with no group, their default group is taken. */
  function groupRule(c: SbConversation, t: Record<string, any>): { group?: number | null; refused?: SandboxResponse } {
    if (t.assignee_id === undefined || t.assignee_id === null) return {};
    const agent = Number(t.assignee_id);
    const mine = side().memberships.filter((m) => m.user_id === agent);
    const group = t.group_id !== undefined ? (t.group_id === null ? null : Number(t.group_id)) : c.teamId;
    if (group === null) return { group: mine.find((m) => m.default)?.group_id ?? mine[0]?.group_id ?? null };
    if (!mine.some((m) => m.group_id === group)) return { refused: invalid('assignee', 'Assignee is not a member of the group') };
    return { group };
  }

  /** Who a request acts as: the agent whose email fronts the API token, the signed-in agent otherwise. */
  const actingAgent = (req: SandboxRequest): number | null => {
    const email = tokenEmail(req);
    if (!email || email === ZENDESK_SANDBOX.email) return AGENT_ID;
    return [...store.users.values()].find((u) => u.role === 'agent' && u.email.toLowerCase() === email)?.id ?? null;
  };

  function updateTicket(c: SbConversation, t: Record<string, any>, req: SandboxRequest): SandboxResponse {
    const refused = refuseUpdate(access(), t) ?? readOnly(c);
    if (refused) return refused;
    const conflict = stale(t, c);
    if (conflict) return conflict;
    // The spec declares group_id and assignee_id as integers (TicketUpdateInput), never null: refused like any
    // other wrong type, so nothing passes here that the published contract does not allow.
    for (const key of ['group_id', 'assignee_id']) {
      if (t[key] === null) return zendeskError(400, 'InvalidValue', `${key} must be an integer`);
    }
    for (const key of ['tags', 'additional_tags', 'remove_tags']) {
      if (t[key] !== undefined && !isTagList(t[key])) return zendeskError(400, 'InvalidValue', `${key} must be a list of strings`);
    }
    if (t.group_id !== undefined && t.group_id !== null && !store.teams.some((g) => g.id === Number(t.group_id)))
      return invalid('group', 'Group is invalid');
    if (t.assignee_id !== undefined && t.assignee_id !== null && store.users.get(Number(t.assignee_id))?.role !== 'agent')
      return invalid('assignee', 'Assignee is not an agent');
    const membership = groupRule(c, t);
    if (membership.refused) return membership.refused;
    const comment = t.comment as { body?: unknown; html_body?: unknown; public?: unknown } | undefined;
    const text = String(comment?.body ?? '');
    const html = String(comment?.html_body ?? '');
    if (comment && !text && !html) return invalid('comment', 'Comment body is empty');

    // Everything was checked first, so the update applies as a whole or not at all, with one updated_at.
    if (comment)
      store.addMessage(c.id, 'agent', text || html.replace(/<[^>]+>/g, ''), {
        internal: comment.public === false,
        html: html || undefined,
        authorId: actingAgent(req) ?? AGENT_ID,
      });
    if (t.group_id !== undefined) c.teamId = t.group_id === null ? null : Number(t.group_id);
    if (t.assignee_id !== undefined) c.assigneeId = t.assignee_id === null ? null : Number(t.assignee_id);
    if (membership.group !== undefined) c.teamId = membership.group;
    if (t.tags !== undefined) c.tags = [...new Set(t.tags as string[])];
    for (const tag of (t.additional_tags as string[] | undefined) ?? []) if (!c.tags.includes(tag)) c.tags.push(tag);
    if (t.remove_tags) c.tags = c.tags.filter((tag) => !(t.remove_tags as string[]).includes(tag));
    store.touch(c);
    return { status: 200, body: { ticket: ticketJson(c, req), audit: { id: Date.now(), ticket_id: c.id, events: [] } } };
  }

  function comments(c: SbConversation, req: SandboxRequest): SandboxResponse {
    const size = Math.min(100, Number(req.query['page[size]'] ?? 100));
    const after = Number(req.query['page[after]'] ?? 0);
    const sd = side().tickets.get(c.id);
    // Chat turns of a messaging ticket are not comments: only the conversation log has them.
    const listed = c.messages.filter((m) => !sd?.chat.has(m.id));
    const slice = listed.slice(after, after + size);
    const hasMore = after + size < listed.length;
    const include = req.query.include ? `&include=${req.query.include}` : '';
    const next = hasMore
      ? `${origin(req)}/api/v2/tickets/${c.id}/comments.json?page[size]=${size}&page[after]=${after + size}${include}`
      : null;
    const out: Record<string, unknown> = {
      comments: slice.map((msg) => ({
        id: msg.id,
        type: 'Comment',
        author_id: msg.authorId,
        body: msg.text,
        html_body: msg.html,
        plain_body: msg.text,
        public: !msg.internal,
        created_at: msg.createdAt,
        via: { channel: sd?.email.has(msg.id) ? 'email' : msg.role === 'bot' ? 'api' : 'web' },
      })),
      meta: { has_more: hasMore, after_cursor: hasMore ? String(after + size) : null, before_cursor: after ? String(after) : null },
      links: { next, prev: null },
    };
    if (String(req.query.include ?? '').includes('users')) out.users = [...new Set(slice.map((x) => x.authorId))].map(userJson);
    return { status: 200, body: out };
  }

  function tags(c: SbConversation, req: SandboxRequest, body: Record<string, unknown>): SandboxResponse | null {
    if (req.method === 'GET') return { status: 200, body: { tags: c.tags } };
    const refused = refuseUpdate(access(), { tags: body.tags }) ?? readOnly(c);
    if (refused) return refused;
    if (!isTagList(body.tags)) return zendeskError(400, 'InvalidValue', 'tags must be a list of strings');
    const conflict = stale(body, c);
    if (conflict) return conflict;
    if (req.method === 'PUT') {
      store.addTags(c, body.tags);
      return { status: 200, body: { tags: c.tags } };
    }
    if (req.method === 'POST') {
      c.tags = [...new Set(body.tags)];
      store.touch(c);
      return { status: 201, body: { tags: c.tags } };
    }
    if (req.method === 'DELETE') {
      store.removeTags(c, body.tags);
      return { status: 204 };
    }
    return null;
  }

  /**
   * The conversation log (spec ListConversationLogForTicket, ConversationLogObject and its example): every
   * comment as a `Comment` event and every chat turn as a `Messaging::ConversationMessage` event whose
   * `author.type` is user, agent or bot (a bot as the system user −1 with its switchboard `source.type`).
   */
  function conversationLog(c: SbConversation, req: SandboxRequest): SandboxResponse {
    const sd = side().tickets.get(c.id);
    const events = c.messages.map((m) => {
      const u = store.users.get(m.authorId);
      const chat = !!sd?.chat.has(m.id);
      const author =
        m.role === 'bot'
          ? { type: 'bot', display_name: u?.name ?? 'Bot', 'zen:support:user_id': -1, 'zen:sunco:user_id': 'sc-bot' }
          : m.role === 'customer'
            ? {
                type: 'user',
                display_name: u?.name,
                'zen:support:user_id': m.authorId,
                ...(sd?.switchboard ? { 'zen:sunco:user_id': sd.switchboard.userId } : {}),
              }
            : { type: 'agent', display_name: u?.name, 'zen:support:user_id': m.authorId };
      return chat
        ? {
            id: `ev-${m.id}`,
            type: 'Messaging::ConversationMessage',
            reference: `zen:sunco:conversation_message:${m.id}`,
            created_at: m.createdAt,
            attachments: [],
            author,
            content: { type: 'text', text: m.text },
            metadata: { custom: {}, system: {}, ticket_version: 0 },
            ...(m.role === 'bot' ? { source: { type: SWITCHBOARD.bot } } : {}),
          }
        : {
            id: `ev-${m.id}`,
            type: 'Comment',
            reference: `zen:ticket_event:${m.id}`,
            created_at: m.createdAt,
            attachments: [],
            author,
            content: { type: 'html', body: m.html },
            metadata: { custom: {}, public: !m.internal, system: {}, ticket_version: 0 },
          };
    });
    const { items, paging } = pageOf(events, req, `/api/v2/tickets/${c.id}/conversation_log.json`);
    return { status: 200, body: { events: items, ...paging } };
  }

  return function api(req: SandboxRequest): SandboxResponse | null {
    const a = authenticate(req);
    if (a !== 'ok') return a;
    if (actingAgent(req) === null) return { status: 401, body: { error: "Couldn't authenticate you" } };
    const body = (req.body ?? {}) as Record<string, any>;
    let m: Record<string, string> | null;

    if (req.method === 'GET' && match('/api/v2/users/me', req.path)) {
      const me = actingAgent(req) ?? AGENT_ID;
      return { status: 200, body: { user: { ...userJson(me), ...userFields(access()), authenticity_token: ZENDESK_SANDBOX.csrf } } };
    }
    if (req.method === 'GET' && match('/api/v2/custom_roles', req.path)) {
      const role = access().customRole;
      return { status: 200, body: { custom_roles: role ? [{ ...role, role_type: 0, description: '' }] : [] } };
    }
    if (req.method === 'GET' && match('/api/v2/tickets', req.path)) {
      const size = Math.min(100, Number(req.query['page[size]'] ?? 100));
      const newest = [...store.conversations.values()].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
      return {
        status: 200,
        body: {
          tickets: newest.slice(0, size).map((c) => ticketJson(c, req)),
          meta: { has_more: newest.length > size },
          links: { next: null },
        },
      };
    }
    if (req.method === 'GET' && match('/api/v2/tags', req.path)) {
      const counts = new Map<string, number>();
      for (const c of store.conversations.values()) for (const tag of c.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return {
        status: 200,
        body: { tags: [...counts].map(([name, count]) => ({ name, count })), meta: { has_more: false }, links: { next: null } },
      };
    }
    if ((m = match('/api/v2/tickets/:id', req.path))) {
      const c = store.get(m.id);
      if (!c) return zendeskError(404, 'RecordNotFound', 'Not found');
      if (req.method === 'GET') return { status: 200, body: { ticket: ticketJson(c, req) } };
      if (req.method === 'PUT') {
        if (!body.ticket || typeof body.ticket !== 'object') return zendeskError(400, 'InvalidEndpoint', 'ticket is required');
        return updateTicket(c, body.ticket, req);
      }
    }
    if ((m = match('/api/v2/tickets/:id/conversation_log', req.path)) && req.method === 'GET') {
      const c = store.get(m.id);
      return c ? conversationLog(c, req) : zendeskError(404, 'RecordNotFound', 'Not found');
    }
    if (req.method === 'GET' && match('/api/v2/group_memberships/assignable', req.path)) {
      const { items, paging } = pageOf(side().memberships, req, '/api/v2/group_memberships/assignable.json');
      return {
        status: 200,
        body: {
          group_memberships: items.map((x) => ({ ...x, url: `https://${req.host}/api/v2/group_memberships/${x.id}.json` })),
          ...paging,
        },
      };
    }
    if (req.method === 'GET' && match('/api/v2/triggers', req.path)) {
      // Triggers are for admins (spec ListTriggers, "Allowed for Agents" with Manage triggers): agents are refused.
      if (access().role !== 'admin') return zendeskError(403, 'Forbidden', 'You do not have access to this page.');
      const triggers = [
        {
          id: 1,
          title: 'Send new messages to Aissist',
          active: true,
          conditions: { all: [{ field: 'status', operator: 'is', value: 'new' }], any: [] },
        },
      ];
      return { status: 200, body: { triggers, next_page: null, previous_page: null, count: triggers.length } };
    }
    if ((m = match('/api/v2/tickets/:id/comments', req.path)) && req.method === 'GET') {
      const c = store.get(m.id);
      return c ? comments(c, req) : zendeskError(404, 'RecordNotFound', 'Not found');
    }
    if ((m = match('/api/v2/tickets/:id/tags', req.path))) {
      const c = store.get(m.id);
      return c ? tags(c, req, body) : zendeskError(404, 'RecordNotFound', 'Not found');
    }
    if (req.method === 'GET' && (match('/api/v2/groups', req.path) || match('/api/v2/groups/assignable', req.path))) {
      const { items, paging } = pageOf(
        store.teams.map((g) => ({ id: g.id, name: g.name, deleted: false })),
        req,
        req.path.replace(/\.json$/, '') + '.json',
      );
      return { status: 200, body: { groups: items, ...paging } };
    }
    if (req.method === 'GET' && match('/api/v2/users', req.path)) {
      const roles = ([] as string[]).concat(req.query['role[]'] ?? req.query.role ?? []);
      const users = [...store.users.values()].map((u) => userJson(u.id)).filter((u) => !roles.length || roles.includes(u.role));
      const { items, paging } = pageOf(users, req, '/api/v2/users.json');
      return { status: 200, body: { users: items, ...paging } };
    }
    if (req.method === 'GET' && match('/api/v2/views', req.path)) {
      const views = store.views.map((v) => ({
        id: v.id,
        title: v.name,
        active: true,
        conditions: v.tag
          ? { all: [{ field: 'current_tags', operator: 'includes', value: v.tag }], any: [] }
          : {
              all: [
                { field: 'assignee_id', operator: 'is', value: '' },
                { field: 'hours_since_created', operator: 'greater_than', value: '24' },
              ],
              any: [],
            },
      }));
      const { items, paging } = pageOf(views, req, '/api/v2/views.json');
      return { status: 200, body: { views: items, ...paging } };
    }
    // Queue watch (watch.ts).
    return viewTicketsRoute(store, req);
  };
}
