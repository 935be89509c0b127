import { describe, expect, it } from 'vitest';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { handBack } from '@/lib/executor/handback';
import { runJournal } from '@/lib/executor/run';
import { frontAdapter } from '@/lib/platforms/front';
import { gorgiasAdapter } from '@/lib/platforms/gorgias';
import { zendeskAdapter } from '@/lib/platforms/zendesk';
import type { AdapterContext, PlatformAdapter } from '@/lib/platforms/types';
import type { Platform } from '@/lib/schema/conversation';
import type { EscalationPlan, Journal } from '@/lib/schema/plan';
import { PolicySchema } from '@/lib/schema/policy';
import type { Target } from '@/lib/schema/target';
import { memoryStore } from '@/test/fixtures/journal-store';
import { frontConversation } from '@/test/sandbox/platforms/front';
import { gorgiasTicketId } from '@/test/sandbox/platforms/gorgias';
import { expectContract as expectFrontContract, frontHarness } from '../platforms/front/helpers';
import { expectContract as expectGorgiasContract, gorgiasHarness } from '../platforms/gorgias/helpers';
import { expectInSpec, zendeskHarness } from '../platforms/zendesk/helpers';

/**
 * The handoff record's reason tag (`baton_reason_manual`: these escalations carry no verdict) stays after Return
 * to bot, like the record in the note: it is how the team's reporting finds a returned conversation.
 */
const withReason = (tags: readonly string[]) => [...new Set([...tags, 'baton_reason_manual'])].sort();

/**
 * Return to bot ends the escalation on each helpdesk's sandbox: the conversation comes back to exactly its
 * tags, team, assignee and inbox from before the escalation, although a colleague picked it up meanwhile; a
 * tag someone else added stays; a failed request leaves the bot paused with the human team, and Retry
 * finishes without a second note. Each helpdesk's requests stay within its published contract.
 */

const KEY = 'human_request';
const LINE = 'Refunded order A-10234 by hand';
const policy = PolicySchema.parse({ version: 3, suspend: { enabled: true, pause: { front: {}, gorgias: {}, zendesk: {} } } });
const STOP = 'sys_bot_paused';

interface Place {
  tags: string[];
  team: number | string | null;
  assignee: number | string | null;
  inbox: number | string | null;
}

/** One helpdesk's sandbox, as the test drives it: where the conversation sits, and what people do to it. */
interface Desk {
  platform: Platform;
  adapter: PlatformAdapter;
  ctx: AdapterContext;
  target: Target;
  /** Where the conversation sits before the escalation (a team/inbox and an assignee of the bot's side). */
  seed(): void;
  place(): Place;
  notes(): number;
  /** A colleague picks the escalation up, and someone adds a tag of their own. */
  meanwhile(): void;
  /** The next write whose method and path match is refused (403), once. */
  refuseNext(method: string, path: RegExp, skip: number): void;
  writes(): number;
  /** Every request sent so far, reads included. */
  requests(): number;
  contract(): void;
}

function zendesk(): Desk {
  let refuse: { method: string; path: RegExp; skip: number } | null = null;
  const h = zendeskHarness({
    intercept: async (req, send) => {
      if (refuse && req.method === refuse.method && refuse.path.test(new URL(req.url).pathname) && refuse.skip-- <= 0) {
        refuse = null;
        return { status: 403, headers: {}, body: { error: 'Forbidden', description: 'You do not have access to this ticket.' } };
      }
      return send(req);
    },
  });
  const t = () => [...h.sandbox.store.conversations.values()].find((c) => c.key === KEY)!;
  return {
    platform: 'zendesk',
    adapter: zendeskAdapter,
    ctx: h.ctx(String(t().id)),
    target: { platform: 'zendesk', kind: 'group', id: '13', name: 'Tier 2 support' },
    // Sam Lead (902) in the Billing group (12), a group he belongs to.
    seed: () => Object.assign(t(), { teamId: 12, assigneeId: 902 }),
    place: () => ({ tags: [...t().tags].sort(), team: t().teamId, assignee: t().assigneeId, inbox: null }),
    notes: () => t().messages.filter((m) => m.internal).length,
    meanwhile: () => Object.assign(t(), { assigneeId: 901, tags: [...t().tags, 'vip'] }),
    refuseNext: (method, path, skip) => void (refuse = { method, path, skip }),
    writes: () => h.writes().length,
    requests: () => h.seen.length,
    contract: () => expectInSpec(h.seen),
  };
}

