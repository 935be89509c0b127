import { afterEach, describe, expect, it } from 'vitest';
import { frontAdapter } from '@/lib/platforms/front';
import { expireCaches } from '@/lib/platforms/cache';
import { hasMarker } from '@/lib/platforms/marker';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { recordLine } from '@/lib/record/codec';
import { resumeBot, runJournal } from '@/lib/executor/run';
import { createHttpClient } from '@/lib/http/client';
import { isApiError } from '@/lib/http/errors';
import type { Conversation } from '@/lib/schema/conversation';
import type { EscalationPlan, StepKind } from '@/lib/schema/plan';
import { defaultPolicy, type PauseConfig } from '@/lib/schema/policy';
import type { Target } from '@/lib/schema/target';
import { FRONT_SANDBOX } from '@/test/sandbox/platforms/front';
import { SCENARIOS } from '@/test/sandbox/scenarios';
import { expectContract, frontHarness, NO_IDENTITY, type Exchange } from './helpers';
import { memoryStore } from '@/test/fixtures/journal-store';

// The reason tag rides in these requests too; its own tests (test/unit/record) check it, these the adapter's mechanics.
const NO_REASON_TAG = { ...defaultPolicy(), record: { ...defaultPolicy().record, reasonTag: false } };

const { inboxes, teammates, views } = FRONT_SANDBOX;
const RETURNS: Target = { platform: 'front', kind: 'inbox', id: inboxes.returns.id, name: inboxes.returns.name };
const DANA: Target = { platform: 'front', kind: 'user', id: teammates.dana.id, name: teammates.dana.name };
const DEFAULT_PAUSE: PauseConfig = { stopTag: 'sys_bot_paused', removeTags: [] };

let exchanges: Exchange[] = [];
afterEach(() => {
  // Every request the adapter sent in the test, and the sandbox's answer, against Front's spec.
  expectContract(exchanges);
  exchanges = [];
});

function setup(opts: Parameters<typeof frontHarness>[0] = {}) {
  const h = frontHarness(opts);
  exchanges = h.exchanges;
  return h;
}

function planFor(conversation: Conversation, over: Partial<EscalationPlan> & { suspend?: boolean } = {}): EscalationPlan {
  const { suspend = true, ...rest } = over;
  const plan = buildPlan(
    conversation.ref!,
    conversation,
    {
      note: 'Customer asked for a person about order #A-10234.',
      tags: ['sys_escalation', 'sys_human_help'],
      target: RETURNS,
      routeReason: 'rule',
      suspend,
    },
    NO_REASON_TAG,
  );
  return { ...plan, ...rest };
}

/** What the sidebar does on opening a conversation: read it and list the targets (tags come with them). */
async function open(h: ReturnType<typeof setup>, key = 'human_request') {
  const [c] = await Promise.all([frontAdapter.read(h.ctx(key)), frontAdapter.listTargets(h.ctx(key))]);
  return c;
}

async function runAll(h: ReturnType<typeof setup>, plan: EscalationPlan, key = 'human_request') {
  return runJournal(newJournal(plan, frontAdapter.stepLayout), frontAdapter, h.ctx(key), memoryStore());
}

const text = (key: string, i: number) => SCENARIOS.find((s) => s.key === key)!.messages[i].text;

