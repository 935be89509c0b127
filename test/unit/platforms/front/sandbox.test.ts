import { describe, expect, it } from 'vitest';
import { loadSpec, validateRequest, validateResponse } from '@/test/contracts/openapi';
import { createFrontSandbox, frontConversation, frontPageUrls, FRONT_SANDBOX } from '@/test/sandbox/platforms/front';
import type { SandboxRequest, SandboxResponse } from '@/test/sandbox/types';
import { SCENARIOS } from '@/test/sandbox/scenarios';

const AUTH = { authorization: `Bearer ${FRONT_SANDBOX.token}` };

function request(method: string, target: string, body: unknown = null, headers: Record<string, string> = AUTH): SandboxRequest {
  const url = new URL(target, FRONT_SANDBOX.api);
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  return { method, host: url.host, path: url.pathname, query, headers, body, cookies: {} };
}

async function call(
  sb: ReturnType<typeof createFrontSandbox>,
  method: string,
  target: string,
  body: unknown = null,
  headers?: Record<string, string>,
) {
  return (await sb.handle(request(method, target, body, headers))) as SandboxResponse;
}

/** The answer against the spec's schema for the operation the request matches. */
function expectValid(req: SandboxRequest, res: SandboxResponse) {
  const spec = loadSpec('front');
  const { operationId, errors } = validateRequest(spec, {
    method: req.method,
    path: req.path,
    query: req.query,
    body: req.body ?? undefined,
  });
  expect(errors).toEqual([]);
  const problems = validateResponse(spec, operationId!, res.status, res.body ?? undefined).filter(
    // The spec's assignee is `nullable` next to a $ref, which the shared validator drops; Front sends null.
    (e) => !(e === 'response.assignee must be object' && (res.body as { assignee?: unknown }).assignee === null),
  );
  expect(problems).toEqual([]);
}

const human = frontConversation('human_request').id;

