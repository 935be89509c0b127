import { afterEach, describe, expect, it } from 'vitest';
import {
  createGorgiasSandbox,
  GORGIAS_SANDBOX,
  gorgiasBasicAuth,
  gorgiasPageUrl,
  gorgiasTicketId,
  type GorgiasSandbox,
} from '@/test/sandbox/platforms/gorgias';
import { SCENARIOS } from '@/test/sandbox/scenarios';
import type { SandboxRequest, SandboxResponse } from '@/test/sandbox/types';
import { checkRequest, checkResponse, errorEnvelope } from '@/test/contracts/gorgias';

/** Requests in the contract are answered as the contract says; the rest are answered as Gorgias would. */
let checked: { req: SandboxRequest; res: SandboxResponse }[] = [];
afterEach(() => {
  // Errors always carry the envelope; successes are checked for the requests the contract has.
  const problems = checked.flatMap(({ req, res }) =>
    res.status >= 400 || !checkRequest(req).length ? checkResponse(req, { status: res.status, body: res.body ?? null }) : [],
  );
  expect(problems).toEqual([]);
  checked = [];
});

type Call = {
  method?: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  auth?: string | null;
  cookies?: Record<string, string>;
  host?: string;
};

function client(sb: GorgiasSandbox = createGorgiasSandbox()) {
  const call = async ({
    method = 'GET',
    path,
    query = {},
    body = null,
    auth = gorgiasBasicAuth(),
    cookies = {},
    host = 'acme.gorgias.com',
  }: Call) => {
    const headers: Record<string, string> = {};
    if (auth) headers.authorization = auth;
    if (body !== null) headers['content-type'] = 'application/json';
    const req: SandboxRequest = { method, host, path, query, headers, body, cookies };
    const res = (await sb.handle(req))!;
    if (res && path.startsWith('/api/')) checked.push({ req, res });
    return res;
  };
  return { sb, call };
}

const T = gorgiasTicketId('human_request');

describe('auth', () => {
  it('answers 401 with the {"error": {"msg"}} envelope without credentials or with a wrong key', async () => {
    const { call } = client();
    for (const auth of [null, `Basic ${Buffer.from('agent@acme.example:nope').toString('base64')}`, 'Bearer some-oauth-token']) {
      const res = await call({ path: `/api/tickets/${T}`, auth });
      expect(res.status).toBe(401);
      expect(errorEnvelope.safeParse(res.body).success).toBe(true);
    }
  });

  it('accepts the API key (Basic email:key) and the agent session cookie the app page sets', async () => {
    const { call } = client();
    expect((await call({ path: '/api/users/0' })).body).toMatchObject({ id: GORGIAS_SANDBOX.users.dana.id, email: 'agent@acme.example' });
    const page = await call({ path: `/app/ticket/${T}`, auth: null });
    const cookie = page.headers!['Set-Cookie'];
    expect(cookie).toMatch(/^gorgias_session=sandbox-gorgias-session; /);
    for (const attr of ['Path=/', 'Secure', 'SameSite=Lax', 'HttpOnly']) expect(cookie).toContain(attr);
    const [name, value] = cookie.split(';')[0].split('=');
    expect((await call({ path: '/api/users/0', auth: null, cookies: { [name]: value } })).status).toBe(200);
    expect((await call({ path: '/api/users/0', auth: null, cookies: { [name]: 'stale' } })).status).toBe(401);
  });
});

describe('session writes', () => {
  it('can refuse writes made with the session cookie (400 or 403) while reads and API-key writes go through', async () => {
    const sb = createGorgiasSandbox();
    const { call } = client(sb);
    const session = { [GORGIAS_SANDBOX.sessionCookie]: GORGIAS_SANDBOX.session };
    const write = (auth: string | null) =>
      call({
        method: 'PUT',
        path: `/api/tickets/${T}`,
        body: { tags: [{ name: 'sys_escalation' }], assignee_team: { id: 11 } },
        auth,
        cookies: auth ? {} : session,
      });
    expect((await write(null)).status).toBe(202); // accepted by default, so the demo works in session mode
    const set = sb.admin({
      method: 'POST',
      host: 'acme.gorgias.com',
      path: '/__admin/gorgias/session-writes',
      query: {},
      headers: {},
      body: { refuse: 403 },
      cookies: {},
    });
    expect(set).toEqual({ status: 200, body: { refuse: 403 } });
    const refused = await write(null);
    expect(refused.status).toBe(403);
    expect(errorEnvelope.safeParse(refused.body).success).toBe(true);
    expect((await call({ path: `/api/tickets/${T}`, auth: null, cookies: session })).status).toBe(200);
    expect((await write(gorgiasBasicAuth())).status).toBe(202);
    sb.refuseSessionWrites(400);
    expect((await write(null)).status).toBe(400);
    sb.reset();
    expect((await write(null)).status).toBe(202);
    expect(
      sb.admin({
        method: 'POST',
        host: 'acme.gorgias.com',
        path: '/__admin/gorgias/session-writes',
        query: {},
        headers: {},
        body: { refuse: 500 },
        cookies: {},
      })!.status,
    ).toBe(400);
  });

  it('takes tags (the whole list) and the assignee in one ticket update', async () => {
    const { sb, call } = client();
    const res = await call({
      method: 'PUT',
      path: `/api/tickets/${T}`,
      body: { tags: [{ name: 'returns' }, { name: 'sys_bot_paused' }], assignee_user: { id: GORGIAS_SANDBOX.users.omar.id } },
    });
    expect(res.status).toBe(202);
    const t = sb.state().conversations.find((c) => c.id === T)!;
    expect(t.tags).toEqual(['returns', 'sys_bot_paused']);
    expect(t.assigneeId).toBe(GORGIAS_SANDBOX.users.omar.id);
  });
});

