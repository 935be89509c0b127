import type { SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';
import { AGENT_ID, match, SandboxStore, type SbConversation, type SbMessage } from './common';
import { renderOtherPage, renderPage } from './page';

export const FRONT_SANDBOX = { token: 'sandbox-front-token', api: 'https://api2.frontapp.com' };

/** Front's ids are a prefix plus base-36 of the numeric id shown in app URLs. */
export const cnv = (n: number) => `cnv_${n.toString(36)}`;
const tea = (n: number) => `tea_${n.toString(36)}`;
const inb = (n: number) => `inb_${n.toString(36)}`;
const num = (id: string) => parseInt(id.replace(/^[a-z]+_/, ''), 36);
/** A conversation merged into the first seeded one: its id answers 301. */
export const MERGED_ID = 999;

const err = (status: number, message: string): SandboxResponse => ({ status, body: { _error: { status, title: status === 401 ? 'Unauthorized' : 'Error', message } } });

export function createFrontSandbox(): SandboxPlatform & { store: SandboxStore; admin(req: SandboxRequest): SandboxResponse | null } {
  const store = new SandboxStore(1001);
  let tags: { id: string; name: string }[] = [];
  const resetTags = () => {
    tags = [];
    for (const c of store.conversations.values()) for (const t of c.tags) tagByName(t, true);
    for (const v of store.views) if (v.tag) tagByName(v.tag, true);
    // A team lead sets these up once when adopting Baton.
    for (const t of ['sys_escalation', 'sys_bot_paused', 'sys_human_help', 'sys_human_follow_up']) tagByName(t, true);
  };
  function tagByName(name: string, create = false) {
    let t = tags.find((x) => x.name === name);
    if (!t && create) {
      t = { id: `tag_${(1000 + tags.length).toString(36)}`, name };
      tags.push(t);
    }
    return t;
  }
  resetTags();
  const API = FRONT_SANDBOX.api;

  const tagJson = (t: { id: string; name: string }) => ({
    _links: { self: `${API}/tags/${t.id}` },
    id: t.id,
    name: t.name,
    description: null,
    highlight: null,
    is_private: false,
    is_visible_in_conversation_lists: true,
  });
  const teammateJson = (id: number | null) => {
    if (id === null) return null;
    const u = store.users.get(id);
    if (!u || u.role === 'customer') return null;
    const [first, ...rest] = u.name.split(' ');
    return {
      _links: { self: `${API}/teammates/${tea(u.id)}` },
      id: tea(u.id),
      email: u.email,
      username: u.email.split('@')[0],
      first_name: first,
      last_name: rest.join(' '),
      license_type: 'regular',
      is_admin: false,
      is_available: true,
      is_blocked: false,
      type: 'user',
      custom_fields: {},
    };
  };
  const inboxJson = (id: number) => {
    const t = store.teams.find((x) => x.id === id)!;
    return { _links: { self: `${API}/inboxes/${inb(t.id)}` }, id: inb(t.id), name: t.name, is_private: false, is_public: true, custom_fields: {} };
  };
  const convJson = (c: SbConversation) => ({
    _links: { self: `${API}/conversations/${cnv(c.id)}` },
    id: cnv(c.id),
    subject: c.subject,
    status: c.assigneeId ? 'assigned' : 'unassigned',
    assignee: teammateJson(c.assigneeId),
    recipient: { handle: store.users.get(c.customerId)!.email, role: 'from' },
    tags: c.tags.map((n) => tagJson(tagByName(n, true)!)),
    links: [],
    custom_fields: {},
    created_at: Date.parse(c.createdAt) / 1000,
    is_private: false,
  });
  const messageJson = (m: SbMessage, c: SbConversation) => {
    const u = store.users.get(m.authorId)!;
    return {
      _links: { self: `${API}/messages/msg_${m.id.toString(36)}` },
      id: `msg_${m.id.toString(36)}`,
      type: 'front_chat',
      is_inbound: m.role === 'customer',
      created_at: Date.parse(m.createdAt) / 1000,
      blurb: m.text.slice(0, 80),
      body: m.html,
      text: m.text,
      author: m.role === 'customer' ? null : teammateJson(m.authorId),
      recipients: [{ handle: m.role === 'customer' ? u.email : store.users.get(c.customerId)!.email, role: m.role === 'customer' ? 'from' : 'to', name: m.role === 'customer' ? u.name : undefined }],
      attachments: [],
      metadata: {},
    };
  };
  const commentJson = (m: SbMessage) => ({
    _links: { self: `${API}/comments/com_${m.id.toString(36)}` },
    id: `com_${m.id.toString(36)}`,
    author: teammateJson(m.authorId),
    body: m.text,
    posted_at: Date.parse(m.createdAt) / 1000,
    attachments: [],
    is_pinned: false,
  });

  function paged<T>(items: T[], req: SandboxRequest, path: string) {
    const limit = Math.min(100, Number(req.query.limit ?? 50));
    const start = Number(req.query.page_token ?? 0);
    const next = start + limit < items.length ? `${API}${path}?limit=${limit}&page_token=${start + limit}` : null;
    return { _pagination: { next }, _links: { self: `${API}${path}` }, _results: items.slice(start, start + limit) };
  }

  const getConv = (id: string) => (id.startsWith('cnv_') ? store.get(num(id)) : undefined);

  function api(req: SandboxRequest): SandboxResponse | null {
    if (req.headers.authorization !== `Bearer ${FRONT_SANDBOX.token}`) return err(401, 'Invalid or missing API token');
    const body = (req.body ?? {}) as Record<string, any>;
    let m: Record<string, string> | null;
    if (req.method === 'GET' && match('/me', req.path)) return { status: 200, body: { _links: { self: `${API}/me` }, name: 'Acme Support (API token)', id: 'cmp_acme' } };
    if ((m = match('/conversations/:id', req.path))) {
      if (m.id === cnv(MERGED_ID)) return { status: 301, headers: { Location: `${API}/conversations/${cnv(1001)}` }, body: null };
      const c = getConv(m.id);
      if (!c) return err(404, 'Conversation not found');
      if (req.method === 'GET') return { status: 200, body: convJson(c) };
      if (req.method === 'PATCH') {
        if (body.inbox_id !== undefined) {
          const t = store.teams.find((x) => inb(x.id) === body.inbox_id);
          if (!t) return err(400, 'Unknown inbox');
          c.inboxId = t.id;
        }
        if (body.assignee_id !== undefined) {
          if (body.assignee_id === null) c.assigneeId = null;
          else {
            const u = [...store.users.values()].find((x) => tea(x.id) === body.assignee_id && x.role !== 'customer');
            if (!u) return err(400, 'Unknown teammate');
            c.assigneeId = u.id;
          }
        }
        store.touch(c);
        return { status: 204 };
      }
    }
    if ((m = match('/conversations/:id/assignee', req.path)) && req.method === 'PUT') {
      const c = getConv(m.id);
      if (!c) return err(404, 'Conversation not found');
      const u = [...store.users.values()].find((x) => tea(x.id) === body.assignee_id);
      if (body.assignee_id !== null && !u) return err(400, 'Unknown teammate');
      c.assigneeId = u ? u.id : null;
      store.touch(c);
      return { status: 204 };
    }
    if ((m = match('/conversations/:id/messages', req.path)) && req.method === 'GET') {
      const c = getConv(m.id);
      if (!c) return err(404, 'Conversation not found');
      // Front lists messages newest first.
      const list = c.messages.filter((x) => !x.internal).map((x) => messageJson(x, c)).reverse();
      return { status: 200, body: paged(list, req, req.path) };
    }
    if ((m = match('/conversations/:id/comments', req.path))) {
      const c = getConv(m.id);
      if (!c) return err(404, 'Conversation not found');
      if (req.method === 'GET') return { status: 200, body: paged(c.messages.filter((x) => x.internal).map(commentJson), req, req.path) };
      if (req.method === 'POST') {
        if (typeof body.body !== 'string' || !body.body.trim()) return err(400, 'body is required');
        const msg = store.addMessage(c.id, 'agent', body.body, { internal: true, authorId: AGENT_ID });
        return { status: 201, body: commentJson(msg!) };
      }
    }
    if ((m = match('/conversations/:id/inboxes', req.path)) && req.method === 'GET') {
      const c = getConv(m.id);
      if (!c) return err(404, 'Conversation not found');
      return { status: 200, body: { _links: { self: `${API}${req.path}` }, _results: c.inboxId ? [inboxJson(c.inboxId)] : [] } };
    }
    if ((m = match('/conversations/:id/tags', req.path)) && (req.method === 'POST' || req.method === 'DELETE')) {
      const c = getConv(m.id);
      if (!c) return err(404, 'Conversation not found');
      if (!Array.isArray(body.tag_ids)) return err(400, 'tag_ids is required');
      const names = (body.tag_ids as string[]).map((id) => tags.find((t) => t.id === id)?.name);
      if (names.some((n) => !n)) return err(404, 'Tag not found');
      if (req.method === 'POST') store.addTags(c, names as string[]);
      else store.removeTags(c, names as string[]);
      return { status: 204 };
    }
    if (match('/tags', req.path)) {
      if (req.method === 'GET') return { status: 200, body: paged(tags.map(tagJson), req, '/tags') };
      if (req.method === 'POST') {
        if (typeof body.name !== 'string' || !body.name) return err(400, 'name is required');
        if (tagByName(body.name)) return err(409, 'A tag with this name already exists');
        return { status: 201, body: tagJson(tagByName(body.name, true)!) };
      }
    }
    if (req.method === 'GET' && match('/inboxes', req.path)) return { status: 200, body: paged(store.teams.map((t) => inboxJson(t.id)), req, '/inboxes') };
    if (req.method === 'GET' && match('/teammates', req.path)) {
      const list = [...store.users.values()].filter((u) => u.role !== 'customer').map((u) => teammateJson(u.id));
      return { status: 200, body: paged(list, req, '/teammates') };
    }
    if (req.method === 'GET' && match('/views', req.path)) {
      const views = store.views.map((v) => ({
        _links: { self: `${API}/views/lns_${v.id}` },
        id: `lns_${v.id}`,
        name: v.name,
        highlight: null,
        inbox_ids: v.tag ? [] : [inb(13)],
        tag_ids: v.tag ? [tagByName(v.tag, true)!.id] : [],
        not_tag_ids: [],
        no_tags: false,
        assignee_ids: [],
        not_assignee_ids: [],
      }));
      return { status: 200, body: paged(views, req, '/views') };
    }
    return null;
  }

  function agentPage(req: SandboxRequest): SandboxResponse {
    if (!/^\/(open\/cnv_[a-z0-9]+|inboxes\/(?:[^/]+\/)*\d+)\/?$/.test(req.path)) {
      return { status: 200, contentType: 'text/html; charset=utf-8', body: renderOtherPage('Front') };
    }
    const html = renderPage({
      platform: 'front',
      brand: 'Front — Acme Support',
      accent: '#a2301f',
      idPattern: '^/(?:open/|inboxes/(?:[^/]+/)*)(cnv_[a-z0-9]+|\\d+)/?$',
      dataBase: '/__admin/front/page-data/',
      list: [...store.conversations.values()].map((c) => ({ id: cnv(c.id), href: `/open/${cnv(c.id)}`, subject: c.subject })),
      threadContainer: '<div class="conversation-pane" role="main" aria-label="Conversation" id="thread"></div>',
      threadScript: FRONT_THREAD_SCRIPT,
    });
    return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
  }

  return {
    name: 'front',
    store,
    handles: (host) => host === 'app.frontapp.com' || host === 'api2.frontapp.com' || /\.api\.frontapp\.com$/.test(host),
    handle: (req) => (req.host === 'app.frontapp.com' ? agentPage(req) : api(req)),
    reset() {
      store.reset();
      resetTags();
    },
    state: () => ({ ...store.snapshot(), tags }),
    admin(req) {
      let m: Record<string, string> | null;
      const idOf = (s: string) => (s.startsWith('cnv_') ? num(s) : Number(s));
      if ((m = match('/__admin/front/page-data/:id', req.path))) {
        const data = store.pageData(idOf(m.id));
        return data ? { status: 200, body: data } : { status: 404, body: {} };
      }
      if ((m = match('/__admin/front/conversations/:id/messages', req.path)) && req.method === 'POST') {
        const b = req.body as { role: 'customer' | 'bot' | 'agent'; text: string };
        const msg = store.addMessage(idOf(m.id), b.role, b.text);
        return msg ? { status: 201, body: msg } : { status: 404, body: {} };
      }
      return null;
    },
  };
}

const FRONT_THREAD_SCRIPT = `
function renderThread(root, data) {
  root.textContent = '';
  data.messages.forEach(function (m) {
    var el = document.createElement('div');
    el.setAttribute('data-testid', m.internal ? 'comment' : 'message');
    el.className = 'msg ' + (m.internal ? 'comment' : m.fromTeam ? 'message message--outbound team' : 'message message--inbound');
    el.setAttribute('data-message-id', String(m.id));
    var who = document.createElement('div');
    who.className = 'sender message-author';
    who.textContent = m.author;
    var body = document.createElement('div');
    body.className = 'message-body';
    body.textContent = m.text;
    el.appendChild(who);
    el.appendChild(body);
    root.appendChild(el);
  });
}`;
