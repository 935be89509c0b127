import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { aggregate, bucketOf } from '@/lib/insights/aggregate';
import { toCsv, CSV_COLUMNS } from '@/lib/insights/csv';
import { redact } from '@/lib/insights/events';
import { suggestFixes, topicsOf } from '@/lib/insights/fixes';
import { eventsFromJournal } from '@/lib/insights/from-journal';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { checkOffline } from '@/lib/engine/offline';
import { ZENDESK_LAYOUT } from '@/lib/platforms/zendesk/ops';
import { ConversationSchema } from '@/lib/schema/conversation';
import { defaultPolicy } from '@/lib/schema/policy';
import { day, escalated, shown } from './helpers';

const all = { platform: 'all', subAgent: 'all', bucket: 'day' } as const;

describe('aggregation for the Insights page', () => {
  const events = [
    escalated({ conversationId: '1', at: day(1), subAgent: 'returns' }),
    escalated({ conversationId: '2', at: day(1, 30), platform: 'front' }, [{ kind: 'bot_handed_off', quote: 'forwarded to billing' }]),
    escalated({ conversationId: '3', at: day(3), platform: 'gorgias', override: true, status: 'none', reasons: [], signals: [] }),
    shown({ conversationId: '4', at: day(2), status: 'unconfirmed', signals: [{ kind: 'unconfirmed', quote: 'may need review' }] }),
    escalated({ conversationId: '4', at: day(4) }, [{ kind: 'user_requested_human', quote: 'I want a human' }]),
  ];

  it('counts escalations per reason and day with no gaps, per helpdesk, and the overrides', () => {
    const r = aggregate(events, all);
    expect(r.buckets).toEqual([bucketOf(day(1), 'day'), bucketOf(day(2), 'day'), bucketOf(day(3), 'day'), bucketOf(day(4), 'day')]);
    expect(r.byReason).toEqual([
      { reason: 'user_requested_human', counts: [1, 0, 0, 1] },
      { reason: 'bot_handed_off', counts: [1, 0, 0, 0] },
      { reason: 'agent_call', counts: [0, 0, 1, 0] },
    ]);
    expect(r.perPlatform).toEqual({ zendesk: 2, front: 1, gorgias: 1 });
    expect(r.totals).toMatchObject({ escalations: 4, overrides: 1, unconfirmedThenEscalated: 1 });
    expect(r.overrides.map((e) => e.conversationId)).toEqual(['3']);
    expect(r.topQuotes[0]).toEqual({ reason: 'user_requested_human', quotes: [{ quote: 'I want a human', count: 2 }] });
  });

  it('filters by helpdesk and sub agent, and buckets by week', () => {
    expect(aggregate(events, { ...all, platform: 'front' }).totals.escalations).toBe(1);
    expect(aggregate(events, { ...all, subAgent: 'returns' }).totals.escalations).toBe(1);
    // 1–4 December 2026 is Tuesday to Friday: one week, starting Monday 30 November.
    const weekly = aggregate(events, { ...all, bucket: 'week' });
    expect(weekly.buckets).toEqual(['2026-11-30']);
    expect(weekly.byReason.find((r) => r.reason === 'user_requested_human')?.counts).toEqual([2]);
  });

  it('takes the median minutes from the promise to the first pickup per conversation', () => {
    const r = aggregate(
      [
        shown({ conversationId: 'a', at: day(1, 5), promisedAt: day(1), pickedUpAt: day(1, 10) }),
        shown({ conversationId: 'a', at: day(1, 50), status: 'none', signals: [], promisedAt: day(1), pickedUpAt: day(1, 45) }),
        shown({ conversationId: 'b', at: day(2, 5), promisedAt: day(2), pickedUpAt: day(2, 30) }),
        shown({ conversationId: 'c', at: day(2, 5), promisedAt: day(2), pickedUpAt: day(2, 50) }),
        // Promised, never picked up: not a sample.
        shown({ conversationId: 'd', at: day(2, 5), promisedAt: day(2) }),
      ],
      all,
    );
    expect(r.pickup).toEqual({ medianMinutes: 30, conversations: 3 });
  });
});

