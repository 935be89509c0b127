import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { eventsFromJournal } from '@/lib/insights/from-journal';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { checkOffline } from '@/lib/engine/offline';
import { ZENDESK_LAYOUT } from '@/lib/platforms/zendesk/ops';
import { ConversationSchema } from '@/lib/schema/conversation';
import { defaultPolicy } from '@/lib/schema/policy';
import { importLegacyRecords, openHandoffLog, type HandoffLog } from '@/utils/handoff-log';
import { escalationRecordsItem } from '@/utils/storage';
import { day, escalated, shown } from './helpers';

let log: HandoffLog;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  log = openHandoffLog(`test-log-${++n}`);
});
afterEach(() => log.close());

const max = { maxEntries: 10_000 };

describe('handoff log store (IndexedDB)', () => {
  it('keeps one verdict_shown per conversation and verdict, across re-checks', async () => {
    expect(await log.add([shown({ conversationId: '1', at: day(1) })], max)).toBe(1);
    // The same call on a re-check or in a second tab: nothing new.
    expect(await log.add([shown({ conversationId: '1', at: day(1, 5) })], max)).toBe(0);
    // A different call on the same conversation, and the same call on another conversation, are new.
    await log.add(
      [shown({ conversationId: '1', at: day(1, 9), status: 'none', signals: [] }), shown({ conversationId: '2', at: day(1) })],
      max,
    );
    const all = await log.all();
    expect(all.map((e) => [e.conversationId, 'status' in e && e.status])).toEqual([
      ['1', 'escalate'],
      ['2', 'escalate'],
      ['1', 'none'],
    ]);
  });

  it('a pickup seen on a later re-check is added to the verdict already logged, without a second entry', async () => {
    await log.add([shown({ conversationId: '1', at: day(1), promisedAt: day(1) })], max);
    await log.add([shown({ conversationId: '1', at: day(1, 40), promisedAt: day(1), pickedUpAt: day(1, 30) })], max);
    const all = await log.all();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ at: day(1), pickedUpAt: day(1, 30) });
  });

  it('drops the oldest entries beyond the cap, and a replay of them does not bring them back', async () => {
    const events = Array.from({ length: 8 }, (_, i) => escalated({ conversationId: `c${i}`, at: day(i + 1) }));
    await log.add(events, { maxEntries: 5 });
    expect((await log.all()).map((e) => e.conversationId)).toEqual(['c3', 'c4', 'c5', 'c6', 'c7']);
    // The worker replays the journals after a restart: the three dropped escalations stay dropped.
    expect(await log.add(events, { maxEntries: 5 })).toBe(0);
    expect(await log.count()).toBe(5);
    // Something newer still gets in, pushing the oldest out.
    await log.add([escalated({ conversationId: 'new', at: day(20) })], { maxEntries: 5 });
    expect((await log.all()).map((e) => e.conversationId)).toEqual(['c4', 'c5', 'c6', 'c7', 'new']);
  });

  it('clear empties the log; journals replayed afterwards do not refill it, new events do', async () => {
    await log.add([escalated({ conversationId: '1', at: day(1) })], max);
    await log.clear(new Date(day(2)));
    expect(await log.all()).toEqual([]);
    await log.add([escalated({ conversationId: '1', at: day(1) }), escalated({ conversationId: '2', at: day(3) })], max);
    expect((await log.all()).map((e) => e.conversationId)).toEqual(['2']);
  });

  it('two reports of one escalation at once (handler and journal watcher) make one entry', async () => {
    const e = escalated({ conversationId: '1', at: day(1) });
    const added = await Promise.all([log.add([e], max), log.add([{ ...e, clickedBy: 'Dana' }], max)]);
    expect(added.sort()).toEqual([0, 1]);
    const all = await log.all();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ clickedBy: 'Dana' });
  });
});

describe('moving the old storage.local escalation records into the log', () => {
  const conversation = ConversationSchema.parse({
    id: '1042',
    messages: [{ role: 'customer', text: 'I want to talk to a human please' }],
  });
  const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '1042', idIsGuess: false };
  const draft = { note: 'n', tags: ['sys_escalation'], target: null, routeReason: '', suspend: true };

  it('moves every record once, removes the old key, and the journal of the same escalation does not add it again', async () => {
    const journal = newJournal(
      buildPlan(ref, conversation, draft, defaultPolicy(), checkOffline(conversation, defaultPolicy())),
      ZENDESK_LAYOUT,
      new Date(day(2)),
    );
    await escalationRecordsItem.set([
      {
        time: day(1),
        platform: 'gorgias',
        account: 'shop',
        conversation: '7',
        signals: ['out_of_scope'],
        subAgent: 'returns',
        target: { kind: 'team', id: '3', name: 'Returns' },
        clickedBy: null,
      },
      {
        time: journal.startedAt,
        platform: 'zendesk',
        account: 'acme',
        conversation: '1042',
        signals: ['user_requested_human'],
        subAgent: null,
        target: null,
        clickedBy: null,
      },
    ]);
    expect(await importLegacyRecords(log, max)).toBe(2);
    expect(await fakeBrowser.storage.local.get('baton:escalations')).toEqual({});
    // Run again (an interrupted first run): nothing doubles.
    expect(await importLegacyRecords(log, max)).toBe(0);
    expect(await log.add(eventsFromJournal(journal, false), max)).toBe(0);
    const all = await log.all();
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({
      kind: 'escalated',
      platform: 'gorgias',
      subAgent: 'returns',
      reasons: ['out_of_scope'],
      override: false,
    });
    expect(all[1]).toMatchObject({ kind: 'escalated', conversationId: '1042', reasons: ['user_requested_human'] });
  });
});