describe('sandbox Front API', () => {
  it("answers 401 with Front's error envelope without a valid Bearer token", async () => {
    const sb = createFrontSandbox();
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: FRONT_SANDBOX.token }] as Record<string, string>[]) {
      const res = await call(sb, 'GET', `/conversations/${human}`, null, headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ _error: { status: 401, title: 'Unauthorized', message: expect.any(String) } });
    }
  });

  it('serves every read Baton makes in the shapes of the spec, with rate-limit headers', async () => {
    const sb = createFrontSandbox();
    for (const path of [
      '/me',
      `/conversations/${human}`,
      `/conversations/${human}/messages?limit=100`,
      `/conversations/${frontConversation('agent_handling').id}/comments`,
      `/conversations/${human}/inboxes`,
      '/tags?limit=100',
      '/inboxes',
      '/teammates',
      '/views?limit=100',
      `/views/${FRONT_SANDBOX.views.vip}`,
    ]) {
      const req = request('GET', path);
      const res = (await sb.handle(req))!;
      expect(res.status, path).toBe(200);
      expectValid(req, res);
      expect(res.headers).toMatchObject({
        'x-ratelimit-limit': expect.any(String),
        'x-ratelimit-remaining': expect.any(String),
        'x-ratelimit-reset': expect.stringMatching(/^\d+$/),
      });
    }
  });

  it('lists messages newest first, page by page, with full next links on the host that was asked', async () => {
    const sb = createFrontSandbox();
    const id = frontConversation('let_me_check').id;
    const texts: string[] = [];
    let next: string | null = `https://acme.api.frontapp.com/conversations/${id}/messages?limit=3`;
    let pages = 0;
    while (next) {
      const res = await call(sb, 'GET', next);
      const body = res.body as { _pagination: { next: string | null }; _results: { text?: string; blurb: string }[] };
      texts.push(...body._results.map((m) => m.blurb));
      next = body._pagination.next;
      if (next) expect(next).toMatch(/^https:\/\/acme\.api\.frontapp\.com\/conversations\/cnv_ry\/messages\?limit=3&page_token=[0-9a-f]+$/);
      pages++;
    }
    expect(pages).toBe(2);
    expect(texts).toEqual(
      SCENARIOS.find((s) => s.key === 'let_me_check')!
        .messages.map((m) => m.text.slice(0, 100))
        .reverse(),
    );
    const asc = await call(sb, 'GET', `/conversations/${id}/messages?sort_order=asc`);
    expect((asc.body as { _results: { blurb: string }[] })._results[0].blurb).toMatch(/^How long/);
    // A smaller cap makes any conversation span pages whatever the client asks for.
    const small = createFrontSandbox({ maxPageSize: 2 });
    const first = await call(small, 'GET', `/conversations/${id}/messages?limit=100`);
    expect((first.body as { _results: unknown[] })._results).toHaveLength(2);
    expect((await call(sb, 'GET', `/conversations/${id}/messages?page_token=bogus`)).status).toBe(400);
    expect((await call(sb, 'GET', `/conversations/${id}/messages?limit=101`)).status).toBe(400);
  });

  it('changes state for real: tags, comments, moves and assignment, with 204/201 and a newer updated_at', async () => {
    const sb = createFrontSandbox();
    const before = (await call(sb, 'GET', `/conversations/${human}`)).body as { updated_at: number };
    const tag = sb.state().tags.find((t) => t.name === 'sys_escalation')!;
    const added = await call(sb, 'POST', `/conversations/${human}/tags`, { tag_ids: [tag.id] });
    expect(added).toMatchObject({ status: 204 });
    expect(added.body).toBeUndefined();
    const comment = request('POST', `/conversations/${human}/comments`, { body: 'Escalated **to billing**' });
    const posted = (await sb.handle(comment))!;
    expect(posted.status).toBe(201);
    expectValid(comment, posted);
    expect((await call(sb, 'PATCH', `/conversations/${human}`, { inbox_id: FRONT_SANDBOX.inboxes.returns.id })).status).toBe(204);
    expect((await call(sb, 'PUT', `/conversations/${human}/assignee`, { assignee_id: FRONT_SANDBOX.teammates.dana.id })).status).toBe(204);
    const state = sb.state().conversations.find((c) => c.id === human)!;
    expect(state).toMatchObject({
      tags: ['returns', 'bot_managed', 'sys_escalation'],
      inboxId: FRONT_SANDBOX.inboxes.returns.id,
      assigneeId: FRONT_SANDBOX.teammates.dana.id,
    });
    // Without author_id Front posts as the API token.
    expect(state.notes).toEqual([
      { id: expect.stringMatching(/^com_/), authorId: FRONT_SANDBOX.teammates.api.id, text: 'Escalated **to billing**' },
    ]);
    const after = (await call(sb, 'GET', `/conversations/${human}`)).body as { updated_at: number; status: string };
    expect(after.updated_at).toBeGreaterThan(before.updated_at);
    expect(after.status).toBe('assigned');
    expect((await call(sb, 'DELETE', `/conversations/${human}/tags`, { tag_ids: [tag.id] })).status).toBe(204);
    expect(sb.state().conversations.find((c) => c.id === human)!.tags).not.toContain('sys_escalation');
    const created = request('POST', '/tags', { name: 'brand_new' });
    const res = (await sb.handle(created))!;
    expect(res.status).toBe(201);
    expectValid(created, res);
    expect(sb.state().counters).toMatchObject({ tagsCreated: 1, commentsPosted: 1 });
    sb.reset();
    expect(sb.state().conversations.find((c) => c.id === human)!.notes).toEqual([]);
  });

  it('refuses invalid bodies with 400, unknown ids with 404, duplicate tags with 409', async () => {
    const sb = createFrontSandbox();
    const cases: [string, string, unknown, number][] = [
      ['POST', `/conversations/${human}/tags`, {}, 400],
      ['POST', `/conversations/${human}/tags`, { tag_ids: [] }, 400],
      ['POST', `/conversations/${human}/tags`, { tags: ['sys_escalation'] }, 400],
      ['POST', `/conversations/${human}/tags`, { tag_ids: ['tag_nope'] }, 404],
      ['PATCH', `/conversations/${human}`, { status: 'closed' }, 400],
      ['PATCH', `/conversations/${human}`, { team_id: 'tim_1' }, 400],
      ['PATCH', `/conversations/${human}`, { inbox_id: 'inb_nope' }, 404],
      ['PATCH', `/conversations/${human}`, { assignee_id: FRONT_SANDBOX.teammates.former.id }, 400],
      ['PUT', `/conversations/${human}/assignee`, {}, 400],
      ['POST', `/conversations/${human}/comments`, { body: '  ' }, 400],
      ['POST', '/tags', { name: 'sys_escalation' }, 409],
      ['POST', '/tags', { name: 'x'.repeat(65) }, 400],
      ['GET', '/conversations/cnv_zzzz', null, 404],
      ['GET', '/conversations/cnv_zzzz/messages', null, 404],
    ];
    for (const [method, path, body, status] of cases) {
      const res = await call(sb, method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.body).toEqual({ _error: { status, title: expect.any(String), message: expect.any(String) } });
    }
    expect(await sb.handle(request('POST', `/conversations/${human}/move`, { inbox_id: 'inb_1' }))).toBeNull();
    expect(sb.state().conversations.find((c) => c.id === human)!.tags).toEqual(['returns', 'bot_managed']);
  });

  it('answers 301 to the conversation a merged one was merged into, on every path under it', async () => {
    const sb = createFrontSandbox();
    const merged = FRONT_SANDBOX.mergedConversation;
    for (const [method, sub] of [
      ['GET', ''],
      ['GET', '/messages?limit=5'],
      ['POST', '/tags'],
      ['POST', '/comments'],
      ['PATCH', ''],
    ] as const) {
      const res = await call(sb, method, `/conversations/${merged}${sub}`, method === 'GET' ? null : { tag_ids: [] });
      expect(res.status).toBe(301);
      expect(res.headers?.Location).toBe(`https://api2.frontapp.com/conversations/${human}${sub}`);
    }
  });

  it('limits requests per minute with 429 and the reset time', async () => {
    let now = 0;
    const sb = createFrontSandbox({ rateLimitPerMinute: 2, now: () => now });
    expect((await call(sb, 'GET', '/me')).headers).toMatchObject({ 'x-ratelimit-remaining': '1' });
    await call(sb, 'GET', '/me');
    const limited = await call(sb, 'GET', '/me');
    expect(limited.status).toBe(429);
    expect(limited.headers).toMatchObject({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '60', 'retry-after': '60' });
    now = 60_000;
    expect((await call(sb, 'GET', '/me')).status).toBe(200);
  });
});

