import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCertificate } from '@/test/sandbox/cert';
import { startSandbox, type Sandbox } from '@/test/sandbox/server';
import { call, stubPlatforms, tempDir } from './helpers';

let sb: Sandbox;
const stubs = stubPlatforms();

beforeAll(async () => {
  sb = await startSandbox({ platforms: Object.values(stubs), trafficFile: join(tempDir(), 'traffic.jsonl') });
});
afterAll(() => sb?.stop());

describe('routing', () => {
  it('listens on two random ports and names its URLs', () => {
    expect(sb.httpsPort).toBeGreaterThan(0);
    expect(sb.httpPort).toBeGreaterThan(0);
    expect(sb.httpsPort).not.toBe(sb.httpPort);
    expect(sb.httpsUrl).toBe(`https://127.0.0.1:${sb.httpsPort}`);
    expect(sb.httpUrl).toBe(`http://127.0.0.1:${sb.httpPort}`);
    expect(Object.keys(sb.platforms).sort()).toEqual(['front', 'gorgias', 'openai', 'zendesk']);
  });

  it.each([
    ['acme.zendesk.com', 'zendesk'],
    ['acme.gorgias.com', 'gorgias'],
    ['api2.frontapp.com', 'front'],
    ['app.frontapp.com', 'front'],
    ['api.openai.com', 'openai'],
  ])('routes HTTPS by the Host header: %s → %s', async (host, platform) => {
    const r = await call({ port: sb.httpsPort, tls: true, servername: host, path: '/api/echo', headers: { host } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ platform, host });
  });

  it('strips the port from Host and ignores its case', async () => {
    const r = await call({ port: sb.httpsPort, tls: true, path: '/api/echo', headers: { host: `ACME.Zendesk.com:${sb.httpsPort}` } });
    expect(r.json).toMatchObject({ platform: 'zendesk', host: 'acme.zendesk.com' });
  });

  it('routes by X-Sandbox-Host over HTTP and over HTTPS, ahead of Host', async () => {
    const overHttp = await call({ port: sb.httpPort, path: '/api/echo', headers: { 'x-sandbox-host': 'acme.gorgias.com' } });
    expect(overHttp.json).toMatchObject({ platform: 'gorgias', host: 'acme.gorgias.com' });
    const overHttps = await call({
      port: sb.httpsPort,
      tls: true,
      path: '/api/echo',
      headers: { host: 'acme.zendesk.com', 'x-sandbox-host': 'api2.frontapp.com:443' },
    });
    expect(overHttps.json).toMatchObject({ platform: 'front', host: 'api2.frontapp.com' });
  });

  it('serves a certificate naming the real hosts', async () => {
    const r = await call({
      port: sb.httpsPort,
      tls: true,
      servername: 'acme.zendesk.com',
      path: '/api/echo',
      headers: { host: 'acme.zendesk.com' },
    });
    const san = r.peerSubjectAltName ?? '';
    for (const name of ['*.zendesk.com', '*.gorgias.com', 'app.frontapp.com', 'api2.frontapp.com', 'api.openai.com', 'localhost']) {
      expect(san).toContain(`DNS:${name}`);
    }
    expect(san).toContain('IP Address:127.0.0.1');
    const cert = new X509Certificate(sandboxCertificate().cert);
    expect(cert.checkHost('acme.zendesk.com')).toBe('*.zendesk.com');
    expect(cert.checkHost('api2.frontapp.com')).toBe('api2.frontapp.com');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('parses the query with repeated keys as arrays and bracketed keys literally', async () => {
    const r = await call({
      port: sb.httpPort,
      path: '/api/echo/x?page[size]=2&role[]=agent&role[]=admin&ids=1&ids=2&ids=3&q=hello%20world&empty=',
      headers: { 'x-sandbox-host': 'acme.zendesk.com' },
    });
    expect(r.json.path).toBe('/api/echo/x');
    expect(r.json.query).toEqual({ 'page[size]': '2', 'role[]': ['agent', 'admin'], ids: ['1', '2', '3'], q: 'hello world', empty: '' });
  });

  it('parses JSON bodies for every method, DELETE included, and cookies', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const r = await call({
        port: sb.httpPort,
        method,
        path: '/api/echo',
        body: { tags: ['sys_escalation'] },
        headers: { 'x-sandbox-host': 'acme.zendesk.com', cookie: '_zendesk_session=abc%20def; other=1' },
      });
      expect(r.json).toMatchObject({ method, body: { tags: ['sys_escalation'] }, cookies: { _zendesk_session: 'abc def', other: '1' } });
    }
  });

  it('gives handlers null for a missing or non-JSON body', async () => {
    const none = await call({ port: sb.httpPort, path: '/api/echo', headers: { 'x-sandbox-host': 'acme.zendesk.com' } });
    expect(none.json.body).toBeNull();
    const form = await call({
      port: sb.httpPort,
      method: 'POST',
      path: '/api/echo',
      body: 'a=1&b=2',
      headers: { 'x-sandbox-host': 'acme.zendesk.com', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.json.body).toBeNull();
  });

  it('sends HTML pages and empty 204s as the platform returns them', async () => {
    const page = await call({ port: sb.httpsPort, tls: true, path: '/page', headers: { host: 'app.frontapp.com' } });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<p>page</p>');
    const empty = await call({
      port: sb.httpPort,
      method: 'DELETE',
      path: '/api/empty',
      headers: { 'x-sandbox-host': 'acme.gorgias.com' },
    });
    expect(empty.status).toBe(204);
    expect(empty.text).toBe('');
  });

  it('answers an unknown route with 404 in the platform envelope, and logs it', async () => {
    const r = await call({
      port: sb.httpPort,
      method: 'POST',
      path: '/conversations/cnv_1/nope',
      body: { x: 1 },
      headers: { 'x-sandbox-host': 'api2.frontapp.com' },
    });
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json._error).toMatchObject({ status: 404 });
    expect(sb.traffic().at(-1)).toEqual({
      platform: 'front',
      method: 'POST',
      path: '/conversations/cnv_1/nope',
      query: {},
      body: { x: 1 },
    });
  });

  it('answers an unknown host with 404 JSON', async () => {
    const r = await call({ port: sb.httpPort, path: '/api/echo', headers: { 'x-sandbox-host': 'example.org' } });
    expect(r.status).toBe(404);
    expect(r.json.error).toContain('example.org');
  });

  it('answers CORS preflights permissively without logging them', async () => {
    const before = sb.traffic().length;
    const r = await call({
      port: sb.httpsPort,
      tls: true,
      method: 'OPTIONS',
      path: '/api/v2/tickets/1.json',
      headers: {
        host: 'acme.zendesk.com',
        origin: 'https://acme.zendesk.com',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type, x-csrf-token, x-stainless-os',
        'access-control-request-private-network': 'true',
      },
    });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('https://acme.zendesk.com');
    expect(r.headers['access-control-allow-credentials']).toBe('true');
    const allowed = String(r.headers['access-control-allow-headers']).toLowerCase();
    for (const h of ['authorization', 'content-type', 'x-csrf-token', 'x-stainless-os']) expect(allowed).toContain(h);
    expect(r.headers['access-control-allow-methods']).toContain('PUT');
    expect(r.headers['access-control-allow-private-network']).toBe('true');
    expect(sb.traffic().length).toBe(before);
  });

  it('adds CORS headers to ordinary answers when there is an Origin', async () => {
    const r = await call({
      port: sb.httpPort,
      path: '/api/echo',
      headers: { 'x-sandbox-host': 'acme.zendesk.com', origin: 'chrome-extension://abc' },
    });
    expect(r.headers['access-control-allow-origin']).toBe('chrome-extension://abc');
    expect(r.headers['access-control-allow-credentials']).toBe('true');
    expect(String(r.headers['access-control-expose-headers'])).toContain('Retry-After');
  });
});
