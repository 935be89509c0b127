import { afterEach, describe, expect, it } from 'vitest';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { recordLine } from '@/lib/record/codec';
import { resumeBot, runJournal } from '@/lib/executor/run';
import { ApiError, isApiError } from '@/lib/http/errors';
import { TransportError } from '@/lib/http/types';
import { gorgiasAdapter } from '@/lib/platforms/gorgias';
import { encodeMarker, hasMarker } from '@/lib/platforms/marker';
import type { Conversation } from '@/lib/schema/conversation';
import type { EscalationPlan, Journal, StepKind } from '@/lib/schema/plan';
import { defaultPolicy, type PauseConfig } from '@/lib/schema/policy';
import type { Target } from '@/lib/schema/target';
import { GORGIAS_SANDBOX, gorgiasTicketId } from '@/test/sandbox/platforms/gorgias';
import { SCENARIOS } from '@/test/sandbox/scenarios';
import { errorEnvelope } from '@/test/contracts/gorgias';
import { expectContract, gorgiasHarness, type Exchange, type HarnessOptions } from './helpers';
import { memoryStore } from '@/test/fixtures/journal-store';

// The reason tag rides in these requests too; its own tests (test/unit/record) check it, these the adapter's mechanics.
const NO_REASON_TAG = { ...defaultPolicy(), record: { ...defaultPolicy().record, reasonTag: false } };

const { users, teams, views } = GORGIAS_SANDBOX;
const RETURNS: Target = { platform: 'gorgias', kind: 'team', id: String(teams.returns.id), name: teams.returns.name };
const OMAR: Target = { platform: 'gorgias', kind: 'user', id: String(users.omar.id), name: users.omar.name };
const ESCALATIONS: Target = {
  platform: 'gorgias',
  kind: 'view',
  id: String(views.escalations.id),
  name: views.escalations.name,
  viewTag: 'sys_escalation',
};
const VIP: Target = { platform: 'gorgias', kind: 'view', id: String(views.vip.id), name: views.vip.name, viewTag: 'vip' };
const UNASSIGNED: Target = { platform: 'gorgias', kind: 'view', id: String(views.unassigned.id), name: views.unassigned.name };
const STOP_ONLY: PauseConfig = { stopTag: 'sys_bot_paused', removeTags: [] };
const STOP_AND_MANAGED: PauseConfig = { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] };
const NOTE = 'Customer asked for a person about order #A-10234.\n\nTried the self-service return; it failed.';

let exchanges: Exchange[] = [];
afterEach(() => {
  // Every request the adapter sent in the test, and every answer, against the written-down Gorgias contract.
  expectContract(exchanges);
  exchanges = [];
});

function setup(opts: HarnessOptions = {}) {
  const h = gorgiasHarness(opts);
  exchanges = h.exchanges;
  return h;
}

function planFor(
  c: Conversation,
  over: { target?: Target | null; pause?: PauseConfig | null; note?: string; tags?: string[] } = {},
): EscalationPlan {
  const plan = buildPlan(
    c.ref!,
    c,
    {
      note: over.note ?? NOTE,
      tags: over.tags ?? ['sys_escalation', 'sys_human_help'],
      target: over.target === undefined ? RETURNS : over.target,
      routeReason: 'rule',
      suspend: true,
    },
    NO_REASON_TAG,
  );
  return { ...plan, pause: over.pause === undefined ? STOP_ONLY : over.pause };
}

/** The write requests sent from index `from` on (reads are not part of the count). */
const writes = (h: ReturnType<typeof setup>, from: number) => h.seen.slice(from).filter((r) => r.method !== 'GET');

async function runOps(
  h: ReturnType<typeof setup>,
  plan: EscalationPlan,
  remaining: StepKind[] = ['tags', 'note', 'assign', 'pause'],
  key = 'human_request',
) {
  const ops = gorgiasAdapter.escalationOps(h.ctx(key), plan, remaining);
  for (const op of ops) await op.run();
  return ops;
}

const seed = (key: string) => SCENARIOS.find((s) => s.key === key)!;