describe('read', () => {
  it('reads the conversation oldest first, with who said what, tags and a version stamp', async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx('human_request'));
    expect(c.id).toBe('cnv_rt');
    expect(c.ref).toEqual({ platform: 'front', account: 'app', conversationId: 'cnv_rt', idIsGuess: false });
    expect(c.source).toBe('api');
    expect(c.subject).toBe('Return for damaged blender');
    expect(c.messages.map((m) => [m.role, m.text, m.internal])).toEqual([
      ['customer', text('human_request', 0), false],
      ['bot', text('human_request', 1), false],
      ['customer', text('human_request', 2), false],
    ]);
    expect(c.messages[0].author).toEqual({ name: 'Maria Lopez', email: 'maria.lopez@example.com' });
    expect(c.messages[1].author).toEqual({ id: teammates.bot.id, name: 'Aissist Bot', email: 'bot@acme-support.example' });
    expect(c.messages.map((m) => m.createdAt)).toEqual([...c.messages.map((m) => m.createdAt)].sort());
    expect(c.tags).toEqual(['returns', 'bot_managed']);
    // Reads do not list inboxes (only a pause that leaves the bot's inbox needs them): unknown, not "none".
    expect(c.inbox).toBeUndefined();
    expect(c.assignee).toBeNull();
    expect(c.updatedStamp).toMatch(/^\d+$/);
    expect(h.since(0).sort()).toEqual([
      'GET /conversations/cnv_rt',
      'GET /conversations/cnv_rt/comments',
      'GET /conversations/cnv_rt/messages',
    ]);
  });

  it('puts internal comments in their place, distinct from what the customer saw', async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx('agent_handling'));
    expect(c.messages.map((m) => [m.role, m.internal])).toEqual([
      ['customer', false],
      ['bot', false],
      ['agent', true],
      ['agent', false],
      ['customer', false],
    ]);
    expect(c.messages[2].text).toMatch(/^Taking this one/);
    expect(c.messages[2].id).toMatch(/^com_/);
    expect(c.messages[3].author?.name).toBe('Dana Agent');
  });

  it('follows every page of messages and tags when Front pages them', async () => {
    const h = setup({ maxPageSize: 2 });
    const c = await frontAdapter.read(h.ctx('let_me_check'));
    expect(c.messages.map((m) => m.text)).toEqual(SCENARIOS.find((s) => s.key === 'let_me_check')!.messages.map((m) => m.text));
    const messagePages = h.exchanges.filter((e) => e.req.path.endsWith('/messages'));
    expect(messagePages).toHaveLength(2);
    expect(messagePages[1].req.query.page_token).toBeTruthy();
    await frontAdapter.listTargets(h.ctx('let_me_check'));
    expect(h.exchanges.filter((e) => e.req.path === '/tags').length).toBeGreaterThan(2);
    // The escalation then finds every tag id and the author without another lookup.
    const mark = h.exchanges.length;
    await runAll(h, planFor(c), 'let_me_check');
    expect(h.since(mark)).toEqual([
      'POST /conversations/cnv_ry/comments',
      'PATCH /conversations/cnv_ry',
      'POST /conversations/cnv_ry/tags',
    ]);
  });

  it('takes the bot identity from the policy when given (ids, names or emails)', async () => {
    const h = setup();
    const byId = await frontAdapter.read(h.ctx('agent_handling', { ...NO_IDENTITY, ids: [teammates.dana.id] }));
    expect(byId.messages.filter((m) => !m.internal).map((m) => m.role)).toEqual(['customer', 'bot', 'bot', 'customer']);
  });

  it('follows a merged conversation (301) to the one it was merged into', async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx(FRONT_SANDBOX.mergedConversation));
    expect(c.id).toBe('cnv_rt');
    expect(c.ref?.conversationId).toBe('cnv_rt');
    expect(c.messages.map((m) => m.text)).toEqual([text('human_request', 0), text('human_request', 1), text('human_request', 2)]);
    expect(h.exchanges.find((e) => e.req.path === `/conversations/${FRONT_SANDBOX.mergedConversation}`)?.res?.status).toBe(301);
    expect(h.since(0)).toContain('GET /conversations/cnv_rt/messages');
  });

  it('says plainly when the token is missing or wrong, and when the conversation does not exist', async () => {
    for (const token of [null, 'wrong-token']) {
      const h = setup({ token });
      const e = await frontAdapter.read(h.ctx()).catch((x: unknown) => x);
      expect(isApiError(e) && e.kind).toBe('auth');
      expect((e as Error).message).toMatch(
        /^Baton is not allowed to read the conversation: Front did not accept the sign-in\. Check the token in Options/,
      );
    }
    const h = setup();
    const e = await frontAdapter.read(h.ctx('cnv_zzzz')).catch((x: unknown) => x);
    expect(isApiError(e) && e.kind).toBe('not_found');
  });

  it('never follows a next page onto another host', async () => {
    const http = createHttpClient({
      platformLabel: 'Front',
      sleep: async () => {},
      transport: async (req) => {
        const path = new URL(req.url).pathname;
        if (path === '/conversations/cnv_rt') return { status: 200, headers: {}, body: { id: 'cnv_rt', tags: [] } };
        if (path.endsWith('/messages'))
          return {
            status: 200,
            headers: {},
            body: { _pagination: { next: 'https://evil.example/conversations/cnv_rt/messages?page_token=x' }, _results: [] },
          };
        return { status: 200, headers: {}, body: { _results: [] } };
      },
    });
    const ctx = {
      ref: { platform: 'front' as const, account: 'app', conversationId: 'cnv_rt', idIsGuess: false },
      http,
      authMode: 'token' as const,
      botIdentity: NO_IDENTITY,
    };
    await expect(frontAdapter.read(ctx)).rejects.toThrow(/another address \(evil\.example\).*only sends your token to api2\.frontapp\.com/);
  });

  it('whoAmI names the company the token belongs to', async () => {
    const h = setup();
    expect(await frontAdapter.whoAmI(h.ctx())).toEqual({ id: 'cmp_acme', name: 'Acme Support' });
  });
});

