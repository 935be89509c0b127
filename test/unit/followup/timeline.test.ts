import { describe, expect, it } from 'vitest';
import { customerTurns } from '@/lib/followup/asks';
import { promiseIndexes } from '@/lib/followup/promises';
import { timelineOf } from '@/lib/followup/timeline';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { encodeMarker } from '@/lib/platforms/marker';
import { ZENDESK_LAYOUT } from '@/lib/platforms/zendesk/ops';
import { ConversationSchema, type ConversationInput, type MessageInput } from '@/lib/schema/conversation';
import type { Journal } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';

const policy = defaultPolicy();
const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '7', idIsGuess: false };
const BOT = { id: '900', name: 'Aissist Bot' };
const DANA = { id: '901', name: 'Dana Agent' };
const at = (min: number) => new Date(Date.parse('2026-11-20T10:00:00Z') + min * 60_000).toISOString();
const MIN = 60_000;

const customer = (text: string, min: number): MessageInput => ({ role: 'customer', text, createdAt: at(min), author: { id: '1000' } });
const bot = (text: string, min: number): MessageInput => ({ role: 'bot', text, createdAt: at(min), author: BOT });
const agent = (text: string, min: number): MessageInput => ({ role: 'agent', text, createdAt: at(min), author: DANA });

function conv(messages: MessageInput[], over: Partial<ConversationInput> = {}) {
  return ConversationSchema.parse({ ref, id: '7', messages, tags: ['bot_managed'], assignee: null, team: null, ...over });
}

/** Baton's escalation of `c`, clicked at `min` and finished. */
function escalation(c: ReturnType<typeof conv>, min: number, over: { resumedAt?: number } = {}): Journal {
  const draft = { note: 'Needs a person.', tags: ['sys_escalation'], target: null, routeReason: '', suspend: true };
  const j = newJournal(buildPlan(ref, c, draft, policy), ZENDESK_LAYOUT, new Date(at(min)));
  return {
    ...j,
    steps: j.steps.map((s) => (s.status === 'skipped' ? s : { ...s, status: 'done', updatedAt: at(min) })),
    finishedAt: at(min),
    ...(over.resumedAt !== undefined ? { resumedAt: at(over.resumedAt) } : {}),
  };
}

function timeline(c: ReturnType<typeof conv>, opts: { journal?: Journal | null; now?: number; assignedAt?: string } = {}) {
  return timelineOf({
    conversation: c,
    turns: customerTurns(c),
    promised: promiseIndexes(c),
    journal: opts.journal ?? null,
    policy,
    now: new Date(at(opts.now ?? 60)),
    ...(opts.assignedAt ? { assignedAt: opts.assignedAt } : {}),
  });
}

const LATE = [
  customer('Hi, my order #4411 never arrived. Where is it?', 0),
  bot('I can help with that! Could you give me your order number?', 1),
  customer('Can I talk to a human please?', 2),
  bot('I understand. Here is our tracking page: you can follow your parcel there.', 3),
  customer('That page says delivered, it is not here.', 5),
  bot('Sorry to hear that. Please check with your neighbours.', 6),
  customer('I want to speak to a real person, this is useless', 8),
];