async function failure(p: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (isApiError(e)) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('read', () => {
  it('reads the ticket oldest first with who said what, tags and a version stamp, in 4 requests', async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx('human_request'));
    const s = seed('human_request');
    expect(c.id).toBe('5001');
    expect(c.ref).toEqual({ platform: 'gorgias', account: 'acme', conversationId: '5001', idIsGuess: false });
    expect(c.source).toBe('api');
    expect(c.subject).toBe(s.subject);
    expect(c.messages.map((m) => [m.role, m.text, m.internal])).toEqual(s.messages.map((m) => [m.role, m.text, false]));
    expect(c.messages[0].author).toEqual({ id: '7001', name: 'Maria Lopez', email: 'maria.lopez@example.com' });
    expect(c.messages[1].author).toEqual({ id: String(users.bot.id), name: 'Aissist Bot', email: 'bot@acme-support.example' });
    for (const m of c.messages) expect(m.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(c.messages.map((m) => m.createdAt)).toEqual([...c.messages.map((m) => m.createdAt!)].sort());
    expect(c.tags).toEqual(['returns', 'bot_managed']);
    expect(c.assignee).toBeNull();
    expect(c.team).toBeNull();
    expect(c.inbox).toBeNull();
    expect(c.updatedStamp).toBe(h.ticket('human_request').updatedAt);
    // Ticket and messages, the users (who has the bot role; kept 10 minutes) and the signed-in user (the note's
    // sender) warmed for the click.
    expect(h.since(0).sort()).toEqual(['GET /api/messages', 'GET /api/tickets/5001', 'GET /api/users', 'GET /api/users/0']);
    expect(h.seen.find((r) => r.path === '/api/messages')!.query).toEqual({
      ticket_id: '5001',
      limit: '100',
      order_by: 'created_datetime:asc',
    });
  });

  it.each(SCENARIOS.map((s) => s.key))('tells customer, bot and agent apart in %s', async (key) => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx(key));
    const s = seed(key);
    expect(c.id).toBe(String(gorgiasTicketId(key)));
    expect(c.messages.map((m) => [m.role, m.text])).toEqual(s.messages.map((m) => [m.role, m.text]));
    expect(c.tags).toEqual(s.tags);
  });

  it('follows next_cursor through every page, keeping the order', async () => {
    const h = setup({ maxPageSize: 1 });
    const c = await gorgiasAdapter.read(h.ctx('let_me_check'));
    expect(c.messages.map((m) => m.text)).toEqual(seed('let_me_check').messages.map((m) => m.text));
    const pages = h.seen.filter((r) => r.path === '/api/messages');
    expect(pages).toHaveLength(4);
    expect(
      pages.slice(1).every((p) => typeof p.query.cursor === 'string' && p.query.ticket_id === String(gorgiasTicketId('let_me_check'))),
    ).toBe(true);
  });

  it('marks internal notes, reads HTML-only bodies as text, and keeps agents apart from the bot', async () => {
    const h = setup();
    const id = gorgiasTicketId('agent_handling');
    const t = h.sandbox.raw.ticket(id)!;
    h.sandbox.raw.addMessage(t, {
      channel: 'internal-note',
      via: 'helpdesk',
      fromAgent: true,
      sender: { kind: 'user', id: users.sam.id },
      bodyText: 'Exchange approved by Sam.',
      bodyHtml: '<p>Exchange approved by Sam.</p>',
      public: false,
    });
    h.sandbox.raw.addMessage(t, {
      channel: 'email',
      via: 'email',
      fromAgent: false,
      sender: { kind: 'customer', id: t.customerId },
      bodyText: '',
      bodyHtml: '<div>Label <b>received</b>,<br>thanks &amp; bye</div>',
      public: true,
    });
    const c = await gorgiasAdapter.read(h.ctx('agent_handling'));
    expect(c.messages.slice(-3).map((m) => [m.role, m.internal, m.text])).toEqual([
      ['customer', false, 'Thanks Dana!'],
      ['agent', true, 'Exchange approved by Sam.'],
      ['customer', false, 'Label received,\nthanks & bye'],
    ]);
    expect(c.messages[2]).toMatchObject({ role: 'agent', author: { name: 'Dana Agent' } });
  });

  it('uses the configured bot identity before the name heuristic', async () => {
    const h = setup({ botIdentity: { ids: [String(users.dana.id)], names: [], emails: [] } });
    const c = await gorgiasAdapter.read(h.ctx('agent_handling'));
    expect(c.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'bot', 'customer']);
  });

  it('shows the assignee and team after an assignment', async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx('bot_handoff'));
    await runOps(h, planFor(c, { target: OMAR }), ['assign'], 'bot_handoff');
    const after = await gorgiasAdapter.read(h.ctx('bot_handoff'));
    expect(after.assignee).toEqual({ id: String(users.omar.id), name: 'Omar Ruiz' });
    await runOps(h, planFor(c, { target: RETURNS }), ['assign'], 'bot_handoff');
    expect((await gorgiasAdapter.read(h.ctx('bot_handoff'))).team).toEqual({ id: '11', name: 'Returns team' });
  });

  it('says plainly when the ticket does not exist', async () => {
    const h = setup();
    const ctx = { ...h.ctx(), ref: { ...h.ctx().ref, conversationId: '999999' } };
    const e = await failure(gorgiasAdapter.read(ctx));
    expect(e.kind).toBe('not_found');
    expect(e.message).toBe('Could not read the ticket: Gorgias says it does not exist (it may have been deleted or merged).');
  });
});

