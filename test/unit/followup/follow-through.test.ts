import { describe, expect, it } from 'vitest';
import { followThrough, pickupTime } from '@/lib/followup';
import { promiseIndexes } from '@/lib/followup/promises';
import { checkOffline } from '@/lib/engine/offline';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { encodeMarker } from '@/lib/platforms/marker';
import { recordLine } from '@/lib/record/codec';
import { ZENDESK_LAYOUT } from '@/lib/platforms/zendesk/ops';
import { ConversationSchema, type ConversationInput, type MessageInput } from '@/lib/schema/conversation';
import type { Journal } from '@/lib/schema/plan';
import { defaultPolicy, PolicySchema, type Policy } from '@/lib/schema/policy';

const policy = defaultPolicy();
const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '7', idIsGuess: false };
const BOT = { id: '900', name: 'Aissist Bot' };
const DANA = { id: '901', name: 'Dana Agent' };
const at = (min: number) => new Date(Date.parse('2026-11-20T10:00:00Z') + min * 60_000).toISOString();

const customer = (text: string, min: number): MessageInput => ({
  role: 'customer',
  text,
  createdAt: at(min),
  author: { id: '1000', name: 'Tom Becker' },
});
const bot = (text: string, min: number): MessageInput => ({ role: 'bot', text, createdAt: at(min), author: BOT });
const agent = (text: string, min: number): MessageInput => ({ role: 'agent', text, createdAt: at(min), author: DANA });

const CHARGED_TWICE = 'I was charged twice this month, $49.99 each on 2026-11-02. Can you fix it?';
const FORWARDED =
  "I can see two charges. I don't have access to refund payments, so I've forwarded this to our billing team and they will follow up with you by email.";

function conv(messages: MessageInput[], over: Partial<ConversationInput> = {}) {
  return ConversationSchema.parse({ ref, id: '7', messages, tags: ['billing', 'bot_managed'], assignee: null, team: null, ...over });
}

function check(c: ReturnType<typeof conv>, opts: { journal?: Journal | null; now?: string; policy?: Policy } = {}) {
  const p = opts.policy ?? policy;
  return followThrough({
    conversation: c,
    verdict: checkOffline(c, p),
    journal: opts.journal ?? null,
    policy: p,
    now: new Date(opts.now ?? at(60)),
    promised: promiseIndexes(c),
  });
}

/** Baton's escalation of this conversation, finished at `min` with the pause done (or still running). */
function escalation(
  c: ReturnType<typeof conv>,
  min: number,
  over: { finished?: boolean; resumed?: boolean; pause?: boolean } = {},
): Journal {
  const draft = { note: 'Billing: double charge.', tags: ['sys_escalation'], target: null, routeReason: '', suspend: over.pause ?? true };
  const j = newJournal(buildPlan(ref, c, draft, policy), ZENDESK_LAYOUT, new Date(at(min)));
  const finished = over.finished ?? true;
  return {
    ...j,
    steps: j.steps.map((s) => (s.status === 'skipped' ? s : { ...s, status: finished ? 'done' : 'running', updatedAt: at(min) })),
    ...(finished ? { finishedAt: at(min) } : {}),
    ...(over.resumed ? { resumedAt: at(min + 5) } : {}),
  };
}

