import type { SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';
import { AGENT_ID, match, parseBasic, SandboxStore, type SbConversation } from './common';
import { renderOtherPage, renderPage } from './page';

export const GORGIAS_SANDBOX = { account: 'acme', email: 'agent@acme.example', apiKey: 'sandbox-gorgias-key', session: 'sandbox-gorgias-session' };

const err = (status: number, msg: string, data?: unknown): SandboxResponse => ({ status, body: { error: { msg, ...(data ? { data } : {}) } } });

/**
 * Gorgias REST API subset on {account}.gorgias.com/api (tickets, messages, tags, teams, users, views; cursor
 * pagination {data, meta}) and the helpdesk page at /app/ticket/{id} and /app/views/{view}/{id}.
 */
export function createGorgiasSandbox(): SandboxPlatform & { store: SandboxStore; admin(req: SandboxRequest): SandboxResponse | null } {
  const store = new SandboxStore(5001);

  const userJson = (id: number | null) => {
    if (id === null) return null;
    const u = store.users.get(id);
    return u ? { id: u.id, name: u.name, email: u.email, firstname: u.name.split(' ')[0], lastname: u.name.split(' ').slice(1).join(' ') } : null;
  };
  const teamJson = (id: number | null) => {
    const t = store.teams.find((x) => x.id === id);
    return t ? { id: t.id, name: t.name } : null;
  };
  const ticketJson = (c: SbConversation) => ({
    id: c.id,
    subject: c.subject,
    status: 'open',
    channel: 'chat',
    customer: userJson(c.customerId),
    assignee_user: userJson(c.assigneeId),
    assignee_team: teamJson(c.teamId),
    tags: c.tags.map((name, i) => ({ id: tagId(name), name, decoration: null, i })),
    created_datetime: c.createdAt,
    updated_datetime: c.updatedAt,
  });
  const tagIds = new Map<string, number>();
  const tagId = (name: string) => {
    if (!tagIds.has(name)) tagIds.set(name, 700 + tagIds.size);
    return tagIds.get(name)!;
  };

  function page<T>(items: T[], req: SandboxRequest) {
    const limit = Math.min(100, Number(req.query.limit ?? 30));
    const start = Number(req.query.cursor ?? 0);
    const slice = items.slice(start, start + limit);
    const next = start + limit < items.length ? String(start + limit) : null;
    return { data: slice, meta: { prev_cursor: start ? String(Math.max(0, start - limit)) : null, next_cursor: next } };
  }

  function auth(req: SandboxRequest): SandboxResponse | 'ok' {
    const basic = parseBasic(req.headers.authorization);
    if (basic) return basic === `${GORGIAS_SANDBOX.email}:${GORGIAS_SANDBOX.apiKey}` ? 'ok' : err(401, 'Invalid API key or email');
    if (req.cookies.gorgias_session === GORGIAS_SANDBOX.session) return 'ok';
    return err(401, 'Authentication required');
  }

  function api(req: SandboxRequest): SandboxResponse | null {
    const a = auth(req);
    if (a !== 'ok') return a;
    const body = (req.body ?? {}) as Record<string, any>;
    let m: Record<string, string> | null;

    if (req.method === 'GET' && (m = match('/api/users/:id', req.path))) {
      const id = m.id === '0' ? AGENT_ID : Number(m.id);
      const u = userJson(id);
      return u ? { status: 200, body: { ...u, role: { name: 'agent' } } } : err(404, 'User not found');
    }
    if ((m = match('/api/tickets/:id', req.path))) {
      const c = store.get(m.id);
      if (!c) return err(404, 'Ticket not found');
      if (req.method === 'GET') return { status: 200, body: ticketJson(c) };
      if (req.method === 'PUT') {
        if ('assignee_team' in body) {
          const id = body.assignee_team === null ? null : Number(body.assignee_team?.id);
          if (id !== null && !store.teams.some((t) => t.id === id)) return err(400, 'Invalid team', { assignee_team: ['Unknown team'] });
          c.teamId = id;
        }
        if ('assignee_user' in body) {
          const id = body.assignee_user === null ? null : Number(body.assignee_user?.id);
          if (id !== null && store.users.get(id)?.role !== 'agent') return err(400, 'Invalid user', { assignee_user: ['Unknown agent'] });
          c.assigneeId = id;
        }
        store.touch(c);
        return { status: 202, body: ticketJson(c) };
      }
    }
    if ((m = match('/api/tickets/:id/tags', req.path))) {
      const c = store.get(m.id);
      if (!c) return err(404, 'Ticket not found');
      const names: string[] = Array.isArray(body.names) ? body.names : [];
      if (!names.length && !Array.isArray(body.ids)) return err(400, 'names or ids is required', { names: ['Missing data for required field.'] });
      const byIds = (Array.isArray(body.ids) ? body.ids : []).map((id: number) => [...tagIds].find(([, v]) => v === id)?.[0]).filter(Boolean) as string[];
      const all = [...names, ...byIds];
      if (req.method === 'POST') {
        store.addTags(c, all);
        return { status: 201 };
      }
      if (req.method === 'PUT') {
        c.tags = [...new Set(all)];
        store.touch(c);
        return { status: 202 };
      }
      if (req.method === 'DELETE') {
        store.removeTags(c, all);
        return { status: 204 };
      }
    }
    if ((m = match('/api/tickets/:id/messages', req.path)) && req.method === 'POST') {
      const c = store.get(m.id);
      if (!c) return err(404, 'Ticket not found');
      if (!body.channel || body.from_agent === undefined || !body.via) return err(400, 'channel, from_agent and via are required', { channel: ['Missing data for required field.'] });
      if (!body.body_text && !body.body_html) return err(400, 'A message needs a body', { body_text: ['Missing data for required field.'] });
      const msg = store.addMessage(c.id, 'agent', String(body.body_text ?? ''), { internal: body.channel === 'internal-note', html: body.body_html, authorId: Number(body.sender?.id ?? AGENT_ID) });
      return { status: 201, body: messageJson(msg!, c) };
    }
    if (req.method === 'GET' && match('/api/messages', req.path)) {
      const c = store.get(String(req.query.ticket_id ?? ''));
      if (!c) return err(404, 'Ticket not found');
      const desc = String(req.query.order_by ?? '').endsWith(':desc');
      const list = c.messages.map((x) => messageJson(x, c));
      return { status: 200, body: page(desc ? list.reverse() : list, req) };
    }
    if (req.method === 'GET' && match('/api/teams', req.path)) return { status: 200, body: page(store.teams.map((t) => ({ id: t.id, name: t.name })), req) };
    if (req.method === 'GET' && match('/api/users', req.path)) {
      const agents = [...store.users.values()].filter((u) => u.role !== 'customer').map((u) => ({ ...userJson(u.id), role: { name: 'agent' } }));
      return { status: 200, body: page(agents, req) };
    }
    if (req.method === 'GET' && match('/api/views', req.path)) {
      const views = store.views.map((v) => ({
        id: v.id,
        name: v.name,
        type: 'ticket-list',
        filters: v.tag ? `containsAll(ticket.tags.name, ['${v.tag}'])` : "isEmpty(ticket.assignee_user.id) && gte(ticket.created_datetime, '-24h')",
      }));
      return { status: 200, body: page(views, req) };
    }
    return null;
  }

  function messageJson(x: SbConversation['messages'][number], c: SbConversation) {
    const u = store.users.get(x.authorId);
    return {
      id: x.id,
      ticket_id: c.id,
      channel: x.internal ? 'internal-note' : 'chat',
      via: x.role === 'bot' ? 'api' : 'chat',
      from_agent: x.role !== 'customer',
      public: !x.internal,
      sender: u ? { id: u.id, name: u.name, email: u.email } : null,
      body_text: x.text,
      body_html: x.html,
      created_datetime: x.createdAt,
    };
  }

  function agentPage(req: SandboxRequest): SandboxResponse {
    const cookie = `gorgias_session=${GORGIAS_SANDBOX.session}; Path=/; Secure; SameSite=Lax; HttpOnly`;
    if (!/^\/app\/(ticket\/\d+|views\/\d+\/\d+)\/?$/.test(req.path)) {
      return { status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Set-Cookie': cookie }, body: renderOtherPage('Gorgias') };
    }
    const html = renderPage({
      platform: 'gorgias',
      brand: 'Gorgias — acme',
      accent: '#161616',
      idPattern: '^/app/(?:ticket|views/\\d+)/(\\d+)',
      dataBase: '/__admin/gorgias/page-data/',
      list: [...store.conversations.values()].map((c) => ({ id: String(c.id), href: `/app/views/21/${c.id}`, subject: c.subject })),
      threadContainer: '<div aria-label="Ticket thread" role="log" class="ticket-thread" id="thread"></div>',
      threadScript: GORGIAS_THREAD_SCRIPT,
    });
    return { status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Set-Cookie': cookie }, body: html };
  }

  return {
    name: 'gorgias',
    store,
    handles: (host) => /^[a-z0-9-]+\.gorgias\.com$/.test(host),
    handle: (req) => (req.path.startsWith('/api/') ? api(req) : agentPage(req)),
    reset: () => store.reset(),
    state: () => store.snapshot(),
    admin(req) {
      let m: Record<string, string> | null;
      if ((m = match('/__admin/gorgias/page-data/:id', req.path))) {
        const data = store.pageData(m.id);
        return data ? { status: 200, body: data } : { status: 404, body: {} };
      }
      if ((m = match('/__admin/gorgias/conversations/:id/messages', req.path)) && req.method === 'POST') {
        const b = req.body as { role: 'customer' | 'bot' | 'agent'; text: string };
        const msg = store.addMessage(Number(m.id), b.role, b.text);
        return msg ? { status: 201, body: msg } : { status: 404, body: {} };
      }
      return null;
    },
  };
}

const GORGIAS_THREAD_SCRIPT = `
function renderThread(root, data) {
  root.textContent = '';
  data.messages.forEach(function (m) {
    var el = document.createElement('div');
    el.className = 'msg ticket-message' + (m.internal ? ' internal internal-note' : m.fromTeam ? ' team' : '');
    el.setAttribute('data-message-id', String(m.id));
    el.setAttribute('data-from-agent', m.fromTeam ? 'true' : 'false');
    el.setAttribute('data-channel', m.internal ? 'internal-note' : 'chat');
    var who = document.createElement('span');
    who.className = 'sender message-sender';
    who.textContent = m.author + (m.internal ? ' (internal note)' : '');
    var body = document.createElement('div');
    body.className = 'message-body';
    body.textContent = m.text;
    el.appendChild(who);
    el.appendChild(body);
    root.appendChild(el);
  });
}`;
