import { describe, expect, it } from 'vitest';
import { createZendeskSandbox, CSRF_REFUSAL, ZENDESK_SANDBOX } from '@/test/sandbox/platforms/zendesk';
import type { SandboxRequest } from '@/test/sandbox/types';
import { basicAuth, SESSION } from './helpers';

const req = (over: Partial<SandboxRequest>): SandboxRequest => ({
  method: 'GET',
  host: 'acme.zendesk.com',
  path: '/api/v2/tickets/1.json',
  query: {},
  headers: {},
  body: null,
  cookies: {},
  ...over,
});
const put = (ticket: Record<string, unknown>, over: Partial<SandboxRequest> = {}) =>
  req({ method: 'PUT', body: { ticket }, headers: { authorization: basicAuth() }, ...over });

describe('Zendesk sandbox: auth like the real app', () => {
  it('a write with a token AND the session cookie but no X-CSRF-Token is refused as a forgery (403)', async () => {
    const sb = createZendeskSandbox();
    const res = await sb.handle(put({ additional_tags: ['x'] }, { cookies: SESSION }));
    expect(res).toEqual(CSRF_REFUSAL);
    expect(res?.body).toEqual({ error: 'InvalidAuthenticityToken', description: 'Invalid authenticity token' });
    const bearer = await sb.handle(
      put({ additional_tags: ['x'] }, { cookies: SESSION, headers: { authorization: `Bearer ${ZENDESK_SANDBOX.oauthToken}` } }),
    );
    expect(bearer?.status).toBe(403);
    const sessionOnly = await sb.handle(put({ additional_tags: ['x'] }, { cookies: SESSION, headers: {} }));
    expect(sessionOnly?.status).toBe(403);
    expect(sb.store.get(1)!.tags).not.toContain('x');
  });

  it('reads with the cookie, token writes without it, and session writes with the CSRF token all pass', async () => {
    const sb = createZendeskSandbox();
    expect((await sb.handle(req({ cookies: SESSION, headers: { authorization: basicAuth() } })))?.status).toBe(200);
    expect((await sb.handle(put({ additional_tags: ['a'] })))?.status).toBe(200);
    expect(
      (await sb.handle(put({ additional_tags: ['b'] }, { headers: { authorization: `Bearer ${ZENDESK_SANDBOX.oauthToken}` } })))?.status,
    ).toBe(200);
    expect(
      (await sb.handle(put({ additional_tags: ['c'] }, { cookies: SESSION, headers: { 'x-csrf-token': ZENDESK_SANDBOX.csrf } })))?.status,
    ).toBe(200);
    expect(sb.store.get(1)!.tags).toEqual(expect.arrayContaining(['a', 'b', 'c']));
    expect((await sb.handle(req({ headers: { authorization: 'Bearer wrong' } })))?.body).toMatchObject({ error: 'invalid_token' });
    expect((await sb.handle(req({})))?.status).toBe(401);
  });

  it('the agent page signs the browser in: it sets the session cookie', async () => {
    const sb = createZendeskSandbox();
    const res = await sb.handle(req({ path: '/agent/tickets/1' }));
    expect(res?.headers?.['Set-Cookie']).toMatch(/^_zendesk_session=sandbox-zendesk-session; Path=\/; Secure/);
  });
});

describe('Zendesk sandbox: one ticket update', () => {
  it('additional_tags add, remove_tags remove, the rest of the tags stay', async () => {
    const sb = createZendeskSandbox();
    const before = [...sb.store.get(1)!.tags];
    expect(before).toContain('bot_managed');
    await sb.handle(put({ additional_tags: ['sys_escalation', 'sys_bot_paused'], remove_tags: ['bot_managed'] }));
    expect(sb.store.get(1)!.tags).toEqual([...before.filter((t) => t !== 'bot_managed'), 'sys_escalation', 'sys_bot_paused']);
  });

  it('safe_update with a stale updated_stamp is a 409 and changes nothing; a fresh stamp applies', async () => {
    const sb = createZendeskSandbox();
    const c = sb.store.get(2)!;
    const stale = c.updatedAt;
    sb.store.addMessage(2, 'customer', 'hello?');
    const conflict = await sb.handle(
      put(
        { safe_update: true, updated_stamp: stale, group_id: 11, comment: { html_body: '<p>n</p>', public: false } },
        { path: '/api/v2/tickets/2.json' },
      ),
    );
    expect(conflict?.status).toBe(409);
    expect(c.teamId).toBeNull();
    expect(c.messages.some((m) => m.internal)).toBe(false);
    const ok = await sb.handle(put({ safe_update: true, updated_stamp: c.updatedAt, group_id: 11 }, { path: '/api/v2/tickets/2.json' }));
    expect(ok?.status).toBe(200);
    expect(c.teamId).toBe(11);
    expect((await sb.handle(put({ safe_update: true, group_id: 12 }, { path: '/api/v2/tickets/2.json' })))?.status).toBe(400);
  });

  it('an invalid part refuses the whole update: no note, no tags', async () => {
    const sb = createZendeskSandbox();
    const res = await sb.handle(
      put({ group_id: 999, additional_tags: ['sys_bot_paused'], comment: { html_body: '<p>n</p>', public: false } }),
    );
    expect(res?.status).toBe(422);
    expect(sb.store.get(1)!.tags).not.toContain('sys_bot_paused');
    expect(sb.store.get(1)!.messages.some((m) => m.internal)).toBe(false);
  });
});
