import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@/test/sandbox/server';
import { createWebhookReceiver } from '@/test/sandbox/webhooks';
import { call } from './helpers';

let sb: Sandbox;
const post = (host: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  call({ port: sb.httpPort, method: 'POST', path, body, headers: { 'x-sandbox-host': host, ...headers } });
const admin = (method: string, path: string, body?: unknown) =>
  call({ port: sb.httpPort, method, path: `/__admin/webhooks/${path}`, body });

beforeAll(async () => {
  sb = await startSandbox({ platforms: [createWebhookReceiver()], trafficFile: false });
});
afterAll(() => sb?.stop());
beforeEach(() => sb.reset());

describe('sandbox webhook receiver', () => {
  it('answers Slack’s way and records every POST with its headers and body', async () => {
    const r = await post('hooks.slack.com', '/services/T0/B0/x', { text: 'hi' }, { 'x-baton-delivery': 'dlv_1' });
    expect(r.status).toBe(200);
    expect(r.text).toBe('ok');
    await post('hooks.example.test', '/baton', { event: 'escalation' });
    const got = (await admin('GET', 'received')).json;
    expect(got).toEqual([
      expect.objectContaining({ host: 'hooks.slack.com', path: '/services/T0/B0/x', body: { text: 'hi' }, answered: 200 }),
      expect.objectContaining({ host: 'hooks.example.test', path: '/baton', body: { event: 'escalation' }, answered: 200 }),
    ]);
    expect(got[0].headers['x-baton-delivery']).toBe('dlv_1');
    await admin('POST', 'clear');
    expect((await admin('GET', 'received')).json).toEqual([]);
  });

  it('fails the next N POSTs (to one host when named), with Retry-After on 429, and records them too', async () => {
    await admin('POST', 'fail', { times: 2, status: 429, retryAfter: 3, host: 'hooks.slack.com' });
    expect((await post('hooks.example.test', '/baton', {})).status).toBe(200);
    const first = await post('hooks.slack.com', '/services/x', {});
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('3');
    expect((await post('hooks.slack.com', '/services/x', {})).status).toBe(429);
    expect((await post('hooks.slack.com', '/services/x', {})).status).toBe(200);
    expect((await admin('GET', 'received')).json.map((r: { answered: number }) => r.answered)).toEqual([200, 429, 429, 200]);
  });

  it('answers the CORS preflight of a delivery carrying X-Baton-Delivery', async () => {
    const r = await call({
      port: sb.httpPort,
      method: 'OPTIONS',
      path: '/baton',
      headers: {
        'x-sandbox-host': 'hooks.example.test',
        origin: 'chrome-extension://abc',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-baton-delivery',
      },
    });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('chrome-extension://abc');
    expect(String(r.headers['access-control-allow-headers']).toLowerCase()).toContain('x-baton-delivery');
  });
});