function gorgias(): Desk {
  let refuse: { method: string; path: RegExp; skip: number } | null = null;
  const h = gorgiasHarness({
    intercept: async (req, send) => {
      if (refuse && req.method === refuse.method && refuse.path.test(new URL(req.url).pathname) && refuse.skip-- <= 0) {
        refuse = null;
        return { status: 403, headers: {}, body: { error: { msg: 'You do not have permission to do this.' } } };
      }
      return send(req);
    },
  });
  const raw = () => h.sandbox.raw.ticket(gorgiasTicketId(KEY))!;
  const snap = () => h.ticket(KEY);
  return {
    platform: 'gorgias',
    adapter: gorgiasAdapter,
    ctx: h.ctx(KEY),
    target: { platform: 'gorgias', kind: 'team', id: '13', name: 'Tier 2 support' },
    seed: () => Object.assign(raw(), { assigneeTeamId: 12, assigneeUserId: 102 }),
    place: () => ({ tags: [...snap().tags].sort(), team: snap().teamId, assignee: snap().assigneeId, inbox: null }),
    notes: () => snap().notes.length,
    meanwhile: () => {
      raw().assigneeUserId = 101;
      h.sandbox.raw.addTags(raw(), [h.sandbox.raw.tagByName('vip', true)!.id]);
    },
    refuseNext: (method, path, skip) => void (refuse = { method, path, skip }),
    writes: () => h.seen.filter((r) => r.method !== 'GET').length,
    requests: () => h.seen.length,
    contract: () => expectGorgiasContract(h.exchanges),
  };
}

function front(): Desk {
  let refuse: { method: string; path: RegExp; skip: number } | null = null;
  const h = frontHarness({
    intercept: (req) => {
      if (!refuse || req.method !== refuse.method || !refuse.path.test(req.path) || refuse.skip-- > 0) return null;
      refuse = null;
      return { status: 403, body: { _error: { status: 403, title: 'Forbidden', message: 'You do not have access to this resource.' } } };
    },
  });
  const id = frontConversation(KEY).id;
  const raw = () => h.sandbox.raw.conversation(id)!;
  const teammate = (num: number) => h.sandbox.raw.teammates.find((t) => t.num === num)!.id;
  const inbox = (name: string) => h.sandbox.raw.inboxes.find((i) => i.name === name)!.id;
  const snap = () => h.conv(KEY);
  return {
    platform: 'front',
    adapter: frontAdapter,
    ctx: h.ctx(KEY),
    target: { platform: 'front', kind: 'inbox', id: inbox('Tier 2 support'), name: 'Tier 2 support' },
    // In the bot's inbox, assigned to Sam (no bot inbox configured: Return to bot moves it back by the record).
    seed: () => Object.assign(raw(), { inboxId: inbox('Bot inbox'), assigneeId: teammate(902) }),
    place: () => ({ tags: [...snap().tags].sort(), team: null, assignee: raw().assigneeId, inbox: raw().inboxId }),
    notes: () => snap().notes.length,
    meanwhile: () => {
      raw().assigneeId = teammate(901);
      raw().tagIds.push((h.sandbox.raw.tagByName('vip') ?? h.sandbox.raw.createTag('vip')).id);
    },
    refuseNext: (method, path, skip) => void (refuse = { method, path, skip }),
    writes: () => h.exchanges.filter((e) => e.req.method !== 'GET').length,
    requests: () => h.exchanges.length,
    contract: () => expectFrontContract(h.exchanges),
  };
}

const DESKS = { zendesk, gorgias, front } as const;

