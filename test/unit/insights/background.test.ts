import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { installHandoffLog, logEvents } from '@/entrypoints/background/insights';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { checkOffline } from '@/lib/engine/offline';
import { ZENDESK_LAYOUT } from '@/lib/platforms/zendesk/ops';
import { ConversationSchema } from '@/lib/schema/conversation';
import { defaultPolicy } from '@/lib/schema/policy';
import { handoffLog } from '@/utils/handoff-log';
import { journalStorage, policyStore } from '@/utils/storage';
import { day, shown } from './helpers';

const conversation = ConversationSchema.parse({ id: '1', messages: [{ role: 'customer', text: 'I want to talk to a human please' }] });
const draft = { note: 'n', tags: ['sys_escalation'], target: null, routeReason: '', suspend: true };

function journalFor(conversationId: string, at: string) {
  const ref = { platform: 'zendesk' as const, account: 'acme', conversationId, idIsGuess: false };
  const verdict = checkOffline(conversation, defaultPolicy());
  return newJournal(buildPlan(ref, { ...conversation, id: conversationId }, draft, defaultPolicy(), verdict), ZENDESK_LAYOUT, new Date(at));
}

const logged = async () => (await handoffLog().all()).map((e) => `${e.kind}:${e.conversationId}`);

// One worker's life in order: the log is the extension's one IndexedDB database.
describe('the background keeps the handoff log from the journals', () => {
  it('logs escalations and returns once, including one written while the worker was not listening', async () => {
    // Written, then the worker stopped before anything was logged.
    await journalStorage.put(journalFor('10', day(1)));
    await installHandoffLog();
    expect(await logged()).toEqual(['escalated:10']);

    // Live: a new escalation, then Return to bot on it.
    const j = journalFor('11', day(2));
    await journalStorage.put(j);
    await vi.waitFor(async () => expect(await logged()).toContain('escalated:11'));
    await journalStorage.put({ ...j, rev: 5, resumedAt: day(3) });
    await vi.waitFor(async () => expect(await logged()).toContain('returned:11'));

    // A later escalation of the same conversation replaces the journal; the earlier escalation stays logged.
    await journalStorage.put(journalFor('11', day(4)));
    await vi.waitFor(async () => expect((await logged()).filter((k) => k === 'escalated:11')).toHaveLength(2));

    // The worker starts again and replays every stored journal: nothing is logged twice.
    await installHandoffLog();
    expect((await logged()).sort()).toEqual(['escalated:10', 'escalated:11', 'escalated:11', 'returned:11']);
  });

  it('keeps customer text beyond the evidence only when the team lead allows it', async () => {
    await logEvents([shown({ conversationId: '20', at: day(5), summary: { order: 'A-1' } })]);
    const policy = defaultPolicy();
    await policyStore.write({ ...policy, handoffLog: { ...policy.handoffLog, keepCustomerText: true } });
    await logEvents([shown({ conversationId: '21', at: day(5), summary: { order: 'A-2' } })]);
    const all = await handoffLog().all();
    expect(all.find((e) => e.conversationId === '20')).not.toHaveProperty('summary');
    expect(all.find((e) => e.conversationId === '21')).toMatchObject({ summary: { order: 'A-2' } });
  });
});
