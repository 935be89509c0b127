import { describe, expect, it } from 'vitest';
import { zendeskAdapter } from '@/lib/platforms/zendesk';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { runJournal, type JournalStore } from '@/lib/executor/run';
import { handBack } from '@/lib/executor/handback';
import { PolicySchema } from '@/lib/schema/policy';
import type { EscalationDraft } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import type { Target } from '@/lib/schema/target';
import { expectInSpec, zendeskHarness } from './helpers';
import { QUOTED_PROMISE, SWITCHBOARD, ZENDESK_TICKETS } from '@/test/sandbox/platforms/zendesk';
import { AGENT_ID } from '@/test/sandbox/platforms/common';

const store = (): JournalStore => {
  const m = new Map<string, Journal>();
  return { get: async (k) => structuredClone(m.get(k) ?? null), put: async (j) => void m.set(j.key, structuredClone(j)) };
};
const policy = PolicySchema.parse({
  version: 3,
  suspend: { enabled: true, pause: { front: {}, gorgias: {}, zendesk: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] } } },
});
const GROUP: Target = { platform: 'zendesk', kind: 'group', id: '13', name: 'Tier 2 support' };
const DANA: Target = { platform: 'zendesk', kind: 'user', id: String(AGENT_ID), name: 'Dana Agent' };
const draft = (over: Partial<EscalationDraft> = {}): EscalationDraft => ({
  note: 'Customer wants a refund',
  tags: ['sys_escalation'],
  target: GROUP,
  routeReason: '',
  suspend: true,
  ...over,
});

async function escalate(h: ReturnType<typeof zendeskHarness>, id: number, over: Partial<EscalationDraft> = {}) {
  const c = h.ctx(String(id));
  const conversation = await zendeskAdapter.read(c);
  const plan = buildPlan(c.ref, conversation, draft(over), policy);
  const s = store();
  const before = h.seen.length;
  const journal = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, s);
  return { c, conversation, journal, s, sent: h.seen.slice(before) };
}

describe('Zendesk messaging tickets', () => {
  it('reads the chat from the conversation log, by author type: a customer named like a bot is the customer', async () => {
    const h = zendeskHarness({ botIdentity: { ids: [], names: ['Robbie Bot'], emails: [] } });
    const c = await zendeskAdapter.read(h.ctx(String(ZENDESK_TICKETS.messaging)));
    expect(c.readFrom).toBe('API comments and the conversation log');
    expect(c.messages.map((m) => [m.role, m.author?.name, m.internal])).toEqual([
      ['customer', 'Robbie Bot', false],
      ['bot', 'Aissist Bot', false],
      ['agent', 'Dana Agent', false],
      ['customer', 'Robbie Bot', false],
      ['agent', 'Sam Lead', true],
    ]);
    expect(c.messages[1].text).toMatch(/passing you to a colleague/);
    // A human answered in the chat after the bot: the bot no longer holds it.
    expect(c.botControl).toMatchObject({ bot: SWITCHBOARD.bot, holds: false });
    expect(h.seen.map((r) => r.path)).toContain(`/api/v2/tickets/${ZENDESK_TICKETS.messaging}/conversation_log.json`);
    expectInSpec(h.seen);
  });

  it('a messaging ticket whose log cannot be read fails the read with a sentence, so the page is read instead', async () => {
    const h = zendeskHarness({
      intercept: async (req, send) =>
        req.url.includes('conversation_log') ? { status: 404, headers: {}, body: { error: 'RecordNotFound' } } : send(req),
    });
    await expect(zendeskAdapter.read(h.ctx(String(ZENDESK_TICKETS.messaging)))).rejects.toThrow(
      /This is a messaging ticket and Zendesk did not give its conversation log .* so the chat is not in what Baton read\./,
    );
  });

  it('reads an e-mail ticket from the comments alone, without the log', async () => {
    const h = zendeskHarness();
    const c = await zendeskAdapter.read(h.ctx(String(ZENDESK_TICKETS.emailQuoted)));
    expect(c.readFrom).toBe('API comments');
    expect(h.seen.some((r) => r.path.includes('conversation_log'))).toBe(false);
  });

  it("prefers the page when it shows more turns, keeping the API's reading of the authors both show", () => {
    const c = {
      id: '1',
      messages: [{ role: 'bot' as const, author: { id: '-1', name: 'Aissist' }, text: 'I can help.', internal: false }],
      tags: [],
      source: 'api' as const,
    };
    // On the page the bot wears no badge, so the page alone would call it the customer.
    const page = [
      { role: 'customer' as const, author: { name: 'Aissist' }, text: 'I can help.', internal: false },
      { role: 'customer' as const, author: { name: 'Robbie' }, text: 'A person please.', internal: false },
    ];
    const better = zendeskAdapter.preferPage!(c, page)!;
    expect(better.why).toMatch(/page shows 2 messages but its API returned 1/);
    expect(better.messages.map((m) => m.role)).toEqual(['bot', 'customer']);
    expect(zendeskAdapter.preferPage!(c, page.slice(0, 1))).toBeNull();
  });
});