describe('suggested fixes', () => {
  it('names a sub agent whose latest escalations keep having one reason, and what the bot lacks', () => {
    const events = Array.from({ length: 10 }, (_, i) =>
      escalated(
        { conversationId: `r${i}`, at: day(1, i), subAgent: 'returns' },
        i < 8
          ? [{ kind: 'bot_handed_off', quote: "I don't have access to refund payments, so I've passed this on." }]
          : [{ kind: 'user_requested_human', quote: 'human please' }],
      ),
    );
    const fixes = suggestFixes(events);
    expect(fixes).toHaveLength(1);
    expect(fixes[0].text).toBe(
      'Returns sub agent: 8 of its last 10 escalations were “the bot handed off or could not help”. The bot lacks access to refund payments?',
    );
  });

  it('a sub agent with mixed reasons gets no suggestion', () => {
    const kinds = ['bot_handed_off', 'user_requested_human', 'out_of_scope'] as const;
    const events = Array.from({ length: 9 }, (_, i) =>
      escalated({ conversationId: `m${i}`, at: day(1, i), subAgent: 'billing' }, [{ kind: kinds[i % 3], quote: 'q' }]),
    );
    expect(suggestFixes(events).filter((f) => f.kind === 'sub_agent_reason')).toEqual([]);
  });

  it('finds an out-of-scope topic that recurs across conversations, counted once per conversation', () => {
    const quotes = [
      'Can you give me legal advice about suing my landlord?',
      'I need legal advice on my divorce.',
      'Is there any legal advice you can offer about my contract',
      'Legal advice please, about a parking ticket',
      'Could you get me legal advice?',
    ];
    const events = quotes.flatMap((quote, i) => [
      escalated({ conversationId: `o${i}`, at: day(2, i) }, [{ kind: 'out_of_scope', quote }]),
      // The same quote shown before the escalation does not count twice.
      shown({ conversationId: `o${i}`, at: day(2, i), signals: [{ kind: 'out_of_scope', quote }] }),
    ]);
    const topics = suggestFixes(events).filter((f) => f.kind === 'recurring_topic');
    expect(topics.map((t) => [t.topic, t.count])).toEqual([['legal advice', 5]]);
    // Three conversations about a deposit make a second topic.
    const deposits = ['My deposit was never returned', 'Where is my deposit?', 'The deposit for the rental is missing'].map((quote, i) =>
      escalated({ conversationId: `d${i}`, at: day(3, i) }, [{ kind: 'out_of_scope', quote }]),
    );
    const more = suggestFixes([...events, ...deposits]).filter((f) => f.kind === 'recurring_topic');
    expect(more.map((t) => [t.topic, t.count])).toEqual([
      ['legal advice', 5],
      ['deposit', 3],
    ]);
    expect(topics[0].text).toMatch(/^Out-of-scope topic that recurs: “legal advice” \(5 conversations\)/);
  });

  it('reads noun phrases, not verbs or function words', () => {
    expect(topicsOf('Can you give me legal advice about suing my landlord over the deposit?')).toEqual([
      'legal advice',
      'landlord',
      'deposit',
    ]);
  });
});

describe('events from journals', () => {
  const conversation = ConversationSchema.parse({
    id: '9',
    messages: [
      { role: 'customer', text: 'One item was missing from my package and I want a refund for it.' },
      { role: 'bot', text: 'I can help with that. Before I pass this to our team, could you share your order number?' },
    ],
  });
  const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '9', idIsGuess: false };
  const draft = { note: 'n', tags: [], target: null, routeReason: '', suspend: true };

  it('"Escalate anyway" on a Not-yet verdict is an override; a return is logged once the journal has resumedAt', () => {
    const verdict = checkOffline(conversation, defaultPolicy());
    expect(verdict.status).toBe('unconfirmed');
    const journal = newJournal(buildPlan(ref, conversation, draft, defaultPolicy(), verdict), ZENDESK_LAYOUT);
    const [e] = eventsFromJournal(journal, false);
    expect(e).toMatchObject({ kind: 'escalated', override: true, status: 'unconfirmed', reasons: ['unconfirmed'] });
    expect('summary' in e).toBe(false);
    const returned = eventsFromJournal({ ...journal, resumedAt: day(5) }, false);
    expect(returned.map((x) => x.kind)).toEqual(['escalated', 'returned']);
    expect(returned[1]).toMatchObject({ at: day(5), escalatedAt: journal.startedAt });

    // Escalated again soon after that return: the loop guard's escalation counts as a loop.
    const again = newJournal(buildPlan(ref, conversation, draft, defaultPolicy(), verdict, { loop: true }), ZENDESK_LAYOUT);
    const [loop] = eventsFromJournal(again, false);
    expect(loop).toMatchObject({ kind: 'escalated', loop: true });
    expect(aggregate([...returned, loop], all).totals).toMatchObject({ escalations: 2, returns: 1, loops: 1 });
  });

  it('keeps the summary fields only when the team lead allows customer text', () => {
    const e = shown({ conversationId: '1', at: day(1), summary: { order: 'A-10234' } });
    expect('summary' in redact(e, false)).toBe(false);
    expect(redact(e, true).summary).toEqual({ order: 'A-10234' });
  });
});

describe('CSV export', () => {
  it('one row per event with its evidence, and customer text that looks like a formula stays text', () => {
    const csv = toCsv([
      escalated({ conversationId: '2', at: day(2), override: true, status: 'unconfirmed' }, [
        { kind: 'out_of_scope', quote: '=HYPERLINK("x"), "quoted", and more' },
      ]),
      shown({ conversationId: '1', at: day(1) }),
    ]);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data.map((r) => [r.kind, r.conversationId])).toEqual([
      ['verdict_shown', '1'],
      ['escalated', '2'],
    ]);
    expect(parsed.data[1]).toMatchObject({ override: 'true', status: 'unconfirmed', reasons: 'out_of_scope' });
    expect(parsed.data[1].evidence).toBe(`'=HYPERLINK("x"), "quoted", and more`);
  });
});