/** Reads the conversation as the background does before an escalation (the inbox too, when it moves), and escalates. */
async function escalate(d: Desk, over: Partial<EscalationPlan> = {}): Promise<{ journal: Journal; store: ReturnType<typeof memoryStore> }> {
  let c = await d.adapter.read(d.ctx);
  if (c.inbox === undefined && d.target.kind === 'inbox' && d.adapter.readInbox) c = { ...c, inbox: await d.adapter.readInbox(d.ctx) };
  const draft = {
    note: 'Customer asked for a person.',
    tags: ['sys_escalation', 'sys_human_help'],
    target: d.target,
    routeReason: '',
    suspend: true,
  };
  const plan = { ...buildPlan(d.ctx.ref, c, draft, policy), ...over };
  const store = memoryStore();
  const journal = await runJournal(newJournal(plan, d.adapter.stepLayout), d.adapter, d.ctx, store);
  expect(journal.steps.every((s) => s.status === 'done' || s.status === 'skipped')).toBe(true);
  return { journal, store };
}

/**
 * Requests (all, writes) of a hand-back, with no managing tags to give back: Zendesk reads the ticket for a
 * fresh stamp before each of its two updates (note; tags + group + assignee); Gorgias posts the note, deletes the
 * stop and escalation tags by name, and puts team and assignee back; Front comments, deletes the tags, PATCHes
 * inbox and assignee. Giving managing tags back adds one add-by-name request on Gorgias and Front.
 */
const HANDBACK_REQUESTS: Record<Platform, [number, number]> = { zendesk: [4, 2], gorgias: [3, 3], front: [3, 3] };

describe.each(['zendesk', 'gorgias', 'front'] as const)('%s: Return to bot ends the escalation', (name) => {
  it('puts back the tags, team, assignee and inbox from before the escalation; a tag added meanwhile stays', async () => {
    const d = DESKS[name]();
    d.seed();
    const before = d.place();
    const { journal, store } = await escalate(d);
    expect(d.place()).not.toEqual(before);
    d.meanwhile();
    const mark = d.writes();
    const all = d.requests();
    const done = await handBack(journal, { line: LINE }, d.adapter, d.ctx, store);
    expect(done.resumedAt).toBeDefined();
    expect(done.handBack!.steps.map((s) => [s.kind, s.status])).toEqual([
      ['note', 'done'],
      ['unpause', 'done'],
      ['restore', 'done'],
    ]);
    expect(d.place()).toEqual({ ...before, tags: withReason([...before.tags, 'vip']) });
    expect([d.requests() - all, d.writes() - mark]).toEqual(HANDBACK_REQUESTS[name]);
    expect(d.notes()).toBe(2);
    d.contract();
  });

  it('a refused restore leaves the bot paused with the human team; Retry finishes with one hand-back note', async () => {
    const d = DESKS[name]();
    d.seed();
    const before = d.place();
    const { journal, store } = await escalate(d);
    const escalated = d.place();
    const [method, path, skip] = FIRST_RESTORE[name];
    d.refuseNext(method, path, skip);
    const failed = await handBack(journal, { line: LINE }, d.adapter, d.ctx, store);
    expect(failed.resumedAt).toBeUndefined();
    const unpause = failed.handBack!.steps.find((s) => s.kind === 'unpause')!;
    expect(unpause.status).toBe('failed');
    expect(unpause.error).toMatch(/The bot is still paused, so the conversation stays with you\.$/);
    // Nothing of the restore landed: the stop tag is on and the escalation's team still holds it.
    expect(d.place()).toEqual(escalated);
    expect(d.place().tags).toContain(STOP);
    expect(d.notes()).toBe(2);

    const done = await handBack(failed, {}, d.adapter, d.ctx, store);
    expect(done.resumedAt).toBeDefined();
    expect(d.place()).toEqual({ ...before, tags: withReason(before.tags) });
    expect(d.notes()).toBe(2);
  });
});

/** The first request of the restore, and how many requests like it come before (the note's own update). */
const FIRST_RESTORE: Record<Platform, [string, RegExp, number]> = {
  zendesk: ['PUT', /\/tickets\/\d+\.json$/, 1],
  gorgias: ['DELETE', /\/tags$/, 0],
  front: ['DELETE', /\/tags$/, 0],
};