describe('Zendesk authors by markers', () => {
  it('the system user is the bot, and a team member replying publicly through the API is the bot whatever its name', async () => {
    const h = zendeskHarness();
    const t = h.sandbox.store.get(1)!;
    // A human-named bot: its only tell is the channel it posts through.
    h.sandbox.store.users.get(900)!.name = 'Olivia';
    h.sandbox.store.addMessage(1, 'bot', 'Automated: your return label is attached.', { authorId: -1 });
    h.sandbox.store.users.set(-1, { id: -1, name: 'Zendesk', email: 'system@zendesk.example', role: 'bot' });
    const c = await zendeskAdapter.read(h.ctx(String(t.id)));
    expect(c.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'customer', 'bot']);
    expect(c.messages[1].author?.name).toBe('Olivia');
  });
});

describe('Zendesk e-mail bodies', () => {
  it("drops the quoted history, so the customer quoting the bot's promise is not read as saying it", async () => {
    const h = zendeskHarness();
    const c = await zendeskAdapter.read(h.ctx(String(ZENDESK_TICKETS.emailQuoted)));
    const last = c.messages.at(-1)!;
    expect(last.role).toBe('customer');
    expect(last.text).toBe('Thanks, that is fine, I will wait for the email.');
    expect(c.messages.filter((m) => m.text.includes(QUOTED_PROMISE)).map((m) => m.role)).toEqual(['bot']);
  });
});

describe('Zendesk AI agent tickets', () => {
  it('without the switchboard key: one sentence on what to set up, and nothing is sent', async () => {
    const h = zendeskHarness();
    const { journal, sent, conversation } = await escalate(h, ZENDESK_TICKETS.aiAgent);
    expect(conversation.botControl).toEqual({ bot: SWITCHBOARD.bot, holds: true, label: expect.any(String) });
    expect(journal.steps.map((s) => s.kind)).toEqual(['pause', 'note', 'assign', 'tags']);
    expect(journal.steps[0]).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Conversations API key .* Options → Connections; nothing was changed\.$/),
    });
    expect(journal.steps.slice(1).every((s) => s.status === 'pending')).toBe(true);
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(h.sandbox.store.get(ZENDESK_TICKETS.aiAgent)!.messages.some((m) => m.internal)).toBe(false);
  });

  it('with the key: control passes to the agents first, then note, tags and routing; Return to bot hands it back', async () => {
    const h = zendeskHarness({ switchboard: true });
    const { c, journal, sent, s } = await escalate(h, ZENDESK_TICKETS.aiAgent);
    expect(journal.steps.every((x) => x.status === 'done')).toBe(true);
    const writes = sent.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /sc/v2/apps/${SWITCHBOARD.appId}/conversations/sc-conv-102/passControl`,
      `PUT /api/v2/tickets/${ZENDESK_TICKETS.aiAgent}.json`,
    ]);
    expect(writes[0].body).toEqual({ switchboardIntegration: 'zd:agentWorkspace' });
    expect(writes[0].cookies).toEqual({});
    const t = h.sandbox.store.get(ZENDESK_TICKETS.aiAgent)!;
    expect(t.messages.filter((m) => m.internal)).toHaveLength(1);
    expect(t.tags).toContain('sys_escalation');
    expect(t.teamId).toBe(13);
    expectInSpec(sent);

    const before = h.seen.length;
    const back = await handBack(journal, { line: 'Refund approved by billing.' }, zendeskAdapter, c, s);
    expect(back.resumedAt).toBeTruthy();
    const handed = h.seen.slice(before).filter((r) => r.method !== 'GET');
    // The note, then the ticket as before the escalation (tags; the group cannot be set back to none), then
    // control back to the AI agent last: the ticket is read-only once the AI agent holds it.
    expect(handed.map((r) => r.method)).toEqual(['PUT', 'PUT', 'POST']);
    expect((handed[1].body as { ticket: { tags: string[] } }).ticket.tags).not.toContain('sys_escalation');
    expect(handed[2].body).toEqual({ switchboardIntegration: SWITCHBOARD.bot });
    expect(h.sandbox.store.get(ZENDESK_TICKETS.aiAgent)!.tags).not.toContain('sys_escalation');
    expectInSpec(h.seen.slice(before));
  });

  it('a ticket the AI agent holds refuses a plain update (the sandbox models the read-only ticket)', async () => {
    const h = zendeskHarness();
    const c = h.ctx(String(ZENDESK_TICKETS.aiAgent));
    const res = await c.http.call(
      { method: 'PUT', url: `https://acme.zendesk.com/api/v2/tickets/${ZENDESK_TICKETS.aiAgent}.json`, body: { ticket: { tags: ['x'] } } },
      { action: 'tag', accept: [403] },
    );
    expect(res.status).toBe(403);
  });
});