describe('promised handoff', () => {
  it('"forwarded to our billing team, they will follow up by email" with nothing done is a broken promise, dated', () => {
    const r = check(conv([customer(CHARGED_TWICE, 1), bot(FORWARDED, 2)]), { now: at(47) });
    expect(r.promise?.messageIndex).toBe(1);
    expect(r.promise?.quote).toMatch(/billing team/);
    expect(r.brokenPromise).toBe(true);
    expect(r.promisedMinutesAgo).toBe(45);
  });

  it('"we will look into it and email you" with nothing done is a broken promise', () => {
    const r = check(
      conv([
        customer('My parcel says delivered but it is not here.', 1),
        bot('Sorry about that. Our team will look into it and email you within two days.', 2),
      ]),
    );
    expect(r.brokenPromise).toBe(true);
  });

  it('the bot only saying it cannot help, or sending the customer to a phone line, promises nothing', () => {
    const cannot = check(conv([customer('Can you change the name on my invoice?', 1), bot("Sorry, I can't help with that.", 2)]));
    expect(cannot.promise).toBeNull();
    expect(cannot.brokenPromise).toBe(false);
    const redirect = check(
      conv([customer('My suitcase never arrived.', 1), bot('Please call our baggage team at +1 555 0100, they handle lost luggage.', 2)]),
    );
    expect(redirect.promise).toBeNull();
  });

  it('a resolved chat where a human answered after the promise shows no warning, and its pickup is timed', () => {
    const c = conv([
      customer('I want to speak to a human about exchanging my jacket.', 1),
      bot("I've passed this to our team; someone will be with you shortly.", 2),
      agent("Hi Olivia, this is Dana. I've set up the exchange for size M.", 14),
      customer('Thanks Dana!', 15),
    ]);
    const r = check(c);
    expect(r.promise).toBeNull();
    expect(r.brokenPromise).toBe(false);
    expect(r.pickup).toMatchObject({ from: at(2), fromKind: 'promise', at: at(14), by: 'reply', exact: true, minutes: 12 });
  });

  it('an escalation tag, a human assignee or a team on the helpdesk shows the handoff done', () => {
    const messages = [customer(CHARGED_TWICE, 1), bot(FORWARDED, 2)];
    expect(check(conv(messages, { tags: ['billing', 'sys_human_follow_up'] }))).toMatchObject({
      brokenPromise: false,
      handled: { by: 'tag' },
    });
    expect(check(conv(messages, { assignee: DANA }))).toMatchObject({
      brokenPromise: false,
      handled: { by: 'assignee', name: 'Dana Agent' },
    });
    expect(check(conv(messages, { team: { id: '12', name: 'Billing team' } }))).toMatchObject({
      brokenPromise: false,
      handled: { by: 'team' },
    });
  });

  it("assigned to the bot itself, or sitting in the bot's own queue, is not a handoff", () => {
    const messages = [customer(CHARGED_TWICE, 1), bot(FORWARDED, 2)];
    expect(check(conv(messages, { assignee: { id: '900' } })).brokenPromise).toBe(true);
    const named = PolicySchema.parse({
      ...policy,
      botIdentity: { ...policy.botIdentity, zendesk: { ids: ['77'], names: [], emails: [] } },
    });
    expect(check(conv(messages, { assignee: { id: '77' } }), { policy: named }).brokenPromise).toBe(true);
    expect(check(conv(messages, { team: { id: '14', name: 'Bot inbox' } })).brokenPromise).toBe(true);
  });

  it("Baton's own escalation under way or done clears the warning; after Return to bot a tagged conversation stays clear", () => {
    const c = conv([customer(CHARGED_TWICE, 1), bot(FORWARDED, 2)]);
    expect(check(c, { journal: escalation(c, 50, { finished: false }) }).brokenPromise).toBe(false);
    expect(check(c, { journal: escalation(c, 50) }).brokenPromise).toBe(false);
    const back = conv([customer(CHARGED_TWICE, 1), bot(FORWARDED, 2)], { tags: ['billing', 'sys_escalation'] });
    expect(check(back, { journal: escalation(back, 50, { resumed: true }) }).brokenPromise).toBe(false);
  });

  it('read from the page (assignee unknown): no warning is claimed', () => {
    const c = ConversationSchema.parse({ ref, id: '7', source: 'dom', messages: [customer(CHARGED_TWICE, 1), bot(FORWARDED, 2)] });
    expect(check(c).brokenPromise).toBe(false);
  });
});