describe('wait clock', () => {
  it('two asks, then Baton escalates, then a human replies: bot, queue and reply time, and the handoff came after 2 asks and 2 turns late', () => {
    const before = conv(LATE);
    const journal = escalation(before, 10);
    const c = conv([...LATE, agent('Hi, this is Dana. I have opened a claim with the carrier for you.', 16)]);
    const t = timeline(c, { journal, now: 30 });
    expect(t.firstAsk).toEqual({ index: 2, at: at(2), quote: 'Can I talk to a human please?' });
    expect(t.asks).toBe(2);
    expect(t.lateTurns).toBe(2);
    expect(t.start?.kind).toBe('ask');
    expect(t.handoff).toMatchObject({ by: 'baton', at: at(10) });
    expect(t.pickup).toMatchObject({ by: 'reply', at: at(16) });
    expect(t.waits).toEqual({ total: 14 * MIN, bot: 8 * MIN, queue: 6 * MIN, reply: 0 });
    expect(t.running).toBe(false);
    expect(t.premature).toBeNull();
  });

  it('while nobody has replied the clock runs to now: bot time stops at the handoff, queue time keeps going', () => {
    const c = conv(LATE);
    const t = timeline(c, { journal: escalation(c, 10), now: 14 });
    expect(t.running).toBe(true);
    expect(t.waits).toEqual({ total: 12 * MIN, bot: 8 * MIN, queue: 4 * MIN, reply: null });
    // Before anyone escalates it, all of the wait is the bot's.
    const waiting = timeline(c, { now: 9 });
    expect(waiting.handoff).toBeNull();
    expect(waiting.waits).toMatchObject({ total: 7 * MIN, bot: 7 * MIN, queue: null });
    expect(waiting.asks).toBe(2);
    expect(waiting.lateTurns).toBe(2);
  });

  it('the bot promised first, then Baton escalated: the clock starts at the promise and one ask on time is 0 turns late', () => {
    const messages = [
      customer('I was charged twice this month, $49.99 each. Can you fix it?', 0),
      bot(
        "I don't have access to refund payments, so I've forwarded this to our billing team and they will follow up with you by email.",
        1,
      ),
      customer('Ok, can I talk to someone now?', 4),
    ];
    const c = conv(messages);
    const t = timeline(c, { journal: escalation(c, 9), now: 20 });
    expect(t.start).toMatchObject({ kind: 'promise', index: 1, at: at(1) });
    expect(t.firstPromise).toEqual({ index: 1, at: at(1) });
    expect(t.asks).toBe(1);
    expect(t.lateTurns).toBe(0);
    expect(t.waits.bot).toBe(8 * MIN);
    expect(t.waits.queue).toBe(11 * MIN);
  });

  it("a handoff the bot made itself (its promise, the helpdesk shows the team's tag) is the handoff, without Baton", () => {
    const c = conv(
      [
        customer('Can I speak to an agent?', 0),
        bot("Sure, I'm connecting you with a member of our team now.", 3),
        agent('Hello! Dana here, how can I help?', 12),
      ],
      { tags: ['sys_escalation'] },
    );
    const t = timeline(c);
    expect(t.handoff).toEqual({ by: 'bot', index: 2, at: at(3) });
    expect(t.waits).toEqual({ total: 12 * MIN, bot: 3 * MIN, queue: 9 * MIN, reply: 0 });
  });

  it('an assignee without a reply is a pick-up, timed when the caller knows when it was first seen', () => {
    const c = conv(LATE, { assignee: { id: '901', name: 'Dana Agent' } });
    const t = timeline(c, { journal: escalation(c, 10), now: 30, assignedAt: at(13) });
    expect(t.pickup).toEqual({ by: 'assignee', at: at(13) });
    expect(t.waits).toMatchObject({ queue: 3 * MIN, reply: 17 * MIN });
    expect(t.running).toBe(true);
  });

  it('a request the customer took back before asking again starts the clock at the new ask', () => {
    const c = conv([
      customer('Can I talk to a human?', 0),
      customer('Never mind, I found it in my mailbox.', 1),
      customer('Actually it is the wrong size. I need to speak to a person.', 30),
    ]);
    const t = timeline(c, { now: 35 });
    expect(t.firstAsk?.index).toBe(2);
    expect(t.asks).toBe(1);
    expect(t.waits.total).toBe(5 * MIN);
  });

  it('the customer says "never mind, I found it" right after the handoff: premature, and the clock stops there', () => {
    const messages = [
      customer('Where is my parcel? Can I talk to a human?', 0),
      bot('Let me check. Could you give me your order number?', 1),
    ];
    const c = conv([...messages, customer('Never mind, I found it in my mailbox.', 6)]);
    const t = timeline(c, { journal: escalation(conv(messages), 3), now: 40 });
    expect(t.premature).toMatchObject({ index: 2, at: at(6) });
    expect(t.running).toBe(false);
    expect(t.waits.total).toBe(6 * MIN);
  });

  it('a later message taking a request back, after the customer kept talking, is not premature', () => {
    const messages = [customer('Can I talk to a human?', 0)];
    const c = conv([
      ...messages,
      customer('It is order 4411.', 5),
      customer('Hello? Anyone there?', 20),
      customer('Never mind, I found it.', 40),
    ]);
    expect(timeline(c, { journal: escalation(conv(messages), 2), now: 45 }).premature).toBeNull();
  });

  it('Baton finds its escalation by its own note when the thread has no times', () => {
    const j = escalation(conv([customer('I want a human', 0)]), 4);
    const c = conv([
      { role: 'customer', text: 'I want a human' },
      { role: 'customer', text: 'hello??' },
      { role: 'agent', internal: true, text: `Escalated.${encodeMarker(j.plan.noteMarker)}` },
      { role: 'customer', text: 'still there?' },
    ]);
    const t = timeline(c, { journal: j });
    expect(t.handoff?.index).toBe(2);
    expect(t.lateTurns).toBe(1);
    // Without message times, the wait before the click cannot be measured, and none is made up; the queue can.
    expect(t.waits).toEqual({ total: null, bot: null, queue: 56 * MIN, reply: null });
  });

  it('after a Return to bot, an earlier handoff no longer counts: the clock reads the latest stretch', () => {
    const first = [customer('Can I talk to a human?', 0), agent('Hi, Dana here. Done, your refund is on its way.', 5)];
    const c = conv([...first, customer('Thanks! Another thing: I need a person for my invoice.', 50)]);
    const t = timeline(c, { journal: escalation(conv(first.slice(0, 1)), 2, { resumedAt: 20 }), now: 55 });
    expect(t.handoff).toBeNull();
    expect(t.firstAsk?.index).toBe(2);
    expect(t.running).toBe(true);
  });

  it('a conversation nobody asked about has no clock', () => {
    const t = timeline(conv([customer('What are your opening hours?', 0), bot('We are open 9 to 5, Monday to Friday.', 1)]));
    expect(t.start).toBeNull();
    expect(t.running).toBe(false);
    expect(t.waits.total).toBeNull();
  });
});
