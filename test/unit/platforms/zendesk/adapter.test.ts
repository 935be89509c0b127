import { describe, expect, it } from 'vitest';
import { zendeskAdapter } from '@/lib/platforms/zendesk';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { runJournal, resumeBot, type JournalStore } from '@/lib/executor/run';
import { PolicySchema, type PolicyInput } from '@/lib/schema/policy';
import type { EscalationDraft } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import type { Target } from '@/lib/schema/target';
import { expectInSpec, zendeskHarness } from './helpers';
import { ZENDESK_SANDBOX } from '@/test/sandbox/platforms/zendesk';

const store = (): JournalStore => {
  const m = new Map<string, Journal>();
  return { get: async (k) => structuredClone(m.get(k) ?? null), put: async (j) => void m.set(j.key, structuredClone(j)) };
};
const PAUSING: PolicyInput = {
  version: 3,
  // The reason tag rides in these requests too; its own tests (test/unit/record) check it, these the adapter's mechanics.
  record: { reasonTag: false },
  suspend: { enabled: true, pause: { front: {}, gorgias: {}, zendesk: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] } } },
};
const policy = PolicySchema.parse(PAUSING);
const GROUP: Target = { platform: 'zendesk', kind: 'group', id: '11', name: 'Returns team' };
const draft = (over: Partial<EscalationDraft> = {}): EscalationDraft => ({
  note: 'n',
  tags: ['sys_escalation'],
  target: GROUP,
  routeReason: '',
  suspend: true,
  ...over,
});

async function planFor(h: ReturnType<typeof zendeskHarness>, id: string, over: Partial<EscalationDraft> = {}) {
  const c = h.ctx(id);
  const conversation = await zendeskAdapter.read(c);
  return { c, conversation, plan: buildPlan(c.ref, conversation, draft(over), policy) };
}

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

describe('Zendesk read', () => {
  it('reads who said what, internal notes, tags and the stamp the escalation will guard with', async () => {
    const h = zendeskHarness();
    h.sandbox.store.addMessage(8, 'agent', 'Internal: VIP customer', { internal: true });
    const c = await zendeskAdapter.read(h.ctx('8'));
    expect(c.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'agent', 'customer', 'agent']);
    expect(c.messages.at(-1)!.internal).toBe(true);
    expect(c.tags).toContain('returns');
    expect(c.updatedStamp).toBe(h.sandbox.store.get(8)!.updatedAt);
    expectInSpec(h.seen);
  });

  it('an answer in an unexpected shape becomes one plain sentence, not a crash later', async () => {
    const h = zendeskHarness({
      intercept: async (req, send) => {
        const res = await send(req);
        return /\/tickets\/8\.json$/.test(req.url) ? { ...res, body: { ticket: { id: 'eight' } } } : res;
      },
    });
    await expect(zendeskAdapter.read(h.ctx('8'))).rejects.toThrow(
      /Zendesk answered the request to read the ticket in a form Baton does not recognise \(ticket\.id/,
    );
  });
});