describe('targets', () => {
  it('lists teams, the users who can take a ticket, and views with the tag that routes to them', async () => {
    const h = setup({ maxPageSize: 2 });
    const targets = await gorgiasAdapter.listTargets(h.ctx());
    expect(targets.filter((t) => t.kind === 'team').map((t) => [t.id, t.name])).toEqual([
      ['11', 'Returns team'],
      ['12', 'Billing team'],
      ['13', 'Tier 2 support'],
    ]);
    // Not the bot (its own user) and not Priya (deactivated).
    expect(targets.filter((t) => t.kind === 'user').map((t) => t.name)).toEqual(['Dana Agent', 'Omar Ruiz', 'Sam Lead']);
    expect(targets.filter((t) => t.kind === 'view').map((t) => [t.name, t.viewTag])).toEqual([
      ['Inbox', undefined],
      ['Escalations', 'sys_escalation'],
      ['VIP customers', 'vip'],
      ['Unassigned', undefined],
    ]);
    expect(targets.every((t) => t.platform === 'gorgias')).toBe(true);
    // Small pages: every list was followed past its first page.
    expect(h.seen.filter((r) => r.query.cursor).map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/teams', '/api/users', '/api/views']),
    );
  });

  it('answers from its cache for a minute', async () => {
    const h = setup();
    const first = await gorgiasAdapter.listTargets(h.ctx());
    const n = h.seen.length;
    expect(await gorgiasAdapter.listTargets(h.ctx('bot_handoff'))).toEqual(first);
    expect(h.seen.length).toBe(n);
  });
});

describe('responses are validated', () => {
  it('a ticket in an unexpected shape becomes one sentence naming the field, before anything is read from it', async () => {
    const h = setup({
      intercept: async (req, send) =>
        req.method === 'GET' && /\/api\/tickets\/\d+$/.test(req.url)
          ? { status: 200, headers: {}, body: { id: 'five', tags: 'vip' } }
          : send(req),
    });
    const e = await failure(gorgiasAdapter.read(h.ctx()));
    expect(e.kind).toBe('unexpected');
    expect(e.message).toBe(
      'Gorgias answered the request to read the ticket in a form Baton does not recognise (id: Invalid input: expected number, received string). Reload the page and retry; if it keeps happening, the Gorgias API may have changed.',
    );
  });
});