describe('API', () => {
  it('serves every seeded ticket, 404 for unknown ones', async () => {
    const { call } = client();
    for (const s of SCENARIOS) {
      const res = await call({ path: `/api/tickets/${gorgiasTicketId(s.key)}` });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ subject: s.subject, tags: s.tags.map((name) => ({ name })) });
    }
    const missing = await call({ path: '/api/tickets/4999' });
    expect(missing).toMatchObject({ status: 404, body: { error: { msg: 'Ticket not found.' } } });
    expect((await call({ path: '/api/users/4242' })).status).toBe(404);
    // Unknown routes are left to the sandbox core (its 404); known paths refuse other methods.
    expect(await call({ path: '/api/customers' })).toBeNull();
    expect((await call({ method: 'DELETE', path: `/api/tickets/${T}` })).status).toBe(405);
    // The API's own links end with a slash.
    expect((await call({ path: `/api/tickets/${T}/` })).status).toBe(200);
  });

  it('pages messages with limit and cursor, both directions, newest first by default', async () => {
    const { call } = client();
    const id = String(gorgiasTicketId('let_me_check'));
    const first = (await call({ path: '/api/messages', query: { ticket_id: id, limit: '3', order_by: 'created_datetime:asc' } }))
      .body as any;
    expect(first.data).toHaveLength(3);
    expect(first.meta.prev_cursor).toBeNull();
    const second = (
      await call({
        path: '/api/messages',
        query: { ticket_id: id, limit: '3', order_by: 'created_datetime:asc', cursor: first.meta.next_cursor },
      })
    ).body as any;
    expect(second.data.map((m: any) => m.body_text)).toEqual(['Perfect, thank you.']);
    expect(second.meta.next_cursor).toBeNull();
    const back = (
      await call({
        path: '/api/messages',
        query: { ticket_id: id, limit: '3', order_by: 'created_datetime:asc', cursor: second.meta.prev_cursor },
      })
    ).body as any;
    expect(back.data).toEqual(first.data);
    const newest = (await call({ path: '/api/messages', query: { ticket_id: id } })).body as any;
    expect(newest.data[0].body_text).toBe('Perfect, thank you.');
    for (const query of [
      { limit: '0' },
      { limit: '101' },
      { limit: 'ten' },
      { cursor: 'not-a-cursor' },
      { order_by: 'id:asc' },
      { ticket_id: 'x' },
    ] as Record<string, string>[]) {
      const res = await call({ path: '/api/messages', query: { ticket_id: id, ...query } });
      expect(res.status).toBe(400);
      expect(Object.keys((res.body as any).error.data)).toEqual([Object.keys(query)[0]]);
    }
  });

  it('spans several pages when the client asks for small ones (the longest seeded ticket has 4 messages)', async () => {
    const longest = Math.max(...SCENARIOS.map((s) => s.messages.length));
    expect(longest).toBeGreaterThan(2);
    const { call } = client(createGorgiasSandbox({ maxPageSize: 2 }));
    const key = SCENARIOS.find((s) => s.messages.length === longest)!.key;
    const res = (await call({ path: '/api/messages', query: { ticket_id: String(gorgiasTicketId(key)), limit: '100' } })).body as any;
    expect(res.data).toHaveLength(2);
    expect(res.meta.next_cursor).toEqual(expect.any(String));
  });

  it('adds, sets and removes tags by name or id, bumping updated_datetime; 201/202/204 without a body', async () => {
    const { sb, call } = client();
    const stamp = () => sb.state().conversations.find((c) => c.id === T)!.updatedAt;
    const tags = () => sb.state().conversations.find((c) => c.id === T)!.tags;
    const s0 = stamp();
    const added = await call({ method: 'POST', path: `/api/tickets/${T}/tags`, body: { names: ['sys_escalation', 'returns'] } });
    expect(added).toEqual({ status: 201 });
    expect(tags()).toEqual(['returns', 'bot_managed', 'sys_escalation']);
    expect(stamp() > s0).toBe(true);
    const vip = sb.raw.tagByName('vip')!.id;
    expect((await call({ method: 'POST', path: `/api/tickets/${T}/tags`, body: { ids: [vip] } })).status).toBe(201);
    expect(await call({ method: 'DELETE', path: `/api/tickets/${T}/tags`, body: { names: ['bot_managed', 'never_there'] } })).toEqual({
      status: 204,
    });
    expect(tags()).toEqual(['returns', 'sys_escalation', 'vip']);
    expect(await call({ method: 'PUT', path: `/api/tickets/${T}/tags`, body: { names: ['billing'] } })).toEqual({ status: 202 });
    expect(tags()).toEqual(['billing']);
    expect(((await call({ path: `/api/tickets/${T}/tags` })).body as any[]).map((t) => t.name)).toEqual(['billing']);
  });

  it('refuses invalid bodies with 400 naming the field', async () => {
    const { call } = client();
    const cases: [Call, string][] = [
      [{ method: 'POST', path: `/api/tickets/${T}/tags`, body: {} }, 'names'],
      [{ method: 'POST', path: `/api/tickets/${T}/tags`, body: { names: [''] } }, 'names'],
      [{ method: 'POST', path: `/api/tickets/${T}/tags`, body: { ids: [999999] } }, 'ids'],
      [{ method: 'POST', path: `/api/tickets/${T}/tags`, body: { tags: ['x'] } }, 'tags'],
      [{ method: 'POST', path: `/api/tickets/${T}/messages`, body: { via: 'api', from_agent: true, body_text: 'x' } }, 'channel'],
      [
        { method: 'POST', path: `/api/tickets/${T}/messages`, body: { channel: 'pigeon', via: 'api', from_agent: true, body_text: 'x' } },
        'channel',
      ],
      [
        { method: 'POST', path: `/api/tickets/${T}/messages`, body: { channel: 'internal-note', via: 'api', from_agent: true } },
        'body_text',
      ],
      [
        {
          method: 'POST',
          path: `/api/tickets/${T}/messages`,
          body: { channel: 'internal-note', via: 'api', from_agent: true, body_text: 'x', sender: { id: GORGIAS_SANDBOX.users.priya.id } },
        },
        'sender',
      ],
      [{ method: 'PUT', path: `/api/tickets/${T}`, body: { assignee_team: { id: 99 } } }, 'assignee_team'],
      [{ method: 'PUT', path: `/api/tickets/${T}`, body: { assignee_user: { id: 'dana' } } }, 'assignee_user'],
      [{ method: 'PUT', path: `/api/tickets/${T}`, body: { group_id: 1 } }, 'group_id'],
    ];
    for (const [req, field] of cases) {
      const res = await call(req);
      expect(res.status, JSON.stringify(req.body)).toBe(400);
      expect(Object.keys((res.body as any).error.data)).toContain(field);
    }
    expect((await call({ method: 'PUT', path: `/api/tickets/${T}`, body: null })).status).toBe(400);
  });

  it('stores internal notes and assignments, and answers 202 with the updated ticket', async () => {
    const { sb, call } = client();
    const note = await call({
      method: 'POST',
      path: `/api/tickets/${T}/messages`,
      body: {
        channel: 'internal-note',
        via: 'api',
        from_agent: true,
        sender: { id: GORGIAS_SANDBOX.users.sam.id },
        body_text: 'Escalated.',
        body_html: '<p>Escalated.</p>',
      },
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      channel: 'internal-note',
      public: false,
      from_agent: true,
      sender: { id: GORGIAS_SANDBOX.users.sam.id, name: 'Sam Lead' },
      receiver: null,
    });
    const put = await call({
      method: 'PUT',
      path: `/api/tickets/${T}`,
      body: { assignee_team: { id: 12 }, assignee_user: { id: GORGIAS_SANDBOX.users.omar.id } },
    });
    expect(put.status).toBe(202);
    expect(put.body).toMatchObject({
      assignee_team: { id: 12, name: 'Billing team' },
      assignee_user: { id: GORGIAS_SANDBOX.users.omar.id },
    });
    const c = sb.state().conversations.find((x) => x.id === T)!;
    expect(c).toMatchObject({
      teamId: 12,
      team: 'Billing team',
      assigneeId: GORGIAS_SANDBOX.users.omar.id,
      assignee: 'Omar Ruiz',
      messageCount: 4,
    });
    expect(c.notes).toEqual([
      { id: expect.any(Number), text: 'Escalated.', html: '<p>Escalated.</p>', senderId: GORGIAS_SANDBOX.users.sam.id },
    ]);
    expect(
      (await call({ method: 'PUT', path: `/api/tickets/${T}`, body: { assignee_team: null, assignee_user: { id: null } } })).status,
    ).toBe(202);
    expect(sb.state().conversations.find((x) => x.id === T)).toMatchObject({ teamId: null, assigneeId: null });
    expect(sb.state().counters).toMatchObject({
      requests: 3,
      messagesCreated: 1,
      byRoute: { 'POST /api/tickets/:id/messages': 1, 'PUT /api/tickets/:id': 2 },
    });
    sb.reset();
    expect(sb.state().counters.requests).toBe(0);
    expect(sb.state().conversations.find((x) => x.id === T)!.notes).toEqual([]);
  });

  it('lists users alphabetically with roles, teams with members, views with their filters', async () => {
    const { call } = client();
    const users = (await call({ path: '/api/users' })).body as any;
    expect(users.data.map((u: any) => [u.name, u.active, u.role.name])).toEqual([
      ['Aissist Bot', true, 'agent'],
      ['Dana Agent', true, 'agent'],
      ['Omar Ruiz', true, 'agent'],
      ['Priya Shah', false, 'agent'],
      ['Sam Lead', true, 'admin'],
      ['Sophie', true, 'bot'],
    ]);
    const teams = (await call({ path: '/api/teams' })).body as any;
    expect(teams.data.find((t: any) => t.id === 11).members.map((m: any) => m.name)).toEqual(['Dana Agent', 'Omar Ruiz']);
    const views = (await call({ path: '/api/views' })).body as any;
    expect(views.data.map((v: any) => [v.id, v.filters])).toEqual(Object.values(GORGIAS_SANDBOX.views).map((v) => [v.id, v.filters]));
  });
});

