import { beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../lib/http/client';
import { zendeskAdapter } from '../../../../lib/platforms/zendesk';
import { buildPlan, newJournal } from '../../../../lib/executor/plan';
import { runJournal, type JournalStore } from '../../../../lib/executor/run';
import { PolicySchema } from '../../../../lib/schema/policy';
import type { Journal } from '../../../../lib/schema/plan';
import { inProcessTransport } from '../../../sandbox/inprocess';
import { createZendeskSandbox, ZENDESK_SANDBOX } from '../../../sandbox/platforms/zendesk';
import type { SandboxRequest } from '../../../sandbox/types';
import { loadSpec, validateRequest } from '../../../contracts/openapi';

const spec = loadSpec('zendesk');
let sandbox: ReturnType<typeof createZendeskSandbox>;
let seen: SandboxRequest[];

function ctx(conversationId: string, mode: 'token' | 'session' = 'token') {
  const auth: Record<string, string> = mode === 'token' ? { Authorization: `Basic ${Buffer.from(`${ZENDESK_SANDBOX.email}/token:${ZENDESK_SANDBOX.token}`).toString('base64')}` } : {};
  const cookies: Record<string, string> = mode === 'session' ? { _zendesk_session: ZENDESK_SANDBOX.session } : {};
  const http = createHttpClient({ transport: inProcessTransport([sandbox], { seen, cookies }), platformLabel: 'Zendesk', headers: auth, sleep: async () => {} });
  return { ref: { platform: 'zendesk' as const, account: 'acme', conversationId, idIsGuess: false }, http, authMode: mode, botIdentity: { ids: [], names: [], emails: [] } };
}
const store = (): JournalStore => {
  const m = new Map<string, Journal>();
  return { get: async (k) => m.get(k) ?? null, put: async (j) => void m.set(j.key, structuredClone(j)) };
};
const policy = PolicySchema.parse({ version: 2 });

beforeEach(() => {
  sandbox = createZendeskSandbox();
  seen = [];
});

describe('Zendesk URL detection', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/12', '12'],
    ['https://my-co.zendesk.com/agent/tickets/9?foo=1', '9'],
    ['https://acme.zendesk.com/agent/tickets/12/events', '12'],
    ['https://acme.zendesk.com/agent/dashboard', null],
    ['https://acme.zendesk.com/agent/filters/360', null],
    ['https://acme.zendesk.com.evil.example/agent/tickets/1', null],
    ['http://acme.zendesk.com/agent/tickets/1', null],
  ])('%s → %s', (url, id) => {
    expect(zendeskAdapter.detect(url)?.conversationId ?? null).toBe(id);
  });
});

describe('Zendesk adapter against the sandbox', () => {
  it('reads who said what, internal notes and tags', async () => {
    sandbox.store.addMessage(8, 'agent', 'Internal: VIP customer', { internal: true });
    const c = await zendeskAdapter.read(ctx('8'));
    expect(c.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'agent', 'customer', 'agent']);
    expect(c.messages.at(-1)!.internal).toBe(true);
    expect(c.tags).toContain('returns');
  });

  it('escalates in 2 requests, escapes customer markup in the note, and every request is in the official spec', async () => {
    const c = ctx('10', 'session');
    const conversation = await zendeskAdapter.read(c);
    const plan = buildPlan(c.ref, conversation, { note: `Quote: <img src=x onerror="alert(1)">`, tags: ['sys_escalation'], target: { platform: 'zendesk', kind: 'group', id: '11', name: 'Returns team' }, routeReason: '', suspend: true }, policy);
    const before = seen.length;
    const done = await runJournal(newJournal(plan), zendeskAdapter, c, store());
    expect(done.steps.every((s) => s.status === 'done')).toBe(true);
    const writes = seen.slice(before);
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /api/v2/tickets/10/tags.json', 'PUT /api/v2/tickets/10.json']);
    expect(writes.every((r) => r.headers['x-csrf-token'] === ZENDESK_SANDBOX.csrf)).toBe(true);
    const state = sandbox.store.get(10)!;
    expect(state.tags).toEqual(expect.arrayContaining(['sys_escalation', 'sys_bot_paused']));
    expect(state.teamId).toBe(11);
    const notes = state.messages.filter((m) => m.internal);
    expect(notes).toHaveLength(1);
    expect(notes[0].html).not.toContain('<img');
    expect(notes[0].html).toContain('&lt;img');
    for (const r of seen) {
      const check = validateRequest(spec, { method: r.method, path: r.path, query: r.query, body: r.body });
      expect(check.errors, `${r.method} ${r.path}`).toEqual([]);
    }
  });

  it('finds a note that landed (hidden marker) so an uncertain retry does not post twice', async () => {
    const c = ctx('2');
    const conversation = await zendeskAdapter.read(c);
    const plan = buildPlan(c.ref, conversation, { note: 'n', tags: [], target: null, routeReason: '', suspend: false }, policy);
    const [noteOp] = zendeskAdapter.escalationOps(c, plan, ['note']);
    expect(await noteOp.alreadyApplied!()).toBe(false);
    await noteOp.run();
    expect(await noteOp.alreadyApplied!()).toBe(true);
  });

  it('routes to a view by its tag, and says plainly when a view cannot be matched', async () => {
    const c = ctx('3');
    const targets = await zendeskAdapter.listTargets(c);
    const tagged = targets.find((t) => t.kind === 'view' && t.viewTag)!;
    const untagged = targets.find((t) => t.kind === 'view' && !t.viewTag)!;
    const conversation = await zendeskAdapter.read(c);
    const plan = (target: typeof tagged) => buildPlan(c.ref, conversation, { note: 'n', tags: [], target, routeReason: '', suspend: false }, policy);
    for (const op of zendeskAdapter.escalationOps(c, plan(tagged), ['assign'])) await op.run();
    expect(sandbox.store.get(3)!.tags).toContain(tagged.viewTag);
    expect(() => zendeskAdapter.escalationOps(c, plan(untagged), ['assign'])).toThrow(/cannot be matched by a tag/);
  });

  it('Return to bot removes the stop tag and gives back the managing tags it removed', async () => {
    const c = ctx('1');
    const conversation = await zendeskAdapter.read(c);
    const p = PolicySchema.parse({ version: 2, suspend: { enabled: true, pause: { front: {}, gorgias: {}, zendesk: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] } } } });
    const plan = buildPlan(c.ref, conversation, { note: 'n', tags: ['sys_escalation'], target: null, routeReason: '', suspend: true }, p);
    await runJournal(newJournal(plan), zendeskAdapter, c, store());
    expect(sandbox.store.get(1)!.tags).not.toContain('bot_managed');
    for (const op of zendeskAdapter.resumeOps(c, plan)) await op.run();
    expect(sandbox.store.get(1)!.tags).toEqual(expect.arrayContaining(['bot_managed', 'sys_escalation']));
    expect(sandbox.store.get(1)!.tags).not.toContain('sys_bot_paused');
  });

  it('a session without the CSRF token is refused on writes', async () => {
    const res = await sandbox.handle({ method: 'PUT', host: 'acme.zendesk.com', path: '/api/v2/tickets/1/tags', query: {}, headers: {}, body: { tags: ['x'] }, cookies: { _zendesk_session: ZENDESK_SANDBOX.session } });
    expect(res?.status).toBe(403);
  });
});