describe('Zendesk escalation: one ticket update', () => {
  it('sends note, group, tags, stop tag and the bot-tag removal in ONE safe update, as in the official spec', async () => {
    const h = zendeskHarness({ authMode: 'session' });
    const { c, conversation, plan } = await planFor(h, '1', { note: '**Escalation**\nQuote: <img src=x onerror="alert(1)">' });
    const before = h.seen.length;
    const done = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, store());
    expect(done.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done']);

    const writes = h.writes(before);
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /api/v2/tickets/1.json']);
    const ticket = (writes[0].body as { ticket: Record<string, any> }).ticket;
    // The whole tag list from the read whose stamp guards the update: bot_managed off, the rest kept.
    expect(ticket).toMatchObject({
      group_id: 11,
      tags: ['returns', 'sys_escalation', 'sys_bot_paused'],
      safe_update: true,
      updated_stamp: conversation.updatedStamp,
      comment: { public: false },
    });
    expect(ticket.comment.html_body).toMatch(
      /^<p><strong>Escalation<\/strong><br>Quote: &lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;<\/p>/,
    );
    expect(writes[0].headers['x-csrf-token']).toBe('sandbox-csrf-token');
    expectInSpec(h.seen);

    const state = h.sandbox.store.get(1)!;
    expect(state.tags).toEqual(expect.arrayContaining(['returns', 'sys_escalation', 'sys_bot_paused']));
    expect(state.tags).not.toContain('bot_managed');
    expect(state.teamId).toBe(11);
    expect(state.messages.filter((m) => m.internal)).toHaveLength(1);
  });

  it('a note that keeps failing leaves the bot working: no stop tag, no removed bot tag, every step failed', async () => {
    const h = zendeskHarness({
      intercept: async (req, send) =>
        req.method === 'PUT' ? { status: 503, headers: {}, body: { error: 'ServiceUnavailable' } } : send(req),
    });
    const { c, plan } = await planFor(h, '1');
    const failed = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, store());
    expect(failed.steps.map((s) => s.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(failed.steps.find((s) => s.kind === 'pause')!.error).toMatch(
      /server error \(503\).*post the internal note, assign the ticket, add the tags and pause the bot\. .*Nothing was changed, so the bot is not paused/,
    );
    const state = h.sandbox.store.get(1)!;
    expect(state.tags).toContain('bot_managed');
    expect(state.tags).not.toContain('sys_bot_paused');
    expect(state.messages.some((m) => m.internal)).toBe(false);
  });

  it('a 409 (someone changed the ticket) re-reads the stamp and retries once', async () => {
    const h = zendeskHarness();
    const { c, plan } = await planFor(h, '2');
    const fresh = h.sandbox.store.addMessage(2, 'customer', 'Are you there?')!.createdAt;
    const before = h.seen.length;
    const done = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, store());
    expect(done.steps.every((s) => s.status === 'done')).toBe(true);
    const puts = h.seen.slice(before).filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect((puts[1].body as any).ticket.updated_stamp).toBe(fresh);
    expect(h.sandbox.store.get(2)!.messages.filter((m) => m.internal)).toHaveLength(1);
  });

  it('a 409 after the note already landed does not post it again', async () => {
    let lost = false;
    const h = zendeskHarness({
      intercept: async (req, send) => {
        const res = await send(req);
        // The first update lands, but its answer is a conflict (another update raced it).
        if (req.method === 'PUT' && !lost) {
          lost = true;
          return { status: 409, headers: {}, body: { error: 'UpdateConflict', description: 'conflict' } };
        }
        return res;
      },
    });
    const { c, plan } = await planFor(h, '3');
    const before = h.seen.length;
    const done = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, store());
    expect(done.steps.every((s) => s.status === 'done')).toBe(true);
    expect(h.writes(before)).toHaveLength(1);
    expect(h.sandbox.store.get(3)!.messages.filter((m) => m.internal)).toHaveLength(1);
  });

  it('a conflict that persists fails with a sentence naming what was not done', async () => {
    let puts = 0;
    const h = zendeskHarness({
      intercept: async (req, send) =>
        req.method === 'PUT' ? (puts++, { status: 409, headers: {}, body: { error: 'UpdateConflict' } }) : send(req),
    });
    const { c, plan } = await planFor(h, '3');
    const failed = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, store());
    expect(failed.steps[0].error).toMatch(
      /^Could not post the internal note, assign the ticket, add the tags and pause the bot: someone else changed/,
    );
    expect(puts).toBe(2);
  });

  it('finds a note that landed (hidden marker) so an uncertain retry does not post twice', async () => {
    const h = zendeskHarness();
    const { c, plan } = await planFor(h, '2', { tags: [], target: null, suspend: false });
    const [op] = zendeskAdapter.escalationOps(c, plan, ['note']);
    expect(await op.alreadyApplied!()).toBe(false);
    await op.run();
    expect(await op.alreadyApplied!()).toBe(true);
  });

  it('routes to a view by its tag in the same update, and says plainly when a view cannot be matched', async () => {
    const h = zendeskHarness();
    const targets = await zendeskAdapter.listTargets(h.ctx(''));
    const tagged = targets.find((t) => t.kind === 'view' && t.viewTag)!;
    const untagged = targets.find((t) => t.kind === 'view' && !t.viewTag)!;
    const { c, plan } = await planFor(h, '4', { target: tagged, tags: ['sys_escalation'], suspend: false });
    const ops = zendeskAdapter.escalationOps(c, plan, ['tags', 'note', 'assign']);
    expect(ops).toHaveLength(1);
    await ops[0].run();
    expect(h.sandbox.store.get(4)!.tags).toEqual(expect.arrayContaining([tagged.viewTag!, 'sys_escalation']));
    const bad = buildPlan(c.ref, await zendeskAdapter.read(c), draft({ target: untagged }), policy);
    expect(() => zendeskAdapter.escalationOps(c, bad, ['assign'])).toThrow(/cannot be matched by a tag/);
  });

  it('Return to bot is one update: the stop tag off, the managing tags it removed back', async () => {
    const h = zendeskHarness();
    const { c, plan } = await planFor(h, '1');
    const s = store();
    const done = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, s);
    const before = h.seen.length;
    await resumeBot(done, zendeskAdapter, c, s);
    const writes = h.writes(before);
    expect(writes).toHaveLength(1);
    const stamp = h.sandbox.store.get(1)!.updatedAt;
    expect(writes[0].body).toEqual({
      ticket: { tags: ['returns', 'sys_escalation', 'bot_managed'], safe_update: true, updated_stamp: expect.any(String) },
    });
    expect((writes[0].body as any).ticket.updated_stamp).not.toBe(stamp);
    expectInSpec(writes);
    const tags = h.sandbox.store.get(1)!.tags;
    expect(tags).toEqual(expect.arrayContaining(['bot_managed', 'sys_escalation']));
    expect(tags).not.toContain('sys_bot_paused');
  });
});

