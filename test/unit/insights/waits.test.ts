import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine/offline';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { askedAtClick, customerTurns } from '@/lib/followup/asks';
import { promiseIndexes } from '@/lib/followup/promises';
import { timelineFields, timelineOf } from '@/lib/followup/timeline';
import { eventsFromJournal } from '@/lib/insights/from-journal';
import { toCsv } from '@/lib/insights/csv';
import Papa from 'papaparse';
import {
  hourOfWeek,
  measuredPickup,
  percentile,
  scorecards,
  waitSamplesFromLog,
  waitSamplesFromRecords,
  waitTable,
} from '@/lib/insights/waits';
import { ZENDESK_LAYOUT } from '@/lib/platforms/zendesk/ops';
import { ConversationSchema, type MessageInput, type Platform } from '@/lib/schema/conversation';
import type { LogEvent } from '@/lib/schema/log-event';
import { defaultPolicy, PolicySchema } from '@/lib/schema/policy';
import { HandoffRecordSchema } from '@/lib/schema/record';

const policy = PolicySchema.parse({
  ...defaultPolicy(),
  subAgents: [
    { name: 'returns', description: 'Returns, exchanges and refunds for items customers send back' },
    { name: 'billing', description: 'Invoices, charges, payments and subscriptions' },
  ],
});
const MIN = 60_000;
// Monday 2026-11-16 09:00 UTC: handoffs below fall in "Mon 09:00–10:00" unless moved by days.
const BASE = Date.parse('2026-11-16T09:00:00Z');
const at = (min: number) => new Date(BASE + min * MIN).toISOString();
const BOT = { id: '900', name: 'Aissist Bot' };
const TARGET = { platform: 'zendesk' as const, kind: 'group' as const, id: '360', name: 'Tier 2' };

interface Story {
  id: string;
  platform?: Platform;
  /** Minutes after BASE the conversation starts. */
  t0?: number;
  before: (t: (m: number) => string) => MessageInput[];
  clickAt: number;
  after: (t: (m: number) => string) => MessageInput[];
  target?: typeof TARGET | null;
}

/**
 * A handoff as Baton logs it: the escalation event from the journal (with the asks read at the click), then a
 * verdict shown later, with the timeline of the thread as it then stands.
 */
function logOf(s: Story): LogEvent[] {
  const t = (m: number) => at((s.t0 ?? 0) + m);
  const platform = s.platform ?? 'zendesk';
  const ref = { platform, account: 'acme', conversationId: s.id, idIsGuess: false };
  const before = ConversationSchema.parse({ ref, id: s.id, messages: s.before(t), assignee: null, team: null });
  const verdict = checkOffline(before, policy);
  const draft = { note: 'n', tags: ['sys_escalation'], target: s.target === undefined ? TARGET : s.target, routeReason: '', suspend: true };
  const click = new Date(t(s.clickAt));
  const plan = buildPlan(ref, before, draft, policy, verdict, { timeline: askedAtClick(before, policy, click), now: click });
  const journal = { ...newJournal(plan, ZENDESK_LAYOUT, click), finishedAt: click.toISOString() };
  const after = ConversationSchema.parse({ ref, id: s.id, messages: [...s.before(t), ...s.after(t)], assignee: null, team: null });
  const timeline = timelineOf({
    conversation: after,
    turns: customerTurns(after),
    promised: promiseIndexes(after),
    journal,
    policy,
    now: new Date(t(s.clickAt + 120)),
  });
  return [
    ...eventsFromJournal(journal, false),
    {
      kind: 'verdict_shown',
      at: t(s.clickAt + 120),
      platform,
      account: 'acme',
      conversationId: s.id,
      subAgent: verdict.subAgent ?? null,
      status: 'none',
      signals: [],
      engine: 'offline',
      ...timelineFields(timeline),
    },
  ];
}

const customer = (text: string, at: string): MessageInput => ({ role: 'customer', text, createdAt: at });
const bot = (text: string, at: string): MessageInput => ({ role: 'bot', text, createdAt: at, author: BOT });
const agent = (text: string, at: string): MessageInput => ({ role: 'agent', text, createdAt: at, author: { id: '901' } });

/** A return the bot kept for 6 minutes while the customer asked twice; a human replied 10 minutes after the click. */
const askedTwice = (id: string, t0 = 0): Story => ({
  id,
  t0,
  before: (t) => [
    customer('I want to return the jacket I bought, it is the wrong size. How do I send it back?', t(0)),
    bot('You can start a return from your orders page.', t(1)),
    customer('The return button is greyed out. Can I talk to a human?', t(2)),
    bot('Returns can be started within 30 days from your orders page.', t(3)),
    customer('I already said it does not work. I want to speak to a real person please.', t(5)),
  ],
  clickAt: 8,
  after: (t) => [agent('Hi, Dana here. I have opened the return for you; the label is in your inbox.', t(18))],
});

/** A billing question the bot promised to pass on; Baton escalated 2 minutes later; picked up after 4. */
const promisedOnTime = (id: string, t0 = 0): Story => ({
  id,
  t0,
  before: (t) => [
    customer('I was charged twice for my subscription invoice this month. Can you fix it?', t(0)),
    bot(
      "I don't have access to refund payments, so I've forwarded this to our billing team and they will follow up with you by email.",
      t(1),
    ),
  ],
  clickAt: 3,
  after: (t) => [agent('Hello, this is Sam from billing. I have refunded the second charge.', t(7))],
});

/** Escalated, then the customer solved it themselves a minute later. */
const premature = (id: string): Story => ({
  id,
  before: (t) => [customer('Where is my parcel? Can I talk to a human?', t(0))],
  clickAt: 2,
  after: (t) => [customer('Never mind, I found it in my mailbox.', t(3))],
});

