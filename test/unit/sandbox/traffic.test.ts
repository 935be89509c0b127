import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@/test/sandbox/server';
import { isSecretKey, REDACTED, scrub } from '@/test/sandbox/traffic';
import { call, stubPlatforms, tempDir } from './helpers';

const SECRET = 'Bearer super-secret-value-123';
let sb: Sandbox;
let file: string;

const lines = () =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => ({ raw: l, entry: JSON.parse(l) }));

beforeAll(async () => {
  // A directory that does not exist yet: the sandbox creates it.
  file = join(tempDir(), 'nested', 'results', 'sandbox-traffic.jsonl');
  sb = await startSandbox({ platforms: Object.values(stubPlatforms()), trafficFile: file });
  await call({ port: sb.httpPort, path: '/api/echo?x=1&x=2', headers: { 'x-sandbox-host': 'acme.zendesk.com', authorization: SECRET } });
  await call({
    port: sb.httpsPort,
    tls: true,
    method: 'PUT',
    path: '/api/echo/tickets/1.json',
    headers: {
      host: 'acme.zendesk.com',
      authorization: SECRET,
      'x-csrf-token': 'csrf-secret-value',
      cookie: '_zendesk_session=cookie-secret-value',
    },
    body: {
      ticket: { comment: { body: 'note', public: false } },
      api_token: 'tok-secret-value',
      nested: [{ password: 'pw-secret-value' }],
    },
  });
  await call({
    port: sb.httpPort,
    method: 'POST',
    path: '/v1/echo/chat/completions',
    headers: { 'x-sandbox-host': 'api.openai.com', authorization: 'Bearer sk-secret-value' },
    body: { model: 'gpt-4o-mini', max_tokens: 300, apiKey: 'sk-secret-value' },
  });
  await call({ port: sb.httpPort, path: '/__admin/state' });
  await call({ port: sb.httpPort, method: 'POST', path: '/__admin/zendesk/bump', body: {} });
});
afterAll(() => sb?.stop());

describe('traffic log', () => {
  it('writes one line per platform request with exactly the five keys', () => {
    const all = lines();
    expect(all).toHaveLength(3);
    for (const { entry } of all) expect(Object.keys(entry)).toEqual(['platform', 'method', 'path', 'query', 'body']);
    expect(all.map((l) => l.entry)).toEqual([
      { platform: 'zendesk', method: 'GET', path: '/api/echo', query: { x: ['1', '2'] }, body: null },
      {
        platform: 'zendesk',
        method: 'PUT',
        path: '/api/echo/tickets/1.json',
        query: {},
        body: { ticket: { comment: { body: 'note', public: false } }, api_token: REDACTED, nested: [{ password: REDACTED }] },
      },
      {
        platform: 'openai',
        method: 'POST',
        path: '/v1/echo/chat/completions',
        query: {},
        body: { model: 'gpt-4o-mini', max_tokens: 300, apiKey: REDACTED },
      },
    ]);
  });

  it('never writes a header value or a secret body field', () => {
    const text = readFileSync(file, 'utf8');
    for (const secret of [
      'super-secret-value',
      'csrf-secret-value',
      'cookie-secret-value',
      'tok-secret-value',
      'pw-secret-value',
      'sk-secret-value',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text.toLowerCase()).not.toContain('authorization');
  });

  it('keeps the same entries in memory and serves them on /__admin/traffic', async () => {
    const r = await call({ port: sb.httpPort, path: '/__admin/traffic' });
    expect(r.json).toEqual(lines().map((l) => l.entry));
    expect(sb.traffic()).toEqual(r.json);
  });

  it('clears memory on /__admin/traffic/clear and on reset, keeping the file', async () => {
    expect((await call({ port: sb.httpPort, method: 'POST', path: '/__admin/traffic/clear' })).status).toBe(200);
    expect(sb.traffic()).toEqual([]);
    await call({ port: sb.httpPort, path: '/api/echo', headers: { 'x-sandbox-host': 'acme.gorgias.com' } });
    expect(sb.traffic()).toHaveLength(1);
    await call({ port: sb.httpPort, method: 'POST', path: '/__admin/reset' });
    expect(sb.traffic()).toEqual([]);
    expect(lines()).toHaveLength(4);
  });

  it('can keep traffic in memory only', async () => {
    const mem = await startSandbox({ platforms: Object.values(stubPlatforms()), trafficFile: false });
    try {
      await call({ port: mem.httpPort, path: '/api/echo', headers: { 'x-sandbox-host': 'acme.zendesk.com' } });
      expect(mem.traffic()).toHaveLength(1);
    } finally {
      await mem.stop();
    }
  });
});

describe('scrub', () => {
  it.each([
    ['token', true],
    ['api_token', true],
    ['access_token', true],
    ['frontToken', true],
    ['authenticity_token', true],
    ['password', true],
    ['api_key', true],
    ['apiKey', true],
    ['openaiApiKey', true],
    ['Authorization', true],
    ['client_secret', true],
    ['max_tokens', false],
    ['max_output_tokens', false],
    ['page_token', false],
    ['tags', false],
    ['body', false],
  ])('%s is secret: %s', (key, secret) => {
    expect(isSecretKey(key)).toBe(secret);
  });

  it('redacts at any depth and leaves everything else alone', () => {
    expect(scrub({ a: [{ token: 'x', b: 1 }], c: { password: 'p', d: null }, e: 'token' })).toEqual({
      a: [{ token: REDACTED, b: 1 }],
      c: { password: REDACTED, d: null },
      e: 'token',
    });
    expect(scrub(null)).toBeNull();
    expect(scrub('plain')).toBe('plain');
  });
});