describe('sandbox Front agent page', () => {
  const page = async (sb: ReturnType<typeof createFrontSandbox>, url: string) => (await sb.handle(request('GET', url, null, {})))!;
  const bootstrap = (html: string) => JSON.parse(/<script type="application\/json" id="front-bootstrap">([^<]*)<\/script>/.exec(html)![1]);

  it('serves the app at both URL shapes, with the conversation bootstrapped', async () => {
    const sb = createFrontSandbox();
    const urls = frontPageUrls('human_request');
    expect(urls.inbox).toBe('https://app.frontapp.com/inboxes/teams/folders/2104/unassigned/1001');
    for (const url of [urls.open, urls.inbox]) {
      const res = await page(sb, url);
      expect(res).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
      const html = res.body as string;
      // The hooks public extensions rely on: body > .layer, #front-app-root, [data-testid="conversation"].
      expect(html).toMatch(/<body>\s*<div class="layer">\s*<div id="front-app-root"/);
      expect(html).toContain('data-testid="conversation" class="conversationViewer__StyledTimeline-sc-');
      expect(html).toContain('<textarea class="composer-input"');
      expect(html).not.toMatch(/position:\s*fixed/);
      expect(bootstrap(html).initial).toMatchObject({ id: human, subject: 'Return for damaged blender' });
      // Every seeded conversation is in the list, linked by its /open/ address.
      for (const s of SCENARIOS) expect(html).toContain(`href="/open/${frontConversation(s.key).id}"`);
    }
    expect(bootstrap((await page(sb, 'https://app.frontapp.com/inboxes/teams/folders/2104/unassigned')).body as string).initial).toBeNull();
    expect((await page(sb, 'https://app.frontapp.com/settings')).body).not.toContain('<div data-testid="conversation"');
  });

  it("never puts the customer's markup into the page as markup", async () => {
    const sb = createFrontSandbox();
    const html = (await page(sb, frontPageUrls('injection').open)).body as string;
    expect(html).not.toMatch(/<img/i);
    expect(bootstrap(html).initial.items[0].text).toContain('<img src=x onerror="alert(1)">');
  });

  it('page data by API id, numeric id or merged id; admin appends a customer message', async () => {
    const sb = createFrontSandbox();
    const data = async (id: string) => (await sb.admin(request('GET', `https://app.frontapp.com/__admin/front/page-data/${id}`)))!;
    expect((await data(human)).body).toMatchObject({ id: human, numericId: 1001, inbox: 'Bot inbox', status: 'Open', assignee: null });
    expect((await data('1001')).body).toMatchObject({ id: human });
    expect((await data(FRONT_SANDBOX.mergedConversation)).body).toMatchObject({ id: human });
    expect((await data('cnv_zzzz')).status).toBe(404);
    const added = sb.admin(
      request('POST', `https://app.frontapp.com/__admin/front/conversations/${human}/messages`, {
        role: 'customer',
        text: 'Anyone there?',
      }),
    )!;
    expect(added.status).toBe(201);
    const items = ((await data(human)).body as { items: { text: string; direction: string; author: string }[] }).items;
    expect(items.at(-1)).toMatchObject({ text: 'Anyone there?', direction: 'inbound', author: 'Maria Lopez' });
    expect(
      sb.admin(request('POST', `https://app.frontapp.com/__admin/front/conversations/${human}/messages`, { role: 'robot', text: 'x' }))!
        .status,
    ).toBe(400);
  });
});