describe('listTargets', () => {
  it('lists inboxes, people and views, with the tag that routes to a view, cached for a minute', async () => {
    const h = setup();
    const targets = await frontAdapter.listTargets(h.ctx());
    expect(targets.filter((t) => t.kind === 'inbox').map((t) => t.name)).toEqual([
      'Returns team',
      'Billing team',
      'Tier 2 support',
      'Bot inbox',
    ]);
    // Not the bot's seat, the API user or a blocked seat.
    expect(targets.filter((t) => t.kind === 'user').map((t) => [t.id, t.name])).toEqual([
      [teammates.dana.id, 'Dana Agent'],
      [teammates.sam.id, 'Sam Lead'],
    ]);
    expect(targets.filter((t) => t.kind === 'view').map((t) => [t.id, t.name, t.viewTag])).toEqual([
      [views.escalations, 'Escalations', 'sys_escalation'],
      [views.vip, 'VIP customers', 'vip'],
      [views.tier2Queue, 'Tier 2 queue', undefined],
      [views.returnsInTier2, 'Returns in Tier 2', undefined],
    ]);
    const mark = h.exchanges.length;
    expect(await frontAdapter.listTargets(h.ctx())).toEqual(targets);
    expect(h.exchanges.length).toBe(mark);
  });

  it('after Refresh, an inbox and a tag renamed in Front show their new names', async () => {
    const h = setup();
    const named = (ts: Target[]) => ts.filter((t) => t.kind !== 'user').map((t) => [t.name, t.viewTag]);
    expect(named(await frontAdapter.listTargets(h.ctx()))).toContainEqual(['VIP customers', 'vip']);
    h.sandbox.raw.inboxes.find((i) => i.name === 'Returns team')!.name = 'Returns and exchanges';
    h.sandbox.raw.tagByName('vip')!.name = 'vip-customer';
    // What the worker does when the agent presses Refresh (see the targets handler).
    expireCaches();
    const fresh = named(await frontAdapter.listTargets(h.ctx()));
    expect(fresh).toContainEqual(['Returns and exchanges', undefined]);
    expect(fresh).toContainEqual(['VIP customers', 'vip-customer']);
  });
});

