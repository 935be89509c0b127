import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installUpkeep } from '@/entrypoints/background/upkeep';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { ConversationSchema } from '@/lib/schema/conversation';
import { journalKey, type Journal } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';
import type { NoteDraft } from '@/lib/schema/storage';
import { journalItem, journalStorage, lastConversationItem, noteDraftItem, policyStore, runUpkeep } from '@/utils/storage';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const ago = (days: number) => new Date(NOW - days * 86_400_000).toISOString();
const QUIET = 10 * 60_000;
const NOTE = 'Customer Jane (jane@example.com) wants a refund for order A-10234.';

function journal(id: string, over: Partial<Journal> = {}, status: 'done' | 'pending' = 'done'): Journal {
  const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: id, idIsGuess: false };
  const conversation = ConversationSchema.parse({ id, messages: [{ role: 'customer', text: 'human please' }] });
  const plan = buildPlan(
    ref,
    conversation,
    { note: NOTE, tags: ['sys_escalation'], target: null, routeReason: '', suspend: true },
    defaultPolicy(),
  );
  const why = {
    status: 'escalate' as const,
    signals: [{ kind: 'user_requested_human' as const, quote: 'human please', confidence: 1 }],
    reason: 'Asked for a human.',
    summary: { Email: 'jane@example.com' },
  };
  const j = newJournal({ ...plan, why }, [['tags'], ['note'], ['pause']]);
  return { ...j, steps: j.steps.map((s) => ({ ...s, status })), ...over };
}
const draft = (over: Partial<NoteDraft>): NoteDraft => ({
  note: 'My words',
  noteEdited: true,
  tags: [],
  tagsEdited: false,
  target: null,
  targetEdited: false,
  suspend: false,
  suspendEdited: false,
  ...over,
});

const cut = journal('unfinished', { startedAt: ago(60) }, 'pending');
const old = journal('old', { startedAt: ago(31), finishedAt: ago(30) });
const recent = journal('recent', { startedAt: ago(2), finishedAt: ago(2) });
const handingBack = journal('handing-back', {
  startedAt: ago(40),
  finishedAt: ago(40),
  handBack: {
    line: 'Refunded',
    next: 'x',
    note: 'n',
    noteMarker: 'm',
    steps: [{ kind: 'note', status: 'failed', attempts: 1 }],
    startedAt: ago(30),
  },
});
const justNow = journal('just-now', { startedAt: new Date(NOW - 60_000).toISOString(), finishedAt: new Date(NOW - 60_000).toISOString() });

const stored = async (j: Journal) => journalItem(j.key).get();
const k = (id: string) => journalKey('zendesk', 'acme', id);

beforeEach(async () => {
  fakeBrowser.reset();
  for (const j of [cut, old, recent, handingBack, justNow]) await journalStorage.put(j);
  await noteDraftItem(k('viewed')).set(draft({ noteEdited: false, note: NOTE }));
  await noteDraftItem(k('abandoned')).set(draft({ savedAt: ago(20) }));
  await noteDraftItem(k('typing')).set(draft({ savedAt: ago(1) }));
  await noteDraftItem(k('before-dates')).set(draft({}));
  await lastConversationItem.set({ platform: 'zendesk', messages: [{ role: 'customer', text: NOTE }] as never });
});

describe('storage clean-up', () => {
  it('removes settled journals after 14 days and never an unfinished one or a hand-back half way', async () => {
    await runUpkeep({ quietMs: QUIET, now: NOW });
    expect(await stored(old)).toBeNull();
    expect(await stored(cut)).toMatchObject({ plan: { note: expect.stringContaining(NOTE) } });
    expect(await stored(handingBack)).toMatchObject({ plan: { note: expect.stringContaining(NOTE) }, handBack: { line: 'Refunded' } });
    expect(await stored(recent)).not.toBeNull();
  });

  it('removes drafts with nothing typed and drafts untouched for 14 days, keeps and dates the rest', async () => {
    await runUpkeep({ quietMs: QUIET, now: NOW });
    expect(await noteDraftItem(k('viewed')).get()).toBeNull();
    expect(await noteDraftItem(k('abandoned')).get()).toBeNull();
    expect(await noteDraftItem(k('typing')).get()).toMatchObject({ note: 'My words' });
    expect(await noteDraftItem(k('before-dates')).get()).toMatchObject({ note: 'My words', savedAt: new Date(NOW).toISOString() });
  });

  it('keeps no customer text in settled journals or the preview copy when the team lead does not allow it', async () => {
    await runUpkeep({ quietMs: QUIET, now: NOW });
    const text = JSON.stringify(await stored(recent));
    expect(text).not.toContain('A-10234');
    expect(text).not.toContain('jane@example.com');
    // What a reload or Return to bot needs stays: ids, steps, marker, pause; and the evidence quote, as in the log.
    expect(await stored(recent)).toMatchObject({
      plan: { noteMarker: recent.plan.noteMarker, conversationId: 'recent', why: { summary: {} } },
    });
    expect((await stored(recent))?.plan.why?.signals[0].quote).toBe('human please');
    // Still needed: a journal to finish posts its note; a just-finished one is still being announced.
    expect((await stored(cut))?.plan.note).toContain(NOTE);
    expect((await stored(justNow))?.plan.note).toContain(NOTE);
    expect(await lastConversationItem.get()).toBeNull();
  });

  it('keeps customer text when the team lead allows it', async () => {
    const policy = defaultPolicy();
    await policyStore.write({ ...policy, handoffLog: { ...policy.handoffLog, keepCustomerText: true } });
    await runUpkeep({ quietMs: QUIET, now: NOW });
    expect((await stored(recent))?.plan.note).toContain(NOTE);
    expect(await lastConversationItem.get()).not.toBeNull();
  });

  it('runs when the worker starts and on the daily alarm', async () => {
    installUpkeep(Promise.resolve());
    await vi.waitFor(async () => expect(await noteDraftItem(k('viewed')).get()).toBeNull());
    expect(await fakeBrowser.alarms.get('baton:storage-upkeep')).toMatchObject({ periodInMinutes: 24 * 60 });

    await noteDraftItem(k('viewed')).set(draft({ noteEdited: false }));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'baton:storage-upkeep', scheduledTime: Date.now(), persistAcrossSessions: false });
    await vi.waitFor(async () => expect(await noteDraftItem(k('viewed')).get()).toBeNull());
  });
});