describe('Zendesk auth on writes', () => {
  it('a token request that also carries the session cookie is refused like the real app, in a plain sentence', async () => {
    const h = zendeskHarness({ authMode: 'token', cookies: { _zendesk_session: 'sandbox-zendesk-session' } });
    const { c, plan } = await planFor(h, '5');
    const failed = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, store());
    expect(failed.steps[0].error).toMatch(/a Zendesk cookie travelled with it/);
    expect(h.sandbox.store.get(5)!.tags).not.toContain('sys_bot_paused');
  });

  it('a session whose CSRF token was rotated fetches the new one and retries once', async () => {
    const h = zendeskHarness({ authMode: 'session' });
    const { c, plan } = await planFor(h, '7');
    const original = ZENDESK_SANDBOX.csrf;
    ZENDESK_SANDBOX.csrf = 'rotated-csrf-token';
    try {
      const done = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, store());
      expect(done.steps.every((s) => s.status === 'done')).toBe(true);
      expect(h.writes().map((r) => r.headers['x-csrf-token'])).toEqual([original, 'rotated-csrf-token']);
      expect(h.sandbox.store.get(7)!.messages.filter((m) => m.internal)).toHaveLength(1);
    } finally {
      ZENDESK_SANDBOX.csrf = original;
    }
  });

  it('token requests without cookies and session requests with the CSRF token both go through', async () => {
    for (const authMode of ['token', 'session'] as const) {
      const h = zendeskHarness({ authMode });
      const { c, plan } = await planFor(h, '6');
      const done = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, store());
      expect(
        done.steps.every((s) => s.status === 'done'),
        authMode,
      ).toBe(true);
      const put = h.writes()[0];
      expect(put.headers['x-csrf-token'], authMode).toBe(authMode === 'session' ? 'sandbox-csrf-token' : undefined);
    }
  });
});