describe('escalation', () => {
  it('notes, moves, then tags with the stop tag last: exactly 3 requests after opening, one note by the agent', async () => {
    const h = setup();
    const c = await open(h);
    const mark = h.exchanges.length;
    const journal = await runAll(h, planFor(c));
    expect(journal.steps.map((s) => [s.kind, s.status])).toEqual([
      ['note', 'done'],
      ['assign', 'done'],
      ['tags', 'done'],
      ['pause', 'done'],
    ]);
    expect(h.since(mark)).toEqual([
      'POST /conversations/cnv_rt/comments',
      'PATCH /conversations/cnv_rt',
      'POST /conversations/cnv_rt/tags',
    ]);
    expect(h.exchanges.slice(mark).map((e) => e.res?.status)).toEqual([201, 204, 204]);
    expect(h.exchanges[mark].req.body).toMatchObject({ author_id: teammates.dana.id });
    expect(h.exchanges[mark + 1].req.body).toEqual({ inbox_id: inboxes.returns.id });
    expect(h.exchanges[mark + 2].req.body).toEqual({ tag_ids: expect.any(Array) });
    expect(h.conv('human_request').notes[0].authorId).toBe(teammates.dana.id);
    const after = h.conv('human_request');
    expect(after.tags).toEqual(['returns', 'bot_managed', 'sys_escalation', 'sys_human_help', 'sys_bot_paused']);
    expect(after.inboxId).toBe(inboxes.returns.id);
    expect(after.notes).toHaveLength(1);
    expect(hasMarker(after.notes[0].text, journal.plan.noteMarker)).toBe(true);
    // Reading back shows the note as plain text (the handoff record as its last line), and the new inbox.
    const back = await frontAdapter.read(h.ctx());
    expect(back.messages.filter((m) => m.internal).map((m) => m.text.replace(/[\u200b\u200c\u2060]/g, ''))).toEqual([
      `Customer asked for a person about order #A-10234.\n\n${recordLine(journal.plan.record!)}`,
    ]);
    expect(Number(back.updatedStamp)).toBeGreaterThan(Number(c.updatedStamp));
  });

  it('assigns a teammate with PATCH assignee_id', async () => {
    const h = setup();
    const c = await open(h);
    await runAll(h, planFor(c, { target: DANA }));
    expect(h.exchanges.find((e) => e.req.method === 'PATCH')!.req).toMatchObject({ body: { assignee_id: teammates.dana.id } });
    expect(h.conv('human_request').assigneeId).toBe(teammates.dana.id);
    expect((await frontAdapter.read(h.ctx())).assignee).toEqual({ id: teammates.dana.id, name: 'Dana Agent' });
  });

  it('routes to a view by adding its tag, before the escalation tags and the stop tag', async () => {
    const h = setup();
    const c = await open(h);
    const vip = (await frontAdapter.listTargets(h.ctx())).find((t) => t.id === views.vip)!;
    const mark = h.exchanges.length;
    const journal = await runAll(h, planFor(c, { target: vip }));
    expect(journal.steps.every((s) => s.status === 'done')).toBe(true);
    expect(h.since(mark)).toEqual([
      'POST /conversations/cnv_rt/comments',
      'POST /conversations/cnv_rt/tags',
      'POST /conversations/cnv_rt/tags',
    ]);
    expect(h.conv('human_request').tags).toContain('vip');
    expect(h.conv('human_request').inboxId).toBe(inboxes.bot.id);
  });

  it('refuses a view no tag can match, in a plain sentence', async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx());
    const queue = (await frontAdapter.listTargets(h.ctx())).find((t) => t.id === views.tier2Queue)!;
    const why = 'This view cannot be matched by a tag, so Baton cannot route to it; pick an inbox or a teammate instead.';
    expect(() => frontAdapter.escalationOps(h.ctx(), planFor(c, { target: queue }), ['tags', 'note', 'assign', 'pause'])).toThrow(why);
    const journal = await runAll(h, planFor(c, { target: queue }));
    expect(journal.steps.find((s) => s.kind === 'note')).toMatchObject({ status: 'failed', error: why });
    expect(h.conv('human_request').notes).toHaveLength(0);
  });

  it("posts the customer's markup inert: no HTML, link or image can form in Front's Markdown", async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx('injection'));
    const note =
      'Customer wrote: <img src=x onerror=alert(1)> and [click me](https://evil.example) ![x](https://evil.example/p.png) <script>alert(1)</script> <a href="javascript:alert(1)">x</a> I\'m "angry"\n# not a heading\n1. not a list';
    await runAll(h, planFor(c, { note }), 'injection');
    const sent = h.exchanges.find((e) => e.req.method === 'POST' && e.req.path.endsWith('/comments'))!.req.body as { body: string };
    expect(sent.body).not.toMatch(/[<>]/);
    expect(sent.body).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(sent.body).not.toMatch(/(^|[^\\])[[\]()]/);
    expect(sent.body).toContain("I'm &quot;angry&quot;");
    expect(sent.body).not.toMatch(/<img|onerror="|javascript:/i);
    expect(sent.body).toMatch(/\n\\# not a heading {2}\n1\\\. not a list/);
    // Read back, the agent sees exactly what the note said.
    const back = await frontAdapter.read(h.ctx('injection'));
    expect(back.messages.find((m) => m.internal)!.text.replace(/[\u200b\u200c\u2060]/g, '')).toBe(note);
  });

  it('alreadyApplied tells whether the note landed: false before, true after', async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx());
    const plan = planFor(c);
    const [noteOp] = frontAdapter.escalationOps(h.ctx(), plan, ['note']);
    expect(noteOp.covers).toEqual(['note']);
    expect(await noteOp.alreadyApplied!()).toBe(false);
    await noteOp.run();
    expect(await noteOp.alreadyApplied!()).toBe(true);
    // Another plan's marker is not this one.
    const [other] = frontAdapter.escalationOps(h.ctx(), { ...plan, noteMarker: 'btother' }, ['note']);
    expect(await other.alreadyApplied!()).toBe(false);
  });

  it('an uncertain note is checked before it is sent again', async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx());
    const plan = planFor(c);
    const [noteOp] = frontAdapter.escalationOps(h.ctx(), plan, ['note']);
    await noteOp.run(); // landed, but the answer was lost
    const journal = newJournal(plan, frontAdapter.stepLayout);
    journal.steps = journal.steps.map((s) =>
      s.kind === 'tags' ? { ...s, status: 'done' } : s.kind === 'note' ? { ...s, status: 'failed', uncertain: true } : s,
    );
    const done = await runJournal(journal, frontAdapter, h.ctx(), memoryStore());
    expect(done.steps.every((s) => s.status === 'done')).toBe(true);
    expect(h.conv('human_request').notes).toHaveLength(1);
  });

  it('creates a missing tag once, as a company tag (never the legacy POST /tags), and reuses it afterwards', async () => {
    const h = setup();
    const first = await frontAdapter.read(h.ctx('human_request'));
    await runAll(h, planFor(first, { tags: ['sys_escalation', 'vip_followup'] }));
    const second = await frontAdapter.read(h.ctx('bot_handoff'));
    await runAll(h, planFor(second, { tags: ['vip_followup'] }), 'bot_handoff');
    expect(h.exchanges.filter((e) => e.req.method === 'POST' && e.req.path === '/company/tags').map((e) => e.req.body)).toEqual([
      { name: 'vip_followup', is_visible_in_conversation_lists: true },
    ]);
    expect(h.sandbox.state().counters.legacyTagsCreated).toBe(0);
    expect(h.conv('human_request').tags).toContain('vip_followup');
    expect(h.conv('bot_handoff').tags).toContain('vip_followup');
    expect(h.sandbox.state().counters.tagsCreated).toBe(1);
  });

  it("never resolves a name to a teammate's private tag: the escalation gets a shared one", async () => {
    const h = setup();
    const c = await open(h);
    const danas = h.sandbox.raw.tags.find((t) => t.name === 'urgent' && t.privateOf)!;
    await runAll(h, planFor(c, { tags: ['urgent'] }));
    const tagged = h.sandbox.raw.conversation('cnv_rt')!.tagIds.map((id) => h.sandbox.raw.tagById(id)!);
    const urgent = tagged.filter((t) => t.name === 'urgent');
    expect(urgent).toHaveLength(1);
    expect(urgent[0].id).not.toBe(danas.id);
    expect(urgent[0].privateOf).toBeUndefined();
  });

  it('lists the tags again when a cached id belongs to a tag deleted since', async () => {
    const h = setup();
    const c = await open(h);
    // Someone deletes sys_escalation in Front and creates it again: the cached id is stale.
    const raw = h.sandbox.raw;
    raw.tags = raw.tags.filter((t) => t.name !== 'sys_escalation');
    raw.createTag('sys_escalation');
    const mark = h.exchanges.length;
    const journal = await runAll(h, planFor(c));
    expect(journal.steps.every((s) => s.status === 'done')).toBe(true);
    expect(h.since(mark).slice(2)).toEqual(['POST /conversations/cnv_rt/tags', 'GET /tags', 'POST /conversations/cnv_rt/tags']);
    expect(h.exchanges[mark + 2].res?.status).toBe(404);
    expect(h.conv('human_request').tags).toContain('sys_escalation');
  });

  it('sends writes for a conversation merged after it was read to the one it was merged into', async () => {
    const h = setup();
    const c = await open(h);
    const plan = { ...planFor(c), conversationId: FRONT_SANDBOX.mergedConversation };
    const journal = await runJournal(newJournal(plan, frontAdapter.stepLayout), frontAdapter, h.ctx(), memoryStore());
    expect(journal.steps.every((s) => s.status === 'done')).toBe(true);
    expect(h.exchanges.filter((e) => e.req.method !== 'GET').map((e) => `${e.res?.status} ${e.req.method} ${e.req.path}`)).toEqual([
      `301 POST /conversations/${plan.conversationId}/comments`,
      '201 POST /conversations/cnv_rt/comments',
      `301 PATCH /conversations/${plan.conversationId}`,
      '204 PATCH /conversations/cnv_rt',
      `301 POST /conversations/${plan.conversationId}/tags`,
      '204 POST /conversations/cnv_rt/tags',
    ]);
    expect(h.conv('human_request').notes).toHaveLength(1);
  });

  it('covers only the steps still to do', async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx());
    const plan = planFor(c);
    const covers = (remaining: StepKind[]) => frontAdapter.escalationOps(h.ctx(), plan, remaining).map((o) => o.covers);
    expect(covers(['tags', 'note', 'assign', 'pause'])).toEqual([['note'], ['assign'], ['tags', 'pause']]);
    expect(covers(['assign', 'pause'])).toEqual([['assign'], ['pause']]);
    expect(covers(['pause'])).toEqual([['pause']]);
    expect(covers(['note'])).toEqual([['note']]);
    // A stop-tag-less pause with nothing to do completes without a request.
    const idle = frontAdapter.escalationOps(h.ctx(), { ...plan, pause: { stopTag: '', removeTags: [] } }, ['pause']);
    expect(idle.map((o) => o.covers)).toEqual([['pause']]);
    const mark = h.exchanges.length;
    await idle[0].run();
    expect(h.exchanges.length).toBe(mark);
  });
});