describe('escalation', () => {
  it('posts the note first, then the owner, then the tags with the stop tag on the tag endpoint: 3 writes', async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx());
    const plan = planFor(c);
    const before = h.seen.length;
    const ops = gorgiasAdapter.escalationOps(h.ctx(), plan, ['tags', 'note', 'assign', 'pause']);
    expect(h.seen.length).toBe(before); // building the operations sends nothing
    expect(ops.map((o) => o.covers)).toEqual([['note'], ['assign'], ['tags', 'pause']]);
    for (const op of ops) await op.run();

    // The team route reads who is assigned (to clear the bot); the pause is confirmed by reading the ticket back.
    expect(h.since(before)).toEqual([
      'POST /api/tickets/5001/messages',
      'GET /api/tickets/5001',
      'PUT /api/tickets/5001',
      'POST /api/tickets/5001/tags',
      'GET /api/tickets/5001',
    ]);
    expect(writes(h, before)).toHaveLength(3);
    const [note, update, tags] = writes(h, before);
    expect(note.body).toMatchObject({ channel: 'internal-note', via: 'api', from_agent: true, sender: { id: users.dana.id } });
    expect(Object.keys(note.body as object).sort()).toEqual(['body_html', 'body_text', 'channel', 'from_agent', 'sender', 'via']);
    expect(update.body).toEqual({ assignee_team: { id: 11 } });
    expect(tags.body).toEqual({ names: ['sys_escalation', 'sys_human_help', 'sys_bot_paused'] });

    const t = h.ticket('human_request');
    expect(t.tags).toEqual(['returns', 'bot_managed', 'sys_escalation', 'sys_human_help', 'sys_bot_paused']);
    expect(t.teamId).toBe(11);
    expect(t.notes).toHaveLength(1);
    expect(t.notes[0].senderId).toBe(users.dana.id);

    const after = await gorgiasAdapter.read(h.ctx());
    expect(after.messages.filter((m) => m.internal)).toHaveLength(1);
    expect(after.messages.at(-1)).toMatchObject({ role: 'agent', internal: true, author: { name: 'Dana Agent' } });
    expect(after.updatedStamp! > c.updatedStamp!).toBe(true);
  });

  it('the note is rich: body_html from the rendered note beside body_text, both with the hidden marker', async () => {
    const h = setup();
    const note = '**Escalation**: customer wants a person.\n\n- Order #A-10234\n- Tried the return form';
    const plan = planFor(await gorgiasAdapter.read(h.ctx()), { note });
    await runOps(h, plan, ['note']);
    const [stored] = h.ticket('human_request').notes;
    const marker = encodeMarker(plan.noteMarker);
    // The handoff record is the note's last paragraph, the marker after it.
    const record = recordLine(plan.record!);
    expect(stored.html).toBe(
      `<p><strong>Escalation</strong>: customer wants a person.</p><ul><li>Order #A-10234</li><li>Tried the return form</li></ul><p>${record}${marker}</p>`,
    );
    expect(stored.text).toBe(`Escalation: customer wants a person.\n\n- Order #A-10234\n- Tried the return form\n\n${record}${marker}`);
    expect(stored.text).not.toContain('**');
    expect(hasMarker(stored.html, plan.noteMarker) && hasMarker(stored.text, plan.noteMarker)).toBe(true);
  });

  it('assigns a user with assignee_user', async () => {
    const h = setup();
    const plan = planFor(await gorgiasAdapter.read(h.ctx()), { target: OMAR });
    const before = h.seen.length;
    await runOps(h, plan, ['tags', 'assign', 'pause']);
    const [update] = writes(h, before);
    expect(update.body).toMatchObject({ assignee_user: { id: users.omar.id } });
    expect(h.ticket('human_request').assigneeId).toBe(users.omar.id);
  });

  it("removes the bot's managing tags by name after the stop tag is on, and resume reverses exactly that", async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx());
    const plan = planFor(c, { pause: STOP_AND_MANAGED });
    const before = h.seen.length;
    const ops = await runOps(h, plan);
    expect(ops.map((o) => o.covers)).toEqual([['note'], ['assign'], ['tags', 'pause']]);
    expect(writes(h, before).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/tickets/5001/messages',
      'PUT /api/tickets/5001',
      'POST /api/tickets/5001/tags',
      'DELETE /api/tickets/5001/tags',
    ]);
    expect(writes(h, before).at(-1)!.body).toEqual({ names: ['bot_managed'] });
    expect(h.ticket('human_request').tags).toEqual(['returns', 'sys_escalation', 'sys_human_help', 'sys_bot_paused']);

    const mark = h.seen.length;
    const resume = gorgiasAdapter.resumeOps(h.ctx(), plan);
    expect(resume.map((o) => o.covers)).toEqual([['pause']]);
    for (const op of resume) await op.run();
    expect(h.since(mark)).toEqual(['POST /api/tickets/5001/tags', 'DELETE /api/tickets/5001/tags']);
    expect(h.seen.slice(mark).map((r) => r.body)).toEqual([{ names: ['bot_managed'] }, { names: ['sys_bot_paused'] }]);
    const t = h.ticket('human_request');
    expect(t.tags).toEqual(['returns', 'sys_escalation', 'sys_human_help', 'bot_managed']);
    expect(t.teamId).toBe(11); // the owner and the note stay
    expect(t.notes).toHaveLength(1);
  });

  it('tags are added and removed by name only: a tag added meanwhile is kept', async () => {
    const h = setup();
    const plan = planFor(await gorgiasAdapter.read(h.ctx()), { pause: STOP_AND_MANAGED });
    // Someone tags the ticket after Baton read it.
    const t = h.sandbox.raw.ticket(gorgiasTicketId('human_request'))!;
    h.sandbox.raw.addTags(t, [h.sandbox.raw.tagByName('vip', true)!.id]);
    await runOps(h, plan);
    expect(h.ticket('human_request').tags).toEqual(['returns', 'vip', 'sys_escalation', 'sys_human_help', 'sys_bot_paused']);
  });

  it('resume restores no tag the ticket did not have, and keeps a stop tag it already had', async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx('agent_handling'));
    const plan = planFor(c, { pause: STOP_AND_MANAGED }); // agent_handling has no bot_managed tag
    await runOps(h, plan, ['tags', 'note', 'assign', 'pause'], 'agent_handling');
    for (const op of gorgiasAdapter.resumeOps(h.ctx('agent_handling'), plan)) await op.run();
    expect(h.ticket('agent_handling').tags).toEqual(['returns', 'sys_escalation', 'sys_human_help']);
    expect(gorgiasAdapter.resumeOps(h.ctx(), { ...plan, pause: null })).toEqual([]);
    const hadStop = { ...plan, tagsBefore: [...plan.tagsBefore, 'sys_bot_paused'], pause: STOP_ONLY };
    expect(gorgiasAdapter.resumeOps(h.ctx(), hadStop)).toEqual([]);
  });

  it('routes to a view by adding its tag on the tag endpoint: no assignee is sent', async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx());
    const plan = planFor(c, { target: VIP });
    const before = h.seen.length;
    const ops = await runOps(h, plan);
    expect(ops.map((o) => o.covers)).toEqual([['note'], ['assign'], ['tags', 'pause']]);
    const [, route, tags] = writes(h, before);
    expect(route.body).toEqual({ names: ['vip'] });
    expect(tags.body).toEqual({ names: ['sys_escalation', 'sys_human_help', 'sys_bot_paused'] });
    const t = h.ticket('human_request');
    expect([t.teamId, t.assigneeId]).toEqual([null, null]);
    expect(t.tags).toEqual(['returns', 'bot_managed', 'vip', 'sys_escalation', 'sys_human_help', 'sys_bot_paused']);

    // A view whose tag is also an escalation tag: adding is by name, so the ticket carries it once.
    const h2 = setup();
    const plan2 = planFor(await gorgiasAdapter.read(h2.ctx()), { target: ESCALATIONS });
    await runOps(h2, plan2, ['tags', 'assign']);
    expect(h2.ticket('human_request').tags).toEqual(['returns', 'bot_managed', 'sys_escalation', 'sys_human_help']);
  });

  it('refuses a view no tag can match, before sending anything', async () => {
    const h = setup();
    const plan = planFor(await gorgiasAdapter.read(h.ctx()), { target: UNASSIGNED });
    const before = h.seen.length;
    const e = await failure(() => gorgiasAdapter.escalationOps(h.ctx(), plan, ['tags', 'note', 'assign', 'pause']));
    expect(e.kind).toBe('invalid');
    expect(e.message).toBe('This view cannot be matched by a tag, so Baton cannot route to it; pick a team or a user instead.');
    expect(h.seen.length).toBe(before);
    // Not asked to route: the view does not matter.
    expect(() => gorgiasAdapter.escalationOps(h.ctx(), plan, ['note'])).not.toThrow();
  });

  it('refuses targets Gorgias does not have', async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx());
    for (const kind of ['inbox', 'group'] as const) {
      const e = await failure(() =>
        gorgiasAdapter.escalationOps(h.ctx(), planFor(c, { target: { platform: 'gorgias', kind, id: '11', name: 'X' } }), ['assign']),
      );
      expect(e.message).toBe(`Gorgias has no ${kind}s to route to; pick a team, a user or a view.`);
    }
    const e = await failure(() => gorgiasAdapter.escalationOps(h.ctx(), planFor(c, { target: { ...RETURNS, id: 'tea_1' } }), ['assign']));
    expect(e.message).toMatch(/is not a Gorgias team/);
  });

  it('sends only the steps still to do, each covered once, the pause always in the last request', async () => {
    const h = setup();
    const plan = planFor(await gorgiasAdapter.read(h.ctx()), { pause: STOP_AND_MANAGED });
    const cases: [StepKind[], StepKind[][]][] = [
      [
        ['note', 'assign', 'pause'],
        [['note'], ['assign'], ['pause']],
      ],
      [
        ['assign', 'pause'],
        [['assign'], ['pause']],
      ],
      [['pause'], [['pause']]],
      [['tags'], [['tags']]],
      [['note'], [['note']]],
    ];
    for (const [remaining, covers] of cases) {
      expect(gorgiasAdapter.escalationOps(h.ctx(), plan, remaining).map((o) => o.covers)).toEqual(covers);
    }
    // Only the pause left: the stop tag goes on and the managing tags come off, the escalation tags stay.
    const mark = h.seen.length;
    await runOps(h, plan, ['pause']);
    expect(writes(h, mark).map((r) => r.body)).toEqual([{ names: ['sys_bot_paused'] }, { names: ['bot_managed'] }]);
    expect(h.ticket('human_request').tags).toEqual(['returns', 'sys_bot_paused']);
  });

  it('a retry after a lost answer sends the same additions again and the ticket ends the same', async () => {
    const h = setup();
    const plan = planFor(await gorgiasAdapter.read(h.ctx()), { target: VIP });
    await runOps(h, plan, ['tags', 'assign', 'pause']);
    const once = h.ticket('human_request');
    await runOps(h, plan, ['tags', 'assign', 'pause']);
    const twice = h.ticket('human_request');
    expect(twice.tags).toEqual(once.tags);
    expect([twice.teamId, twice.assigneeId, twice.notes.length]).toEqual([once.teamId, once.assigneeId, once.notes.length]);
  });

  it('completes steps that need no request (no tags, a pause without a stop tag)', async () => {
    const h = setup();
    const plan = planFor(await gorgiasAdapter.read(h.ctx()), { tags: [], pause: { stopTag: '', removeTags: [] } });
    const before = h.seen.length;
    const ops = await runOps(h, plan, ['tags', 'pause']);
    expect(ops.map((o) => o.covers)).toEqual([['tags', 'pause']]);
    expect(h.seen.length).toBe(before);
  });

  it('escapes customer text in the note: no HTML can form', async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx('injection'));
    const note = `Customer wrote: ${c.messages[0].text}\n<img src=x onerror=alert(1)> <script>alert(2)</script> <a href="javascript:alert(3)">x</a> **<b>bold</b>**`;
    await runOps(h, planFor(c, { note }), ['note'], 'injection');
    const [stored] = h.ticket('injection').notes;
    expect(stored.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(stored.html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(stored.html).toContain('&lt;a href=&quot;javascript:alert(3)&quot;&gt;');
    expect(stored.html).toContain('<strong>&lt;b&gt;bold&lt;/b&gt;</strong>');
    expect(stored.html).not.toMatch(/<(?!\/?(p|br|strong|ul|li)>)/);
    expect(stored.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('alreadyApplied() is false before the note landed and true after, and ignores public messages', async () => {
    const h = setup({ maxPageSize: 2 });
    const plan = planFor(await gorgiasAdapter.read(h.ctx()));
    const [note] = gorgiasAdapter.escalationOps(h.ctx(), plan, ['note']);
    expect(await note.alreadyApplied!()).toBe(false);
    // The same text as a public reply is not the note.
    const t = h.sandbox.raw.ticket(gorgiasTicketId('human_request'))!;
    h.sandbox.raw.addMessage(t, {
      channel: 'chat',
      via: 'helpdesk',
      fromAgent: true,
      sender: { kind: 'user', id: users.dana.id },
      bodyText: 'x' + '\u2060',
      bodyHtml: '<p>x</p>',
      public: true,
    });
    expect(await note.alreadyApplied!()).toBe(false);
    await note.run();
    // Older messages arrive after it: the newest page is read first and the search stops there.
    for (let i = 0; i < 3; i++) h.sandbox.addMessage(gorgiasTicketId('human_request'), 'customer', `follow-up ${i}`);
    const mark = h.seen.length;
    expect(await note.alreadyApplied!()).toBe(true);
    expect(h.seen.slice(mark).map((r) => r.query.order_by)).toEqual(['created_datetime:desc', 'created_datetime:desc']);
  });

  it('asks for the sender first when the worker restarted since the read', async () => {
    const h = setup();
    const plan = planFor(await gorgiasAdapter.read(h.ctx()));
    // A new worker starts with nothing cached.
    const { expireCaches } = await import('@/lib/platforms/cache');
    expireCaches();
    const before = h.seen.length;
    await runOps(h, plan);
    expect(h.since(before)).toEqual([
      'GET /api/users/0',
      'POST /api/tickets/5001/messages',
      'GET /api/tickets/5001',
      'PUT /api/tickets/5001',
      'POST /api/tickets/5001/tags',
      'GET /api/tickets/5001',
    ]);
  });
});

describe('with the journal', () => {
  it('a note that keeps failing leaves the bot NOT paused, no tag and no owner sent', async () => {
    const h = setup({
      intercept: async (req, send) =>
        req.method === 'POST' && /\/messages$/.test(req.url)
          ? { status: 503, headers: {}, body: { error: { msg: 'Service unavailable' } } }
          : send(req),
    });
    const ctx = h.ctx();
    const c = await gorgiasAdapter.read(ctx);
    const before = h.seen.length;
    const failed = await runJournal(
      newJournal(planFor(c, { pause: STOP_AND_MANAGED }), gorgiasAdapter.stepLayout),
      gorgiasAdapter,
      ctx,
      memoryStore(),
    );
    expect(failed.steps.find((s) => s.kind === 'note')!.status).toBe('failed');
    expect(failed.steps.find((s) => s.kind === 'pause')!.status).not.toBe('done');
    expect(writes(h, before).every((r) => r.method === 'POST' && /\/messages$/.test(r.path))).toBe(true);
    const t = h.ticket('human_request');
    expect(t.tags).toEqual(['returns', 'bot_managed']);
    expect([t.teamId, t.assigneeId]).toEqual([null, null]);
    exchanges = exchanges.filter((x) => x.response.status !== 503); // the made-up 503 is not the sandbox's answer
  });

  it('a note whose answer was lost is found by its marker on retry, never posted twice', async () => {
    let lose = true;
    const h = setup({
      intercept: async (req, send) => {
        const res = await send(req);
        if (lose && req.method === 'POST' && /\/messages$/.test(req.url)) {
          lose = false;
          throw new TransportError('timed out', 'timeout');
        }
        return res;
      },
    });
    const ctx = h.ctx();
    const c = await gorgiasAdapter.read(ctx);
    const store = memoryStore();
    const failed = await runJournal(
      newJournal(planFor(c, { pause: STOP_AND_MANAGED }), gorgiasAdapter.stepLayout),
      gorgiasAdapter,
      ctx,
      store,
    );
    const note = failed.steps.find((s) => s.kind === 'note')!;
    expect(note).toMatchObject({ status: 'failed', uncertain: true });
    expect(note.error).toBe(
      'Gorgias did not answer in time, so Baton does not know whether it could post the internal note. Retry checks before repeating it.',
    );
    // Nothing after the note was sent: the bot is still in charge, nobody half-owns the ticket.
    expect(h.ticket('human_request').tags).toEqual(['returns', 'bot_managed']);

    const before = h.seen.length;
    const done = await runJournal(failed, gorgiasAdapter, ctx, store);
    expect(done.steps.every((s) => s.status === 'done')).toBe(true);
    expect(h.since(before)).toEqual([
      'GET /api/messages',
      'GET /api/tickets/5001',
      'PUT /api/tickets/5001',
      'POST /api/tickets/5001/tags',
      'DELETE /api/tickets/5001/tags',
      'GET /api/tickets/5001',
    ]);
    expect(h.ticket('human_request').notes).toHaveLength(1);

    const resumed = await resumeBot(done, gorgiasAdapter, ctx, store);
    expect(resumed.resumedAt).toBeDefined();
    expect(h.ticket('human_request').tags).toEqual(['returns', 'sys_escalation', 'sys_human_help', 'bot_managed']);
  });

  it("a refused assignment fails with Gorgias's reason: no tag and no pause is sent, and the retry sends the owner and the tags", async () => {
    const h = setup();
    const ctx = h.ctx('bot_handoff');
    const c = await gorgiasAdapter.read(ctx);
    const priya: Target = { platform: 'gorgias', kind: 'user', id: String(users.priya.id), name: users.priya.name };
    const store = memoryStore();
    const failed = await runJournal(newJournal(planFor(c, { target: priya }), gorgiasAdapter.stepLayout), gorgiasAdapter, ctx, store);
    const assign = failed.steps.find((s) => s.kind === 'assign')!;
    expect(assign.status).toBe('failed');
    expect(assign.error).toBe(
      'Gorgias refused to assign the ticket to Priya Shah: Invalid data (assignee_user: User 105 does not exist or is deactivated).',
    );
    expect(failed.steps.filter((s) => s.status === 'done').map((s) => s.kind)).toEqual(['note']);
    expect(h.ticket('bot_handoff').tags).not.toContain('sys_bot_paused');

    const fixed: Journal = { ...failed, plan: { ...failed.plan, target: OMAR } };
    await store.put(fixed);
    const before = h.seen.length;
    const done = await runJournal(fixed, gorgiasAdapter, ctx, store);
    expect(done.steps.every((s) => s.status === 'done')).toBe(true);
    expect(writes(h, before).map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /api/tickets/${gorgiasTicketId('bot_handoff')}`,
      `POST /api/tickets/${gorgiasTicketId('bot_handoff')}/tags`,
    ]);
    expect(h.ticket('bot_handoff').notes).toHaveLength(1);
  });
});

describe('auth', () => {
  it('works with the agent session cookie alone (session mode)', async () => {
    const h = setup({ authMode: 'session' });
    const c = await gorgiasAdapter.read(h.ctx());
    expect(c.messages).toHaveLength(3);
    expect(h.seen.every((r) => !r.headers.authorization && r.cookies[GORGIAS_SANDBOX.sessionCookie])).toBe(true);
    await runOps(h, planFor(c));
    expect(h.ticket('human_request').notes).toHaveLength(1);
  });

  it('session refused: the sentence points to the API key in Options', async () => {
    const h = setup({ authMode: 'session', cookies: {} });
    const e = await failure(gorgiasAdapter.read(h.ctx()));
    expect(e.kind).toBe('auth');
    expect(e.status).toBe(401);
    expect(e.message).toMatch(
      /^Baton is not allowed to read the ticket(?: messages)? with your Gorgias session: Gorgias did not accept it for API requests\. Add your Gorgias email and API key in Options/,
    );
    // Sent without credentials on purpose; Gorgias's answer is its 401 envelope.
    expect(exchanges.length).toBeGreaterThan(0);
    for (const x of exchanges) {
      expect(x.response.status).toBe(401);
      expect(errorEnvelope.safeParse(x.response.body).success).toBe(true);
    }
    exchanges = [];
  });

  it('a write refused in session mode (403 or 400) becomes the sentence offering the API key; reads still work', async () => {
    for (const status of [403, 400] as const) {
      const h = setup({ authMode: 'session' });
      h.sandbox.refuseSessionWrites(status);
      const ctx = h.ctx();
      const c = await gorgiasAdapter.read(ctx);
      const failed = await runJournal(newJournal(planFor(c), gorgiasAdapter.stepLayout), gorgiasAdapter, ctx, memoryStore());
      const note = failed.steps.find((s) => s.kind === 'note')!;
      expect(note.status).toBe('failed');
      expect(note.error).toBe(
        "Could not post the internal note: Gorgias refused this change from your browser session; add your Gorgias email and API key in Baton's Options (Settings → REST API in Gorgias) and retry.",
      );
      expect(failed.steps.find((s) => s.kind === 'pause')!.status).toBe('pending');
      expect(h.ticket('human_request').tags).toEqual(['returns', 'bot_managed']);
    }
  });

  it('the same refusal with an API key is not about the session', async () => {
    const h = setup();
    h.sandbox.refuseSessionWrites(403); // applies to cookie-only requests; the key is accepted
    await runOps(h, planFor(await gorgiasAdapter.read(h.ctx())));
    expect(h.ticket('human_request').notes).toHaveLength(1);
  });

  it('API key refused: the usual sentence about the token in Options', async () => {
    const h = setup({ authorization: `Basic ${Buffer.from('agent@acme.example:wrong').toString('base64')}` });
    const e = await failure(gorgiasAdapter.whoAmI(h.ctx()));
    expect(e.kind).toBe('auth');
    expect(e.message).toBe(
      'Baton is not allowed to check the connection: Gorgias did not accept the sign-in. Check the token in Options, or sign in to Gorgias again.',
    );
  });

  it('whoAmI names the signed-in user', async () => {
    const h = setup();
    expect(await gorgiasAdapter.whoAmI(h.ctx())).toEqual({ id: String(users.dana.id), name: 'Dana Agent', email: 'agent@acme.example' });
    expect(h.since(0)).toEqual(['GET /api/users/0']);
  });
});
