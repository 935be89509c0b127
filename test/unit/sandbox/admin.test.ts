import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@/test/sandbox/server';
import { call, stubPlatforms, tempDir } from './helpers';

let sb: Sandbox;
const stubs = stubPlatforms();
const admin = (method: string, path: string, body?: unknown) => call({ port: sb.httpPort, method, path: `/__admin/${path}`, body });

beforeAll(async () => {
  sb = await startSandbox({ platforms: Object.values(stubs), trafficFile: join(tempDir(), 'traffic.jsonl') });
});
afterAll(() => sb?.stop());
beforeEach(() => sb.reset());

describe('admin API', () => {
  it('reads every platform state, or one', async () => {
    await call({ port: sb.httpPort, method: 'POST', path: '/api/items', headers: { 'x-sandbox-host': 'acme.gorgias.com' } });
    const all = await admin('GET', 'state');
    expect(all.json).toEqual({
      zendesk: { name: 'zendesk', count: 0 },
      front: { name: 'front', count: 0 },
      gorgias: { name: 'gorgias', count: 1 },
      openai: { name: 'openai', count: 0 },
    });
    expect((await admin('GET', 'state/gorgias')).json).toEqual({ name: 'gorgias', count: 1 });
    expect((await admin('GET', 'state/helpscout')).status).toBe(404);
  });

  it('resets every platform to its seed', async () => {
    await call({ port: sb.httpPort, method: 'POST', path: '/api/items', headers: { 'x-sandbox-host': 'acme.zendesk.com' } });
    const resetsBefore = stubs.front.resets;
    const r = await admin('POST', 'reset');
    expect(r.status).toBe(200);
    expect(stubs.zendesk.count).toBe(0);
    expect(stubs.front.resets).toBe(resetsBefore + 1);
  });

  it("passes /__admin/<platform>/… to the module's admin() with the full path, on any host", async () => {
    const r = await admin('POST', 'zendesk/bump', { by: 3 });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ count: 3 });
    expect(stubs.zendesk.adminPaths.at(-1)).toBe('/__admin/zendesk/bump');
    const viaPage = await call({
      port: sb.httpsPort,
      tls: true,
      method: 'POST',
      path: '/__admin/zendesk/bump',
      headers: { host: 'app.frontapp.com' },
    });
    expect(viaPage.json).toEqual({ count: 4 });
    expect((await admin('GET', 'state/zendesk')).json.count).toBe(4);
  });

  it('answers 404 when the module has no such admin route, or no admin() at all', async () => {
    expect((await admin('GET', 'zendesk/nothing')).status).toBe(404);
    expect((await admin('POST', 'openai/bump')).status).toBe(404);
    expect((await admin('GET', 'no-such-thing')).status).toBe(404);
    expect((await admin('PUT', 'reset')).status).toBe(404);
  });

  it('does not log admin requests as platform traffic', async () => {
    await admin('GET', 'state');
    await admin('POST', 'zendesk/bump');
    await admin('GET', 'faults');
    expect(sb.traffic()).toEqual([]);
  });
});
