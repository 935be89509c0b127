import { afterEach, describe, expect, it } from 'vitest';
import { buildPlan } from '@/lib/executor/plan';
import { checkOffline } from '@/lib/engine/offline';
import { gorgiasAdapter } from '@/lib/platforms/gorgias';
import { HANDOVER_TEXT } from '@/lib/platforms/gorgias/read';
import { aiAgentState, forgetBotUsers } from '@/lib/platforms/gorgias/bots';
import type { Conversation } from '@/lib/schema/conversation';
import type { EscalationPlan } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';
import type { Target } from '@/lib/schema/target';
import { runSetupCheck } from '@/lib/setup/run';
import { GORGIAS_SANDBOX, gorgiasTicketId } from '@/test/sandbox/platforms/gorgias';
import { expectContract, gorgiasHarness, type Exchange } from './helpers';

// The reason tag rides in these requests too; its own tests (test/unit/record) check it, these the adapter's mechanics.
const NO_REASON_TAG = { ...defaultPolicy(), record: { ...defaultPolicy().record, reasonTag: false } };

/**
 * Gorgias's own markers and switches (issue 19 items 6–8, 12, 13): the AI Agent by its bot role, its ai_handover
 * tag as its own handoff, e-mail replies read without the quoted thread, a team route that takes the ticket off
 * the bot, and tags that never wipe what a rule added between Baton's read and its write.
 */
const { users, teams } = GORGIAS_SANDBOX;
const RETURNS: Target = { platform: 'gorgias', kind: 'team', id: String(teams.returns.id), name: teams.returns.name };

let exchanges: Exchange[] = [];
afterEach(() => {
  expectContract(exchanges);
  exchanges = [];
});

function setup() {
  forgetBotUsers();
  const h = gorgiasHarness();
  exchanges = h.exchanges;
  return h;
}

function planFor(c: Conversation): EscalationPlan {
  const plan = buildPlan(
    c.ref!,
    c,
    { note: 'Handed over.', tags: ['sys_escalation'], target: RETURNS, routeReason: 'rule', suspend: true },
    NO_REASON_TAG,
  );
  return { ...plan, pause: { stopTag: 'sys_bot_paused', removeTags: [] } };
}

async function run(h: ReturnType<typeof setup>, key: string, plan: EscalationPlan) {
  for (const op of gorgiasAdapter.escalationOps(h.ctx(key), plan, ['note', 'assign', 'tags', 'pause'])) await op.run();
}

describe('Gorgias AI Agent', () => {
  it('is the bot by its role, whatever its persona is called, and its ai_handover tag is its own handoff', async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx('ai_agent_handover'));
    expect(c.messages.map((m) => [m.role, m.author?.name, m.text])).toEqual([
      ['customer', 'Jonas Berg', 'My headphones stopped charging after a week. Order #B-20417.'],
      ['bot', 'Sophie', 'Sorry about that! Have you tried another cable and power adapter?'],
      ['bot', 'Sophie', HANDOVER_TEXT],
      ['customer', 'Jonas Berg', 'Yes, two different cables. Still nothing.'],
    ]);
    expect(c.messages[2]).toMatchObject({ internal: false, author: { id: String(users.sophie.id) } });
    expect(c.messages[2].id).toBeUndefined();
    const verdict = checkOffline(c, defaultPolicy());
    expect(verdict.status).toBe('escalate');
    expect(JSON.stringify(verdict.signals)).toContain('Gorgias tag ai_handover');
  });

  it('without the tag there is no handover turn, and the users are listed once for many reads', async () => {
    const h = setup();
    await gorgiasAdapter.read(h.ctx('ai_agent_handover'));
    const raw = h.sandbox.raw;
    const t = raw.ticket(gorgiasTicketId('ai_agent_handover'))!;
    raw.removeTags(t, [raw.tagByName('ai_handover')!.id]);
    const c = await gorgiasAdapter.read(h.ctx('ai_agent_handover'));
    expect(c.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'customer']);
    expect(h.seen.filter((r) => r.path === '/api/users')).toHaveLength(1);
  });

  it('says what the AI Agent is doing, from its own tags (the strongest first)', async () => {
    const h = setup();
    expect((await gorgiasAdapter.read(h.ctx('ai_agent_handover'))).botState).toBe(
      'Gorgias AI Agent handed this ticket to your team (ai_handover)',
    );
    const raw = h.sandbox.raw;
    const t = raw.ticket(gorgiasTicketId('ai_agent_handover'))!;
    raw.removeTags(t, [raw.tagByName('ai_handover')!.id]);
    expect((await gorgiasAdapter.read(h.ctx('ai_agent_handover'))).botState).toBeUndefined();
    expect(aiAgentState(['ai_processing'])).toBe('Gorgias AI Agent is working on this ticket (ai_processing)');
    expect(aiAgentState(['ai_processing', 'ai_ignore'])).toBe('Gorgias AI Agent skips this ticket (ai_ignore)');
    expect(aiAgentState(['ai_close', 'vip'])).toBe('Gorgias AI Agent resolved this ticket (ai_close)');
  });

  it('a customer named like the bot is still the customer', async () => {
    const h = setup();
    const raw = h.sandbox.raw;
    const t = raw.ticket(gorgiasTicketId('ai_agent_handover'))!;
    raw.customers.get(t.customerId)!.name = 'Sophie';
    const c = await gorgiasAdapter.read({ ...h.ctx('ai_agent_handover'), botIdentity: { ids: [], names: ['Sophie'], emails: [] } });
    expect(c.messages.filter((m) => m.author?.name === 'Sophie' && m.role === 'customer')).toHaveLength(2);
  });

  it('a team route takes the ticket off the AI Agent: the bot assigned as user is cleared with the team', async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx('ai_agent_handover'));
    expect(c.assignee).toMatchObject({ id: String(users.sophie.id) });
    const mark = h.seen.length;
    await run(h, 'ai_agent_handover', planFor(c));
    expect(h.seen.slice(mark).find((r) => r.method === 'PUT')!.body).toEqual({
      assignee_team: { id: teams.returns.id },
      assignee_user: null,
    });
    const t = h.ticket('ai_agent_handover');
    expect([t.teamId, t.assigneeId]).toEqual([teams.returns.id, null]);
    expect(t.tags).toEqual(['ai_answered', 'ai_handover', 'sys_escalation', 'sys_bot_paused']);
  });

  it('a team route keeps a human agent who is assigned', async () => {
    const h = setup();
    const raw = h.sandbox.raw;
    raw.ticket(gorgiasTicketId('human_request'))!.assigneeUserId = users.omar.id;
    const c = await gorgiasAdapter.read(h.ctx('human_request'));
    await run(h, 'human_request', planFor(c));
    expect(h.ticket('human_request')).toMatchObject({ teamId: teams.returns.id, assigneeId: users.omar.id });
  });

  it('Check setup names the AI Agent and every author it treats as the bot', async () => {
    const h = setup();
    const report = await runSetupCheck(gorgiasAdapter, h.ctx(), 'acme');
    const bot = report.lines.find((l) => l.id === 'bot')!;
    expect(bot.state).toBe('ok');
    expect(bot.bot?.kind).toMatch(/Gorgias AI Agent/);
    expect(bot.bot?.authors).toEqual([
      { name: 'Aissist Bot <bot@acme-support.example>', why: 'name looks like a bot' },
      { name: 'Sophie <sophie@ai-agent.acme-support.example>', why: 'role bot' },
    ]);
    expect(bot.detail).toMatch(/Sophie <sophie@ai-agent\.acme-support\.example> \(role bot\)/);
  });
});