describe('bot still replying after the pause', () => {
  const base = [customer(CHARGED_TWICE, 1), bot(FORWARDED, 2)];

  it('a bot message dated after the pause is caught, one before it is not', () => {
    const c = conv([...base, bot('Is there anything else I can help you with?', 12)]);
    expect(check(c, { journal: escalation(c, 10) }).botAfterPause).toEqual({ messageIndex: 2, at: at(12) });
    expect(check(c, { journal: escalation(c, 20) }).botAfterPause).toBeNull();
    expect(check(c, { journal: escalation(c, 10) }).stopTag).toBe('sys_bot_paused');
  });

  it("an undated bot message after Baton's note counts; none after Return to bot or without a pause", () => {
    const c0 = conv(base);
    const j = escalation(c0, 10);
    const note: MessageInput = {
      role: 'agent',
      internal: true,
      text: `Billing: double charge.${encodeMarker(j.plan.noteMarker)}`,
      author: DANA,
    };
    const c = conv([...base, note, { role: 'bot', text: 'Anything else?', author: BOT }]);
    expect(check(c, { journal: j }).botAfterPause?.messageIndex).toBe(3);
    expect(check(c, { journal: { ...j, resumedAt: at(30) } }).botAfterPause).toBeNull();
    expect(check(c, { journal: escalation(c0, 10, { pause: false }) }).botAfterPause).toBeNull();
  });

  it('a bot reply dated a moment after the pause but before the note in the thread is not blamed on the stop tag', () => {
    const c0 = conv(base);
    const j = escalation(c0, 10);
    const note: MessageInput = {
      role: 'agent',
      internal: true,
      text: `Note${encodeMarker(j.plan.noteMarker)}`,
      author: DANA,
      createdAt: at(11),
    };
    const c = conv([...base, { ...bot('One moment please.', 10.5) }, note]);
    expect(check(c, { journal: j }).botAfterPause).toBeNull();
  });
});

describe('unclaimed escalation', () => {
  const base = [customer(CHARGED_TWICE, 1), bot(FORWARDED, 2)];

  it('escalated 45 minutes ago with nobody assigned and no reply: a nudge with the elapsed time (target 30)', () => {
    const c = conv(base, { tags: ['billing', 'sys_escalation'], team: { id: '12', name: 'Billing team' } });
    expect(check(c, { journal: escalation(c, 10), now: at(55) }).unclaimed).toEqual({ minutes: 45, targetMinutes: 30 });
    expect(check(c, { journal: escalation(c, 10), now: at(30) }).unclaimed).toBeNull();
  });

  it('nudges at the target itself, not a minute later', () => {
    const c = conv(base, { tags: ['billing', 'sys_escalation'], team: { id: '12', name: 'Billing team' } });
    const j = escalation(c, 10);
    const escalatedAt = Date.parse(j.finishedAt!);
    const after = (ms: number) => new Date(escalatedAt + ms).toISOString();
    expect(check(c, { journal: j, now: after(30 * 60_000 - 1_000) }).unclaimed).toBeNull();
    expect(check(c, { journal: j, now: after(30 * 60_000) }).unclaimed).toEqual({ minutes: 30, targetMinutes: 30 });
    const quick = PolicySchema.parse({ ...policy, followUp: { claimTargetMinutes: 1 } });
    expect(check(c, { journal: j, now: after(60_000), policy: quick }).unclaimed).toEqual({ minutes: 1, targetMinutes: 1 });
  });

  it('a human assignee or a human reply since the escalation claims it; Return to bot ends it', () => {
    const c = conv(base, { assignee: DANA });
    expect(check(c, { journal: escalation(c, 10), now: at(55) }).unclaimed).toBeNull();
    const replied = conv([...base, agent('Hi Tom, I am refunding the second charge now.', 20)]);
    expect(check(replied, { journal: escalation(replied, 10), now: at(55) }).unclaimed).toBeNull();
    const back = conv(base, { tags: ['sys_escalation'] });
    expect(check(back, { journal: escalation(back, 10, { resumed: true }), now: at(55) }).unclaimed).toBeNull();
  });

  it('tagged by someone else without Baton: the clock starts at the promise; the target comes from Options', () => {
    const c = conv(base, { tags: ['sys_escalation'] });
    expect(check(c, { now: at(42) }).unclaimed).toEqual({ minutes: 40, targetMinutes: 30 });
    const patient = PolicySchema.parse({ ...policy, followUp: { claimTargetMinutes: 60 } });
    expect(check(c, { now: at(42), policy: patient }).unclaimed).toBeNull();
  });

  it('pickup of an escalation without a promise is the first human reply after the click, or an assignee seen now', () => {
    const c = conv([customer('Please let me talk to a real person.', 1), agent('Hi, Dana here, how can I help?', 25)]);
    const j = escalation(c, 10);
    expect(pickupTime({ conversation: c, journal: j, policy, now: new Date(at(60)), promised: promiseIndexes(c) })).toMatchObject({
      fromKind: 'escalation',
      by: 'reply',
      minutes: 15,
    });
    const assigned = conv([customer('Please let me talk to a real person.', 1)], { assignee: DANA });
    expect(
      pickupTime({ conversation: assigned, journal: escalation(assigned, 10), policy, now: new Date(at(40)), promised: [] }),
    ).toMatchObject({
      by: 'assignee',
      exact: false,
      minutes: 30,
    });
    expect(
      pickupTime({
        conversation: conv([customer('Please let me talk to a real person.', 1)]),
        journal: null,
        policy,
        now: new Date(at(40)),
        promised: [],
      }),
    ).toBeNull();
  });
});