describe('wait samples from the handoff log', () => {
  it('a late return: bot time from the first ask, queue time to the first reply, two asks and one turn late, with the quote', () => {
    const [s] = waitSamplesFromLog(logOf(askedTwice('1')));
    expect(s).toMatchObject({
      platform: 'zendesk',
      target: 'Tier 2',
      subAgent: 'returns',
      bot: 6 * MIN,
      queue: 10 * MIN,
      reply: 0,
      asks: 2,
      lateTurns: 1,
      askQuote: 'Can I talk to a human?',
      premature: false,
    });
  });

  it('the CSV export carries the timeline of each entry', () => {
    const rows = Papa.parse<Record<string, string>>(toCsv(logOf(askedTwice('1'))), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.kind, r.askedAt, r.asks, r.lateTurns, r.handoffAt, r.repliedAt])).toEqual([
      ['escalated', at(2), '2', '1', at(8), ''],
      ['verdict_shown', at(2), '2', '1', at(8), at(18)],
    ]);
  });

  it("the bot's promise starts the clock when it came before any ask", () => {
    const [s] = waitSamplesFromLog(logOf(promisedOnTime('2')));
    expect(s).toMatchObject({ subAgent: 'billing', bot: 2 * MIN, queue: 4 * MIN, asks: 0, lateTurns: 0 });
  });

  it('a premature handoff is counted, and with nobody replying it has no queue time', () => {
    const [s] = waitSamplesFromLog(logOf(premature('3')));
    expect(s).toMatchObject({ premature: true, queue: null, asks: 1, lateTurns: 0 });
  });
});

describe('Insights: p50/p90 and the scorecard', () => {
  const log = [
    ...logOf(askedTwice('1')),
    ...logOf(askedTwice('2', 7 * 24 * 60)),
    ...logOf(promisedOnTime('3')),
    ...logOf({ ...promisedOnTime('4', 24 * 60), platform: 'gorgias', target: null }),
    ...logOf(premature('5')),
  ];
  const samples = waitSamplesFromLog(log);

  it('per helpdesk, target and hour of the week', () => {
    const byPlatform = waitTable(samples, 'platform');
    expect(byPlatform.map((r) => [r.key, r.handoffs, r.queue.p50, r.queue.p90])).toEqual([
      ['gorgias', 1, 4 * MIN, 4 * MIN],
      ['zendesk', 4, 10 * MIN, 10 * MIN],
    ]);
    expect(waitTable(samples, 'target').map((r) => [r.key, r.handoffs])).toEqual([
      ['', 1],
      ['Tier 2', 4],
    ]);
    expect(waitTable(samples, 'hour', 'Europe/Berlin').map((r) => [r.key, r.handoffs])).toEqual([
      ['Mon 10:00–11:00', 4],
      ['Tue 10:00–11:00', 1],
    ]);
  });

  it('sub agents with late handoffs come first, with the share asked twice, the quotes and premature handoffs', () => {
    const cards = scorecards(samples);
    expect(cards[0]).toMatchObject({
      subAgent: 'returns',
      handoffs: 2,
      askedTwice: 2,
      quotes: ['Can I talk to a human?'],
    });
    expect(cards.find((c) => c.premature)).toMatchObject({ premature: 1 });
    expect(cards.find((c) => c.subAgent === 'billing')).toMatchObject({ handoffs: 2, askedTwice: 0, quotes: [] });
  });

  it('the measured median pick-up for a target and hour needs five samples', () => {
    const where = { platform: 'zendesk' as const, target: 'Tier 2', at: new Date(at(30)), timeZone: 'UTC' };
    const some = [1, 2, 3, 4].flatMap((w) => logOf(askedTwice(`w${w}`, w * 7 * 24 * 60)));
    expect(measuredPickup(waitSamplesFromLog(some), where)).toBeNull();
    const five = [...some, ...logOf(promisedOnTime('w5', 5 * 7 * 24 * 60))];
    expect(measuredPickup(waitSamplesFromLog(five), where)).toEqual({ minutes: 10, samples: 5 });
    // Another hour of the week has no samples of its own.
    expect(measuredPickup(waitSamplesFromLog(five), { ...where, at: new Date(at(5 * 60)) })).toBeNull();
  });

  it('percentiles by nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([5, 1, 3, 2, 4, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([], 0.5)).toBeNull();
    expect(hourOfWeek('2026-11-22T23:30:00Z', 'UTC')).toBe(167);
  });
});

describe('wait samples from the helpdesk records', () => {
  it("an escalation record with the return's pick-up and first reply", () => {
    const escalated = HandoffRecordSchema.parse({
      v: 1,
      kind: 'escalated',
      at: at(10),
      reason: 'user_requested_human',
      subAgent: 'returns',
      askedAt: at(2),
      asks: 3,
      lateTurns: 4,
      platform: 'front',
      target: { kind: 'team', id: 'tea_1', name: 'Returns team' },
    });
    const returned = HandoffRecordSchema.parse({
      v: 1,
      kind: 'returned',
      at: at(60),
      reason: 'manual',
      pickedUpAt: at(25),
      repliedAt: at(31),
    });
    const [s] = waitSamplesFromRecords([
      { conversation: 'cnv_1', record: returned },
      { conversation: 'cnv_1', record: escalated },
    ]);
    expect(s).toMatchObject({
      platform: 'front',
      target: 'Returns team',
      bot: 8 * MIN,
      queue: 15 * MIN,
      reply: 6 * MIN,
      asks: 3,
      lateTurns: 4,
    });
  });
});