describe('pause and return to bot', () => {
  it('removes the managing tags only when configured, in one more request, and gives them back on resume', async () => {
    const h = setup();
    const c = await open(h);
    const plan = planFor(c, { pause: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed', 'not_on_it'] } });
    const mark = h.exchanges.length;
    const journal = await runAll(h, plan);
    expect(h.since(mark)).toEqual([
      'POST /conversations/cnv_rt/comments',
      'PATCH /conversations/cnv_rt',
      'POST /conversations/cnv_rt/tags',
      'DELETE /conversations/cnv_rt/tags',
    ]);
    expect(frontAdapter.escalationOps(h.ctx(), plan, ['tags', 'note', 'assign', 'pause']).map((o) => o.covers)).toEqual([
      ['note'],
      ['assign'],
      ['tags', 'pause'],
    ]);
    expect(h.conv('human_request').tags).toEqual(['returns', 'sys_escalation', 'sys_human_help', 'sys_bot_paused']);

    await resumeBot(journal, frontAdapter, h.ctx(), memoryStore());
    expect(h.conv('human_request').tags).toEqual(['returns', 'sys_escalation', 'sys_human_help', 'bot_managed']);
    // Routing stays: returning to the bot does not undo the escalation's move.
    expect(h.conv('human_request').inboxId).toBe(inboxes.returns.id);
  });

  it("leaves the bot's managing inbox with the move to the target inbox, and goes back on resume", async () => {
    const h = setup();
    const c = await open(h);
    const plan = planFor(c, { pause: { ...DEFAULT_PAUSE, managingInboxId: inboxes.bot.id } });
    // Reads do not list inboxes: an unknown inbox counts as the bot's, and resume moves it back there.
    expect(plan.inboxBefore).toBeUndefined();
    const mark = h.exchanges.length;
    const journal = await runAll(h, plan);
    expect(h.since(mark)).toHaveLength(3);
    expect(frontAdapter.escalationOps(h.ctx(), plan, ['tags', 'note', 'assign', 'pause']).map((o) => o.covers)).toEqual([
      ['note'],
      ['assign'],
      ['tags', 'pause'],
    ]);
    expect(h.conv('human_request').inboxId).toBe(inboxes.returns.id);

    const back = h.exchanges.length;
    await resumeBot(journal, frontAdapter, h.ctx(), memoryStore());
    expect(h.since(back)).toEqual(['DELETE /conversations/cnv_rt/tags', 'PATCH /conversations/cnv_rt']);
    expect(h.exchanges.at(-1)!.req.body).toEqual({ inbox_id: inboxes.bot.id });
    expect(h.conv('human_request').inboxId).toBe(inboxes.bot.id);
    expect(h.conv('human_request').tags).not.toContain('sys_bot_paused');
  });

  it('with a teammate target there is no inbox to move to: the stop tag pauses, or the pause says what it needs', async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx());
    const withTag = await runAll(h, planFor(c, { target: DANA, pause: { ...DEFAULT_PAUSE, managingInboxId: inboxes.bot.id } }));
    expect(withTag.steps.every((s) => s.status === 'done')).toBe(true);
    expect(h.conv('human_request').inboxId).toBe(inboxes.bot.id);

    const h2 = setup();
    const c2 = await frontAdapter.read(h2.ctx());
    const onlyInbox = await runAll(
      h2,
      planFor(c2, { target: DANA, pause: { stopTag: '', removeTags: [], managingInboxId: inboxes.bot.id } }),
    );
    // The pause shares the last request group with the tags; note and assignment are done before it.
    expect(onlyInbox.steps.map((s) => [s.kind, s.status])).toEqual([
      ['note', 'done'],
      ['assign', 'done'],
      ['tags', 'failed'],
      ['pause', 'failed'],
    ]);
    expect(onlyInbox.steps[3].error).toMatch(
      /^Baton could not pause the bot: .*needs an inbox as the target\. Route it to an inbox, or set a stop tag for Front in Options\.$/,
    );
  });

  it('does not move a conversation that was not in the managing inbox', async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx());
    const plan = planFor(c, { target: DANA, pause: { stopTag: '', removeTags: [], managingInboxId: inboxes.tier2.id } });
    const journal = await runAll(h, plan);
    expect(journal.steps.every((s) => s.status === 'done')).toBe(true);
    expect(frontAdapter.resumeOps(h.ctx(), plan)).toEqual([]);
  });

  it('resume without a pause does nothing', () => {
    const h = setup();
    const plan = { ...planFor({ id: 'cnv_rt', ref: h.ctx().ref, messages: [], tags: [], source: 'api' } as Conversation), pause: null };
    expect(frontAdapter.resumeOps(h.ctx(), plan)).toEqual([]);
  });
});

describe('rate limits', () => {
  it("waits for Front's reset when it answers 429, then carries on", async () => {
    let now = Date.parse('2026-11-20T12:00:00Z');
    // The client sleeps as long as Front says; the sandbox's clock moves with it.
    const h = setup({ rateLimitPerMinute: 2, now: () => now, sleep: async (ms) => void (now += ms) });
    const c = await frontAdapter.read(h.ctx());
    expect(c.messages).toHaveLength(3);
    const limited = h.exchanges.filter((e) => e.res?.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].res?.headers).toMatchObject({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': expect.stringMatching(/^\d+$/),
    });
    const fine = h.exchanges.find((e) => e.res?.status === 200)!;
    expect(fine.res?.headers).toMatchObject({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': expect.stringMatching(/^\d+$/) });
  });
});
