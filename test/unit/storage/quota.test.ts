import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { runJournal } from '@/lib/executor/run';
import type { Operation, PlatformAdapter } from '@/lib/platforms/types';
import { ConversationSchema } from '@/lib/schema/conversation';
import type { StepKind } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';
import type { NoteDraft } from '@/lib/schema/storage';
import { journalStorage, noteDraftItem } from '@/utils/storage';
import { limitLocalStorage, QUOTA_BYTES } from '@/test/fixtures/quota-storage';

const DRAFTS = 10_000;
const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: 'live', idIsGuess: false };
const target = { platform: 'zendesk' as const, kind: 'group' as const, id: '2', name: 'Returns team' };
const conversation = ConversationSchema.parse({ id: 'live', messages: [{ role: 'customer', text: 'I want a human' }] });

/** An agent's edited draft, dated `i` minutes after the first, padded so DRAFTS of them fill the quota. */
function draftNo(i: number): NoteDraft {
  const base: NoteDraft = {
    note: '',
    noteEdited: true,
    tags: ['sys_escalation'],
    tagsEdited: true,
    target: null,
    targetEdited: false,
    suspend: true,
    suspendEdited: false,
    savedAt: new Date(Date.now() - (DRAFTS - i) * 60_000).toISOString(),
  };
  const per = Math.floor(QUOTA_BYTES / DRAFTS);
  const size = `baton:draft:zendesk:acme:${i}`.length + JSON.stringify(base).length;
  return { ...base, note: 'x'.repeat(Math.max(0, per - size)) };
}

/** A helpdesk that lands every step it is sent. */
function desk() {
  const landed: StepKind[] = [];
  const adapter = {
    escalationOps: (_ctx: unknown, _plan: unknown, remaining: StepKind[]): Operation[] =>
      remaining.map((kind) => ({ covers: [kind], run: async () => void landed.push(kind) })),
    resumeOps: () => [],
  } as unknown as PlatformAdapter;
  return { adapter, landed };
}

let quota: ReturnType<typeof limitLocalStorage>;
beforeEach(async () => {
  fakeBrowser.reset();
  quota = limitLocalStorage();
  await quota.fill(Object.fromEntries(Array.from({ length: DRAFTS }, (_, i) => [`baton:draft:zendesk:acme:${i}`, draftNo(i)])));
  // The last one takes all but 100 bytes.
  const last = draftNo(DRAFTS);
  const key = `baton:draft:zendesk:acme:${DRAFTS}`;
  const room = QUOTA_BYTES - (await quota.used()) - key.length - JSON.stringify(last).length - 100;
  await quota.fill({ [key]: { ...last, note: last.note + 'x'.repeat(room) } });
});
afterEach(() => quota.restore());

describe('a full storage.local', () => {
  it("10,000 drafts' worth fill the quota, and an escalation still runs to the end", async () => {
    expect(QUOTA_BYTES - (await quota.used())).toBe(100);
    const plan = buildPlan(
      ref,
      conversation,
      { note: 'Customer wants a human.', tags: ['sys_escalation'], target, routeReason: '', suspend: true },
      defaultPolicy(),
    );
    const journal = newJournal(plan, [['tags'], ['note'], ['assign'], ['pause']]);
    const { adapter, landed } = desk();

    await journalStorage.put(journal);
    const done = await runJournal(journal, adapter, {} as never, journalStorage);

    expect(landed).toEqual(['tags', 'note', 'assign', 'pause']);
    expect(done.finishedAt).toBeDefined();
    expect((await journalStorage.get(journal.key))?.finishedAt).toBe(done.finishedAt);
    // Room was made from the oldest drafts, not by emptying storage.
    expect(await noteDraftItem(`zendesk:acme:0`).get()).toBeNull();
    expect(await noteDraftItem(`zendesk:acme:${DRAFTS}`).get()).not.toBeNull();
    expect((await noteDraftItem.list()).length).toBeGreaterThan(DRAFTS * 0.8);
  });

  it('a journal write that finds no room says so in a sentence', async () => {
    await fakeBrowser.storage.local.clear();
    await quota.fill({ filler: 'x'.repeat(QUOTA_BYTES - 20) });
    const plan = buildPlan(ref, conversation, { note: 'n', tags: [], target: null, routeReason: '', suspend: false }, defaultPolicy());
    await expect(journalStorage.put(newJournal(plan, [['tags']]))).rejects.toThrow(/storage is full/);
  });
});
