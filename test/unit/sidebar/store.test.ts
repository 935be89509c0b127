import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '@/lib/schema/messages';
import { journalKey, type Journal, type StepStatus } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';
import { noteDraftItem } from '@/utils/storage';
import { ref, VALID } from '../protocol/fixtures';

/** Answers to the sidebar's requests, released by the test in the order it wants. */
const pending: { type: string; resolve: (v: unknown) => void }[] = [];
vi.mock('@/utils/messaging', () => ({
  send: (type: string) => new Promise((resolve) => pending.push({ type, resolve })),
}));
const { useSidebar } = await import('@/components/sidebar/store');

const base = VALID.escalate as Journal;
/** The escalation as it stood after `rev` saves: every step in `status`. */
const at = (rev: number, status: StepStatus, over: Partial<Journal> = {}): Journal => ({
  ...base,
  rev,
  steps: base.steps.map((s) => ({ ...s, status })),
  ...over,
});
const checkAnswer = (journal: Journal | null): CheckResult => ({ ...(VALID.check as CheckResult), journal });
const answer = async (type: string, value: unknown) => {
  const i = pending.findIndex((p) => p.type === type);
  pending.splice(i, 1)[0].resolve(value);
  await new Promise((r) => setTimeout(r, 0));
};
const shown = () => useSidebar.getState().journal;

beforeEach(async () => {
  pending.length = 0;
  await useSidebar.getState().setConversation(null, defaultPolicy());
  await useSidebar.getState().setConversation(ref, defaultPolicy());
});

describe('sidebar journal', () => {
  it('a check answer carrying the journal from before a resume does not undo the progress shown since', async () => {
    const s = useSidebar.getState();
    s.journalChanged(at(3, 'interrupted'));
    const check = s.check();
    // While the check runs, the background resumes the escalation and finishes it.
    s.journalChanged(at(7, 'done', { finishedAt: new Date(1).toISOString() }));
    await answer('check', checkAnswer(at(3, 'interrupted')));
    await check;
    expect(shown()?.steps.every((st) => st.status === 'done')).toBe(true);
    expect(shown()?.finishedAt).toBeDefined();
    expect(useSidebar.getState().result).not.toBeNull();
  });

  it('a newer journal in a check answer is shown', async () => {
    const s = useSidebar.getState();
    s.journalChanged(at(3, 'interrupted'));
    const check = s.check();
    await answer('check', checkAnswer(at(7, 'done')));
    await check;
    expect(shown()?.rev).toBe(7);
  });

  it('an older copy arriving from storage after a retry answer is ignored too', async () => {
    const s = useSidebar.getState();
    const retry = s.retry();
    await answer('retry', at(9, 'done'));
    await retry;
    s.journalChanged(at(8, 'running'));
    expect(shown()?.rev).toBe(9);
  });

  it('a new escalation after Return to bot replaces the old one, though its count starts again', async () => {
    const s = useSidebar.getState();
    s.journalChanged(at(12, 'done', { startedAt: new Date(1000).toISOString(), resumedAt: new Date(5000).toISOString() }));
    s.journalChanged(at(1, 'running', { startedAt: new Date(9000).toISOString() }));
    expect(shown()?.rev).toBe(1);
    expect(shown()?.resumedAt).toBeUndefined();
  });
});

describe('sidebar draft', () => {
  it('a verdict that arrives before the saved draft is read keeps the note the agent wrote and fills the rest', async () => {
    const other = { ...ref, conversationId: '8' };
    await noteDraftItem(journalKey(other.platform, other.account, other.conversationId)).set({
      note: 'My own words',
      noteEdited: true,
      tags: ['left-from-an-older-verdict'],
      target: null,
      suspend: false,
    });
    const s = useSidebar.getState();
    // The content script shows the conversation and hands over the answer it asked for at load, at once.
    const loaded = s.setConversation(other, defaultPolicy());
    const result = checkAnswer(null);
    await s.check({ answer: Promise.resolve(result) });
    await loaded;
    const draft = useSidebar.getState().draft;
    expect(draft?.note).toBe('My own words');
    expect(draft?.tags).toEqual([...new Set([...defaultPolicy().tags.escalation, ...result.verdict.suggestedTags])]);
    expect(draft?.target).toEqual(result.route.target);
  });
});