describe('after Return to bot', () => {
  const PROMISE_AGAIN = "I've passed this to our billing team and they will follow up with you by email.";
  const handBackNote = (marker: string, min: number): MessageInput => ({
    role: 'agent',
    internal: true,
    text: `Handed back to the bot\nWhat was done: refunded the second charge${encodeMarker(marker)}`,
    createdAt: at(min),
    author: DANA,
  });

  /** Escalated at 3, handed back at 10 with its note; the escalation tag stays (kept as history). */
  function returned(messages: MessageInput[]) {
    const first = conv([customer(CHARGED_TWICE, 1), bot(FORWARDED, 2)]);
    const j = escalation(first, 3, { resumed: true });
    const journal: Journal = {
      ...j,
      resumedAt: at(10),
      handBack: { line: 'refunded', next: '', note: '', noteMarker: 'hb-1', steps: [], keepTags: true, startedAt: at(10) },
    };
    const c = conv([customer(CHARGED_TWICE, 1), bot(FORWARDED, 2), handBackNote('hb-1', 10), ...messages], {
      tags: ['billing', 'bot_managed', 'sys_escalation'],
    });
    return { c, journal };
  }

  it('the promise the escalation answered is not flagged again, though its tag stays', () => {
    const { c, journal } = returned([]);
    const r = check(c, { journal, now: at(30) });
    expect(r.promise).toBeNull();
    expect(r.brokenPromise).toBe(false);
    expect(r.escalatedAt).toBeNull();
  });

  it('a new promise after the return is "Promised handoff not done" again: the kept escalation tag shows nothing', () => {
    const { c, journal } = returned([customer('Actually the refund bounced, I need a person', 20), bot(PROMISE_AGAIN, 21)]);
    const r = check(c, { journal, now: at(30) });
    expect(r.promise?.messageIndex).toBe(4);
    expect(r.handled).toBeNull();
    expect(r.brokenPromise).toBe(true);
  });

  it("the team the conversation had while the bot held it, put back by the return, is no human's pick-up", () => {
    const { c, journal } = returned([customer('It bounced, I need a person', 20), bot(PROMISE_AGAIN, 21)]);
    const j = { ...journal, plan: { ...journal.plan, teamBefore: { id: '14' } } };
    expect(check({ ...c, team: { id: '14' } }, { journal: j, now: at(30) }).brokenPromise).toBe(true);
    // Another team than the one before the escalation is someone's handoff.
    expect(check({ ...c, team: { id: '13' } }, { journal: j, now: at(30) }).handled).toEqual({ by: 'team', name: '13' });
  });

  it("reads the return from the note's record when this browser has no journal, and a later escalation ends it", () => {
    const record = recordLine({ v: 1, kind: 'returned', at: at(10), reason: 'manual', signals: [] });
    const note: MessageInput = {
      role: 'agent',
      internal: true,
      text: `Handed back to the bot\n${record}`,
      createdAt: at(10),
      author: DANA,
    };
    const base = [customer(CHARGED_TWICE, 1), bot(FORWARDED, 2), note, customer('It bounced, I need a person', 20), bot(PROMISE_AGAIN, 21)];
    const tags = { tags: ['billing', 'sys_escalation'] };
    expect(check(conv(base, tags), { now: at(30) }).brokenPromise).toBe(true);
    // Escalated again from another browser (its note carries an `escalated` record): the tag shows it handled.
    const again = recordLine({ v: 1, kind: 'escalated', at: at(25), reason: 'bot_handed_off', signals: [] });
    const escalatedNote: MessageInput = { role: 'agent', internal: true, text: `Escalation\n${again}`, createdAt: at(25), author: DANA };
    const r = check(conv([...base, escalatedNote], tags), { now: at(30) });
    expect(r.brokenPromise).toBe(false);
    expect(r.handled).toEqual({ by: 'tag', tag: 'sys_escalation' });
  });
});
