import type { SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';
import { AGENT_ID, match, parseBasic, SandboxStore, type SbConversation } from './common';
import { renderOtherPage, renderPage } from './page';

export const ZENDESK_SANDBOX = {
  subdomain: 'acme',
  email: 'agent@acme.example',
  token: 'sandbox-zendesk-token',
  session: 'sandbox-zendesk-session',
  csrf: 'sandbox-csrf-token',
};

const err = (status: number, error: string, description: string): SandboxResponse => ({ status, body: { error, description } });

/**
 * Zendesk Support API subset (tickets, comments, tags, groups, users, views) on {sub}.zendesk.com, and the
 * Agent Workspace page at /agent/tickets/{id}. Session cookie + X-CSRF-Token or email/token Basic auth.
 */
export function createZendeskSandbox(): SandboxPlatform & { store: SandboxStore; admin(req: SandboxRequest): SandboxResponse | null } {
  const store = new SandboxStore(1);
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
  });

  const userJson = (id: number) => {
    const u = store.users.get(id)!;
    return { id: u.id, name: u.name, email: u.email, role: u.role === 'customer' ? 'end-user' : 'agent' };
  };

  function auth(req: SandboxRequest): SandboxResponse | 'ok' {
    const basic = parseBasic(req.headers.authorization);
    if (basic) return basic === `${ZENDESK_SANDBOX.email}/token:${ZENDESK_SANDBOX.token}` ? 'ok' : err(401, "Couldn't authenticate you", 'Invalid credentials');
    if (req.cookies._zendesk_session === ZENDESK_SANDBOX.session) {
      if (req.method !== 'GET' && req.headers['x-csrf-token'] !== ZENDESK_SANDBOX.csrf) {
        return err(403, 'InvalidCSRFToken', 'The CSRF token is missing or invalid');
      }
      return 'ok';
    }
    return err(401, "Couldn't authenticate you", 'Sign in to Zendesk');
  }

  function api(req: SandboxRequest): SandboxResponse | null {
    const a = auth(req);
    if (a !== 'ok') return a;
    const body = (req.body ?? {}) as Record<string, any>;
    let m: Record<string, string> | null;

    if (req.method === 'GET' && match('/api/v2/users/me', req.path)) {
      const u = userJson(AGENT_ID);
      return { status: 200, body: { user: { ...u, authenticity_token: ZENDESK_SANDBOX.csrf } } };
    }
    if ((m = match('/api/v2/tickets/:id', req.path))) {
      const c = store.get(m.id);
      if (!c) return err(404, 'RecordNotFound', 'Not found');
      if (req.method === 'GET') return { status: 200, body: { ticket: ticketJson(c, req) } };
      if (req.method === 'PUT') {
        const t = body.ticket;
        if (!t || typeof t !== 'object') return err(400, 'InvalidEndpoint', 'ticket is required');
        if (t.safe_update && t.updated_stamp && t.updated_stamp !== c.updatedAt) return err(409, 'UpdateConflict', 'Ticket was updated by someone else');
        if (t.group_id !== undefined && t.group_id !== null && !store.teams.some((g) => g.id === Number(t.group_id))) {
          return { status: 422, body: { error: 'RecordInvalid', description: 'Record validation errors', details: { group: [{ description: 'Group is invalid' }] } } };
        }
        if (t.assignee_id !== undefined && t.assignee_id !== null && store.users.get(Number(t.assignee_id))?.role !== 'agent') {
          return { status: 422, body: { error: 'RecordInvalid', description: 'Record validation errors', details: { assignee: [{ description: 'Assignee is not an agent' }] } } };
        }
        if (t.comment) {
          const text = String(t.comment.body ?? '');
          const html = String(t.comment.html_body ?? '');
          if (!text && !html) return { status: 422, body: { error: 'RecordInvalid', description: 'Record validation errors', details: { comment: [{ description: 'Comment body is empty' }] } } };
          store.addMessage(c.id, 'agent', text || html.replace(/<[^>]+>/g, ''), { internal: t.comment.public === false, html: html || undefined, authorId: AGENT_ID });
        }
        if (t.group_id !== undefined) c.teamId = t.group_id === null ? null : Number(t.group_id);
        if (t.assignee_id !== undefined) c.assigneeId = t.assignee_id === null ? null : Number(t.assignee_id);
        store.touch(c);
        return { status: 200, body: { ticket: ticketJson(c, req), audit: { id: Date.now(), ticket_id: c.id, events: [] } } };
      }
    }
    if ((m = match('/api/v2/tickets/:id/comments', req.path)) && req.method === 'GET') {
      const c = store.get(m.id);
      if (!c) return err(404, 'RecordNotFound', 'Not found');
      const size = Math.min(100, Number(req.query['page[size]'] ?? 100));
      const after = Number(req.query['page[after]'] ?? 0);
      const slice = c.messages.slice(after, after + size);
      const hasMore = after + size < c.messages.length;
      const next = hasMore ? `${origin(req)}/api/v2/tickets/${c.id}/comments.json?page[size]=${size}&page[after]=${after + size}${req.query.include ? `&include=${req.query.include}` : ''}` : null;
      const comments = slice.map((msg) => ({
        id: msg.id,
        type: 'Comment',
        author_id: msg.authorId,
        body: msg.text,
        html_body: msg.html,
        plain_body: msg.text,
        public: !msg.internal,
        created_at: msg.createdAt,
        via: { channel: msg.role === 'bot' ? 'api' : 'web' },
      }));
      const out: Record<string, unknown> = {
        comments,
        meta: { has_more: hasMore, after_cursor: hasMore ? String(after + size) : null, before_cursor: after ? String(after) : null },
        links: { next, prev: null },
      };
      if (String(req.query.include ?? '').includes('users')) out.users = [...new Set(slice.map((x) => x.authorId))].map(userJson);
      return { status: 200, body: out };
    }
    if ((m = match('/api/v2/tickets/:id/tags', req.path))) {
      const c = store.get(m.id);
      if (!c) return err(404, 'RecordNotFound', 'Not found');
      if (req.method === 'GET') return { status: 200, body: { tags: c.tags } };
      const tags = body.tags;
      if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) return { status: 400, body: { error: 'InvalidValue', description: 'tags must be a list of strings' } };
      if (body.safe_update && body.updated_stamp && body.updated_stamp !== c.updatedAt) return err(409, 'UpdateConflict', 'Ticket was updated by someone else');
      if (req.method === 'PUT') {
        store.addTags(c, tags);
        return { status: 200, body: { tags: c.tags } };
      }
      if (req.method === 'POST') {
        c.tags = [...new Set(tags as string[])];
        store.touch(c);
        return { status: 201, body: { tags: c.tags } };
      }
      if (req.method === 'DELETE') {
        store.removeTags(c, tags);
        return { status: 204 };
      }
    }
    if (req.method === 'GET' && (match('/api/v2/groups', req.path) || match('/api/v2/groups/assignable', req.path))) {
      const groups = store.teams.map((g) => ({ id: g.id, name: g.name, deleted: false }));
      return { status: 200, body: { groups, next_page: null, previous_page: null, count: groups.length } };
    }
    if (req.method === 'GET' && match('/api/v2/users', req.path)) {
      const roles = ([] as string[]).concat(req.query['role[]'] ?? req.query.role ?? []);
      const users = [...store.users.values()].map((u) => userJson(u.id)).filter((u) => !roles.length || roles.includes(u.role));
      return { status: 200, body: { users, next_page: null, previous_page: null, count: users.length } };
    }
    if (req.method === 'GET' && match('/api/v2/views', req.path)) {
      const views = store.views.map((v) => ({
        id: v.id,
        title: v.name,
        active: true,
        conditions: v.tag
          ? { all: [{ field: 'current_tags', operator: 'includes', value: v.tag }], any: [] }
          : { all: [{ field: 'assignee_id', operator: 'is', value: '' }, { field: 'hours_since_created', operator: 'greater_than', value: '24' }], any: [] },
      }));
      return { status: 200, body: { views, next_page: null, previous_page: null, count: views.length } };
    }
    return null;
  }

  function page(req: SandboxRequest): SandboxResponse {
    const cookie = `_zendesk_session=${ZENDESK_SANDBOX.session}; Path=/; Secure; SameSite=Lax; HttpOnly`;
    if (!/^\/agent\/tickets\/\d+\/?$/.test(req.path)) {
      return { status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Set-Cookie': cookie }, body: renderOtherPage('Zendesk') };
    }
    const html = renderPage({
      platform: 'zendesk',
      brand: 'Zendesk Agent Workspace — acme',
      accent: '#03363d',
      idPattern: '^/agent/tickets/(\\d+)',
      dataBase: '/__admin/zendesk/page-data/',
      list: [...store.conversations.values()].map((c) => ({ id: String(c.id), href: `/agent/tickets/${c.id}`, subject: `#${c.id} ${c.subject}` })),
      threadContainer: '<div data-test-id="omni-log-container" role="log" aria-label="Conversation" id="thread"></div>',
      threadScript: ZENDESK_THREAD_SCRIPT,
    });
    return { status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Set-Cookie': cookie }, body: html };
  }

  return {
    name: 'zendesk',
    store,
    handles: (host) => /^[a-z0-9-]+\.zendesk\.com$/.test(host),
    handle: (req) => (req.path.startsWith('/api/') ? api(req) : page(req)),
    reset: () => store.reset(),
    state: () => store.snapshot(),
    admin(req) {
      let m: Record<string, string> | null;
      if ((m = match('/__admin/zendesk/page-data/:id', req.path))) {
        const data = store.pageData(m.id);
        return data ? { status: 200, body: data } : { status: 404, body: {} };
      }
      if ((m = match('/__admin/zendesk/conversations/:id/messages', req.path)) && req.method === 'POST') {
        const b = req.body as { role: 'customer' | 'bot' | 'agent'; text: string };
        const msg = store.addMessage(Number(m.id), b.role, b.text);
        return msg ? { status: 201, body: msg } : { status: 404, body: {} };
      }
      return null;
    },
  };
}

/** Agent Workspace conversation log: article items with the sender in omni-log-item-sender. */
const ZENDESK_THREAD_SCRIPT = `
function renderThread(root, data) {
  root.textContent = '';
  data.messages.forEach(function (m) {
    var art = document.createElement('article');
    art.setAttribute('data-test-id', 'omni-log-comment-item');
    art.setAttribute('data-comment-id', String(m.id));
    art.className = 'msg' + (m.internal ? ' internal' : m.fromTeam ? ' team' : '');
    art.setAttribute('data-sender-type', m.fromTeam ? 'agent' : 'end-user');
    var head = document.createElement('div');
    head.setAttribute('data-test-id', 'omni-log-item-header');
    var sender = document.createElement('span');
    sender.setAttribute('data-test-id', 'omni-log-item-sender');
    sender.className = 'sender';
    sender.textContent = m.author;
    head.appendChild(sender);
    if (m.internal) {
      var badge = document.createElement('span');
      badge.setAttribute('data-test-id', 'omni-log-internal-note-tag');
      badge.textContent = ' · Internal note';
      head.appendChild(badge);
    }
    var time = document.createElement('time');
    time.setAttribute('datetime', m.createdAt);
    time.className = 'meta';
    time.textContent = ' ' + new Date(m.createdAt).toLocaleString();
    head.appendChild(time);
    var body = document.createElement('div');
    body.setAttribute('data-test-id', 'omni-log-message-content');
    body.textContent = m.text;
    art.appendChild(head);
    art.appendChild(body);
    root.appendChild(art);
  });
}`;
