import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorBody } from '@/test/sandbox/faults';
import { startSandbox, type Sandbox } from '@/test/sandbox/server';
import { call, stubPlatforms, tempDir } from './helpers';

let sb: Sandbox;
const stubs = stubPlatforms();
const zd = (o: { method?: string; path?: string; body?: unknown; tls?: boolean } = {}) =>
  call({
    port: o.tls ? sb.httpsPort : sb.httpPort,
    tls: o.tls,
    method: o.method ?? 'POST',
    path: o.path ?? '/api/items',
    body: o.body,
    headers: o.tls ? { host: 'acme.zendesk.com' } : { 'x-sandbox-host': 'acme.zendesk.com' },
  });
const admin = (method: string, path: string, body?: unknown) => call({ port: sb.httpPort, method, path: `/__admin/${path}`, body });

beforeAll(async () => {
  sb = await startSandbox({ platforms: Object.values(stubs), trafficFile: join(tempDir(), 'traffic.jsonl') });
});
afterAll(() => sb?.stop());
beforeEach(() => sb.reset());

describe('faults', () => {
  it('answers with the status, Retry-After and the platform envelope, without running the handler', async () => {
    const { json: added } = await admin('POST', 'faults', {
      platform: 'zendesk',
      method: 'POST',
      path: '^/api/items$',
      status: 429,
      retryAfter: 7,
    });
    expect(added.id).toMatch(/\w+/);
    const r = await zd();
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('7');
    expect(r.json).toEqual(errorBody('zendesk', 429));
    expect(r.json).toMatchObject({ error: expect.any(String), description: expect.any(String) });
    expect(stubs.zendesk.count).toBe(0);
    expect((await zd()).status).toBe(201);
  });

  it('uses a custom body when given', async () => {
    sb.faults.add({ path: '^/api/items$', status: 422, body: { error: 'RecordInvalid', details: { base: [] } } });
    const r = await zd();
    expect(r.status).toBe(422);
    expect(r.json).toEqual({ error: 'RecordInvalid', details: { base: [] } });
  });

  it('matches platform, method (a regex over the whole method) and path', async () => {
    sb.faults.add({ platform: 'front', path: '^/api/items$', status: 500 });
    sb.faults.add({ method: 'PUT|PATCH', path: '^/api/items$', status: 503 });
    sb.faults.add({ path: '^/api/other$', status: 500 });
    // Anchored: "P" is not a prefix match for POST.
    sb.faults.add({ method: 'P', path: '^/api/items$', status: 500 });
    expect((await zd()).status).toBe(201);
    const front = await call({ port: sb.httpPort, method: 'POST', path: '/api/items', headers: { 'x-sandbox-host': 'api2.frontapp.com' } });
    expect(front.status).toBe(500);
    expect(front.json).toEqual({ _error: { status: 500, title: 'Internal Server Error', message: expect.any(String) } });
    expect((await zd({ method: 'PATCH' })).status).toBe(503);
    expect(sb.faults.list().map((f) => f.method ?? null)).toEqual([null, 'P']);
  });

  it('delays the real answer', async () => {
    sb.faults.add({ path: '^/api/items$', delayMs: 300 });
    const t0 = Date.now();
    const r = await zd();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    expect(r.status).toBe(201);
    expect(stubs.zendesk.count).toBe(1);
  });

  it('drops the connection without an answer, over HTTP and HTTPS', async () => {
    sb.faults.add({ path: '^/api/items$', drop: true, times: 2 });
    await expect(zd()).rejects.toThrow(/socket hang up|ECONNRESET/);
    await expect(zd({ tls: true })).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(stubs.zendesk.count).toBe(0);
    expect((await zd()).status).toBe(201);
  });

  it('counts times and retires the fault; times 0 lasts until cleared', async () => {
    sb.faults.add({ path: '^/api/items$', status: 500, times: 2 });
    expect([(await zd()).status, (await zd()).status, (await zd()).status]).toEqual([500, 500, 201]);

    await admin('POST', 'faults', { path: '^/api/items$', status: 503, times: 0 });
    for (let i = 0; i < 4; i++) expect((await zd()).status).toBe(503);
    const listed = await admin('GET', 'faults');
    expect(listed.json).toEqual([expect.objectContaining({ status: 503, times: 0, hits: 4 })]);
    expect((await admin('DELETE', 'faults')).status).toBe(204);
    expect((await zd()).status).toBe(201);
  });

  it('applyAfter runs the real handler first, then answers with the fault', async () => {
    sb.faults.add({ path: '^/api/items$', status: 504, applyAfter: true });
    expect((await zd()).status).toBe(504);
    expect(stubs.zendesk.count).toBe(1);

    sb.faults.add({ path: '^/api/items$', drop: true, applyAfter: true });
    await expect(zd()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(stubs.zendesk.count).toBe(2);

    // Applied at once, answered late: what a client that timed out saw.
    sb.faults.add({ path: '^/api/items$', delayMs: 200, applyAfter: true });
    const late = zd();
    await new Promise((r) => setTimeout(r, 80));
    expect(stubs.zendesk.count).toBe(3);
    expect((await late).json).toEqual({ count: 3 });
  });

  it('removes one fault by id', async () => {
    const keep = sb.faults.add({ path: '^/api/a$', status: 500 });
    const { json } = await admin('POST', 'faults', { path: '^/api/items$', status: 500 });
    expect((await admin('DELETE', `faults/${json.id}`)).status).toBe(204);
    expect((await admin('DELETE', `faults/${json.id}`)).status).toBe(404);
    expect(sb.faults.list().map((f) => f.id)).toEqual([keep.id]);
    expect((await zd()).status).toBe(201);
  });

  it('rejects an invalid fault with 400 and the reasons', async () => {
    for (const bad of [{ status: 500 }, { path: '(', status: 500 }, { path: '^/x$' }, { path: '^/x$', status: 99 }, null]) {
      const r = await admin('POST', 'faults', bad);
      expect(r.status).toBe(400);
      expect(r.json.issues.length).toBeGreaterThan(0);
    }
    expect(() => sb.faults.add({ path: '^/x$' })).toThrow();
    expect(sb.faults.list()).toEqual([]);
  });

  it('never applies to admin routes', async () => {
    sb.faults.add({ path: '.*', status: 500, times: 0 });
    expect((await admin('GET', 'state')).status).toBe(200);
    expect((await admin('POST', 'zendesk/bump')).status).toBe(201);
  });

  it('is cleared by reset, over HTTP and programmatically', async () => {
    sb.faults.add({ path: '^/api/items$', status: 500, times: 0 });
    expect((await admin('POST', 'reset')).status).toBe(200);
    expect(sb.faults.list()).toEqual([]);
    expect((await zd()).status).toBe(201);
    sb.faults.add({ path: '^/api/items$', status: 500, times: 0 });
    sb.faults.clear();
    expect((await zd()).status).toBe(201);
  });

  it('does not keep stop() waiting on a long delay', async () => {
    const other = await startSandbox({ platforms: Object.values(stubPlatforms()), trafficFile: false });
    other.faults.add({ path: '^/api/items$', delayMs: 60_000 });
    const pending = call({
      port: other.httpPort,
      method: 'POST',
      path: '/api/items',
      headers: { 'x-sandbox-host': 'acme.zendesk.com' },
    }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await other.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await pending).toBeInstanceOf(Error);
  });
});

describe('errorBody', () => {
  it('uses each platform envelope', () => {
    expect(errorBody('zendesk', 404, 'gone')).toEqual({ error: 'RecordNotFound', description: 'gone' });
    expect(errorBody('zendesk', 422)).toMatchObject({ error: 'RecordInvalid' });
    expect(errorBody('front', 403, 'no scope')).toEqual({ _error: { status: 403, title: 'Forbidden', message: 'no scope' } });
    expect(errorBody('gorgias', 409, 'in use')).toEqual({ error: { msg: 'in use' } });
    expect(errorBody('openai', 429, 'slow down')).toEqual({
      error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' },
    });
    expect(errorBody('openai', 500)).toMatchObject({ error: { type: 'server_error' } });
  });
});