describe('Zendesk tags and groups', () => {
  it('fails loudly when the answer does not carry the stop tag (an ignored field would otherwise look like success)', async () => {
    const h = zendeskHarness({
      intercept: async (req, send) => {
        const res = await send(req);
        if (req.method !== 'PUT') return res;
        const body = res.body as { ticket: { tags: string[] } };
        return { ...res, body: { ...body, ticket: { ...body.ticket, tags: body.ticket.tags.filter((t) => t !== 'sys_bot_paused') } } };
      },
    });
    const { journal } = await escalate(h, 2);
    expect(journal.steps.find((x) => x.kind === 'pause')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/saved the ticket without "sys_bot_paused".*the bot is not paused/),
    });
  });

  it('sends a group the agent belongs to with the agent, so a ticket parked in the bot group is not refused (422)', async () => {
    const h = zendeskHarness();
    // The sandbox refuses the agent alone, as Zendesk does.
    const c = h.ctx(String(ZENDESK_TICKETS.parked));
    const alone = await c.http.call(
      {
        method: 'PUT',
        url: `https://acme.zendesk.com/api/v2/tickets/${ZENDESK_TICKETS.parked}.json`,
        body: { ticket: { assignee_id: AGENT_ID } },
      },
      { action: 'assign', accept: [422] },
    );
    expect(JSON.stringify(alone.body)).toMatch(/Assignee is not a member of the group/);

    const { journal, sent } = await escalate(h, ZENDESK_TICKETS.parked, { target: DANA });
    expect(journal.steps.every((x) => x.status === 'done')).toBe(true);
    const put = sent.find((r) => r.method === 'PUT')!;
    expect((put.body as any).ticket).toMatchObject({ assignee_id: AGENT_ID, group_id: 11 });
    expect(h.sandbox.store.get(ZENDESK_TICKETS.parked)).toMatchObject({ assigneeId: AGENT_ID, teamId: 11 });
    expectInSpec(sent);
  });

  it('pages through more than 100 groups, agents and views', async () => {
    const h = zendeskHarness();
    await h.addManyTargets();
    const targets = await zendeskAdapter.listTargets(h.ctx(''));
    const count = (kind: string) => targets.filter((t) => t.kind === kind).length;
    expect([count('group'), count('user'), count('view')]).toEqual([134, 133, 133]);
    expect(targets.some((t) => t.name === 'Agent 130')).toBe(true);
    expectInSpec(h.seen);
  });
});

describe('Zendesk Check setup: the bot', () => {
  const tools = { probe: async () => ({ status: 200, headers: {}, body: null }) };
  it('names an API bot, the trigger condition the stop tag needs, and the authors it treats as the bot', async () => {
    const h = zendeskHarness();
    const lines = await zendeskAdapter.checkSetup!(h.ctx('2'), tools);
    const bot = lines.find((l) => l.id === 'bot')!;
    expect(bot.detail).toMatch(/e-mail or API bot.*add the condition "Tags · Contains none of the following · sys_bot_paused"/);
    expect(bot.detail).toMatch(/Treated as the bot: Aissist Bot \(posts public replies through the API\)/);
  });

  it('names the AI agent and says what the admin must set up when the switchboard key is missing', async () => {
    const h = zendeskHarness();
    const lines = await zendeskAdapter.checkSetup!(h.ctx(String(ZENDESK_TICKETS.aiAgent)), tools);
    const bot = lines.find((l) => l.id === 'bot')!;
    expect(bot.state).toBe('problem');
    expect(bot.detail).toMatch(/Zendesk AI agent on messaging \(switchboard integration zd:answerBot\), holding this ticket/);
    expect(bot.detail).toMatch(/Conversations API key/);
    const withKey = await zendeskAdapter.checkSetup!(zendeskHarness({ switchboard: true }).ctx(String(ZENDESK_TICKETS.aiAgent)), tools);
    expect(withKey.find((l) => l.id === 'bot')!.state).toBe('ok');
  });
});
