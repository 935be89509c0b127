import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CheckResult } from '@/lib/schema/messages';
import { journalKey, type Journal } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';
import { flushDraft } from '@/components/sidebar/draft';
import { noteDraftItem } from '@/utils/storage';
import { ref, VALID } from '../protocol/fixtures';

const pending: { type: string; resolve: (v: unknown) => void }[] = [];
vi.mock('@/utils/messaging', () => ({
  send: (type: string) => new Promise((resolve) => pending.push({ type, resolve })),
}));
const { useSidebar } = await import('@/components/sidebar/store');

const key = journalKey(ref.platform, ref.account, ref.conversationId);
const result = VALID.check as CheckResult;
const draftKeys = async () => Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('baton:draft:'));

/** The sidebar opened on the conversation and its check answered. */
async function view(conversationId = ref.conversationId) {
  const s = useSidebar.getState();
  await s.setConversation({ ...ref, conversationId }, defaultPolicy());
  await s.check({ answer: Promise.resolve(result) });
  // Whatever the sidebar meant to save is written now rather than after its short delay.
  await flushDraft(journalKey(ref.platform, ref.account, conversationId));
}

beforeEach(async () => {
  fakeBrowser.reset();
  pending.length = 0;
  await useSidebar.getState().setConversation(null, defaultPolicy());
});

describe('note drafts in storage', () => {
  it('viewing conversations without editing stores no draft', async () => {
    for (const id of ['4', '5', '6']) await view(id);
    expect(useSidebar.getState().draft?.note).toBe(result.verdict.note);
    expect(await draftKeys()).toEqual([]);
  });

  it('an edit stores only what the agent changed (no verdict text), and survives a reload', async () => {
    await view();
    useSidebar.getState().editDraft({ tags: ['vip'] });
    await flushDraft(key);
    const stored = await noteDraftItem(key).get();
    expect(stored).toMatchObject({ tags: ['vip'], tagsEdited: true, note: '', noteEdited: false });
    expect(JSON.stringify(stored)).not.toContain(result.verdict.note);
    expect(stored?.savedAt).toBeDefined();

    // Opened again: the edit is back and the rest comes from the verdict.
    await useSidebar.getState().setConversation(null, defaultPolicy());
    await view();
    expect(useSidebar.getState().draft).toMatchObject({ tags: ['vip'], note: result.verdict.note });
  });

  it('what the agent typed is kept, dated, until it is sent (Escalate, then Return to bot), then removed', async () => {
    await view();
    useSidebar.getState().editDraft({ note: 'My own words' });
    await flushDraft(key);
    expect(await noteDraftItem(key).get()).toMatchObject({ note: 'My own words', savedAt: expect.any(String) });

    const escalating = useSidebar.getState().escalate();
    const finished = { ...(VALID.escalate as Journal), finishedAt: new Date().toISOString() };
    pending
      .splice(
        pending.findIndex((p) => p.type === 'escalate'),
        1,
      )[0]
      .resolve(finished);
    await escalating;
    expect(await draftKeys()).toEqual([]);

    useSidebar.getState().editDraft({ handBack: { line: 'Refunded by hand.', next: '' } });
    await flushDraft(key);
    expect(await noteDraftItem(key).get()).toMatchObject({ handBack: { line: 'Refunded by hand.' }, savedAt: expect.any(String) });
    const returning = useSidebar.getState().resume();
    const handedBack: Journal = {
      ...finished,
      resumedAt: new Date().toISOString(),
      handBack: { line: 'Refunded by hand.', next: 'x', note: 'n', noteMarker: 'm', steps: [], startedAt: new Date().toISOString() },
    };
    pending
      .splice(
        pending.findIndex((p) => p.type === 'resume'),
        1,
      )[0]
      .resolve(handedBack);
    await returning;
    expect(await draftKeys()).toEqual([]);
  });
});