describe('e-mail replies', () => {
  it('are read from stripped_text: the quoted thread is not the customer asking again', async () => {
    const h = setup();
    const c = await gorgiasAdapter.read(h.ctx('email_quoted'));
    expect(c.messages.at(-1)).toMatchObject({ role: 'customer', text: 'Perfect, thank you Dana!' });
    expect(checkOffline(c, defaultPolicy()).status).toBe('none');
  });
});

describe('a request cut off with its tab', () => {
  it('the owner and the tags each say whether they landed, so a resumed escalation does not send them again', async () => {
    const h = setup();
    const plan = planFor(await gorgiasAdapter.read(h.ctx('human_request')));
    const [, assign, tags] = gorgiasAdapter.escalationOps(h.ctx('human_request'), plan, ['note', 'assign', 'tags', 'pause']);
    expect([await assign.alreadyApplied!(), await tags.alreadyApplied!()]).toEqual([false, false]);
    await assign.run();
    await tags.run();
    expect([await assign.alreadyApplied!(), await tags.alreadyApplied!()]).toEqual([true, true]);
  });
});

describe('tags without races', () => {
  it('a tag a Gorgias rule adds between the read and the write stays on the ticket', async () => {
    const h = setup();
    const id = gorgiasTicketId('human_request');
    h.sandbox.raw.ruleTags.set(id, { tag: 'vip', fired: false, pending: false });
    const plan = planFor(await gorgiasAdapter.read(h.ctx('human_request')));
    await run(h, 'human_request', plan);
    expect(h.sandbox.raw.ruleTags.get(id)!.fired).toBe(true);
    expect(h.ticket('human_request').tags).toEqual(['returns', 'bot_managed', 'vip', 'sys_escalation', 'sys_bot_paused']);
    // No write sends the full tag list: only names added or removed.
    expect(h.seen.filter((r) => r.method === 'PUT').every((r) => !('tags' in (r.body as object)))).toBe(true);
  });

  it('a pause tag Gorgias did not keep is a failed pause, never a success', async () => {
    const h = gorgiasHarness({
      intercept: async (req, send) =>
        req.method === 'POST' && /\/tags$/.test(req.url) ? { status: 201, headers: {}, body: null } : send(req),
    });
    const c = await gorgiasAdapter.read(h.ctx('human_request'));
    await expect(run(h, 'human_request', planFor(c))).rejects.toThrow(/did not keep the pause tag sys_bot_paused.*the bot is not paused/);
  });
});