describe('agent page and admin routes', () => {
  it('serves the app at both real URL shapes, and no thread on other pages', async () => {
    const { call } = client();
    for (const url of [gorgiasPageUrl('human_request'), gorgiasPageUrl('human_request', 21)]) {
      const res = await call({ path: new URL(url).pathname, auth: null });
      expect(res.status).toBe(200);
      expect(res.contentType).toMatch(/^text\/html/);
      expect(res.body).toContain('aria-label="Ticket thread"');
      expect(res.body).toContain('Return for damaged blender');
    }
    for (const path of ['/app', '/app/settings', '/app/views/21', '/login']) {
      const res = await call({ path, auth: null });
      expect(res.status).toBe(200);
      expect(res.body).not.toContain('Ticket thread');
    }
    const missing = await call({ path: '/app/ticket/4999', auth: null });
    expect(missing.body).toContain('Ticket not found');
  });

  it('never puts customer text in the page as markup', async () => {
    const { call } = client();
    const res = await call({ path: `/app/ticket/${gorgiasTicketId('injection')}`, auth: null });
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain('\\u003cimg src=x onerror=');
  });

  it('page data and appended messages through the admin routes (not the API)', async () => {
    const { sb } = client();
    const admin = (method: string, path: string, body: unknown = null) =>
      sb.admin({ method, host: 'acme.gorgias.com', path, query: {}, headers: {}, body, cookies: {} });
    const id = gorgiasTicketId('tracking_resolved');
    const before = admin('GET', `/__admin/gorgias/page-data/${id}`)!;
    expect(before.status).toBe(200);
    expect((before.body as any).messages.map((m: any) => m.variant)).toEqual(['regular', 'ai-agent', 'regular']);
    const added = admin('POST', `/__admin/gorgias/conversations/${id}/messages`, {
      role: 'customer',
      text: 'Actually it never arrived, I need a human.',
    })!;
    expect(added.status).toBe(201);
    const after = admin('GET', `/__admin/gorgias/page-data/${id}`)!.body as any;
    expect(after.messages.at(-1)).toMatchObject({
      variant: 'regular',
      sender: 'Noah Weber',
      text: 'Actually it never arrived, I need a human.',
    });
    expect(admin('GET', '/__admin/gorgias/page-data/4999')!.status).toBe(404);
    expect(admin('POST', `/__admin/gorgias/conversations/${id}/messages`, { role: 'robot', text: 'x' })!.status).toBe(400);
    expect(admin('GET', '/__admin/gorgias/nothing')).toBeNull();
    expect(sb.state().counters.requests).toBe(0);
  });

  it('serves every account subdomain of gorgias.com and nothing else', () => {
    const sb = createGorgiasSandbox();
    expect(['acme.gorgias.com', 'shop-42.gorgias.com'].every((h) => sb.handles(h))).toBe(true);
    expect(['gorgias.com', 'acme.gorgias.io', 'acme.zendesk.com', 'a.b.gorgias.com', '-x.gorgias.com'].some((h) => sb.handles(h))).toBe(
      false,
    );
  });
});