describe.each(['gorgias', 'front'] as const)('%s: the owner goes back last', (name) => {
  it('a refused owner request leaves the bot answering with the human team still holding it; Retry puts it back', async () => {
    const d = DESKS[name]();
    d.seed();
    const before = d.place();
    const { journal, store } = await escalate(d);
    const escalated = d.place();
    d.refuseNext(name === 'gorgias' ? 'PUT' : 'PATCH', name === 'gorgias' ? /\/tickets\/\d+$/ : /\/conversations\/[^/]+$/, 0);
    const failed = await handBack(journal, { line: LINE }, d.adapter, d.ctx, store);
    expect(failed.handBack!.steps.map((s) => [s.kind, s.status])).toEqual([
      ['note', 'done'],
      ['unpause', 'done'],
      ['restore', 'failed'],
    ]);
    expect(failed.handBack!.steps[2].error).toMatch(/The bot answers again, and the conversation stays where the escalation put it/);
    // Never nobody: the bot is back and the escalation's team/inbox still has it.
    expect(d.place()).toEqual({ ...escalated, tags: withReason(before.tags) });
    const done = await handBack(failed, {}, d.adapter, d.ctx, store);
    expect(done.resumedAt).toBeDefined();
    expect(d.place()).toEqual({ ...before, tags: withReason(before.tags) });
    expect(d.notes()).toBe(2);
  });
});

describe('Return to bot: the team lead keeps the escalation tags, and older journals', () => {
  it('with the tags kept as history, only the stop tag comes off; team and assignee still go back', async () => {
    const d = gorgias();
    d.seed();
    const before = d.place();
    const { journal, store } = await escalate(d);
    const done = await handBack(journal, { line: LINE, keepTags: true }, d.adapter, d.ctx, store);
    expect(done.handBack!.keepTags).toBe(true);
    // The reason tag is escalation history too: it stays with the others.
    expect(d.place()).toEqual({ ...before, tags: [...before.tags, 'baton_reason_manual', 'sys_escalation', 'sys_human_help'].sort() });
  });

  it('a journal that never recorded team and assignee puts the tags back and says what it left', async () => {
    const d = gorgias();
    d.seed();
    const before = d.place();
    const { journal, store } = await escalate(d, { teamBefore: undefined, assigneeBefore: undefined });
    const escalated = d.place();
    const done = await handBack(journal, { line: LINE }, d.adapter, d.ctx, store);
    expect(done.resumedAt).toBeDefined();
    expect(d.place()).toEqual({ ...escalated, tags: withReason(before.tags) });
    const restore = done.handBack!.steps.find((s) => s.kind === 'restore')!;
    expect(restore.status).toBe('skipped');
    expect(restore.detail).toMatch(/did not record the team before this escalation.*so it stays as it is/);
  });
});

describe('Zendesk: nobody cannot be put back', () => {
  it('the sandbox refuses a null group as the spec declares none; Return to bot never sends one and says what it left', async () => {
    const h = zendeskHarness();
    const id = [...h.sandbox.store.conversations.values()].find((c) => c.key === KEY)!.id;
    const c = h.ctx(String(id));
    const res = await c.http
      .call(
        { method: 'PUT', url: `https://acme.zendesk.com/api/v2/tickets/${id}.json`, body: { ticket: { group_id: null } } },
        { action: 'clear the group', accept: [400] },
      )
      .catch((e: Error) => e);
    expect(res).toMatchObject({ status: 400 });
    // The ticket had no group before the escalation: it keeps the escalation's group, and the step says why.
    const d = zendesk();
    const { journal, store } = await escalate(d);
    const done = await handBack(journal, { line: LINE }, d.adapter, d.ctx, store);
    expect(d.place().team).toBe(13);
    expect(done.handBack!.steps.find((s) => s.kind === 'restore')!.detail).toMatch(/no way to set the group back to nobody/);
    d.contract();
  });
});
