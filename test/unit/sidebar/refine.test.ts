import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '@/lib/schema/messages';
import { defaultPolicy } from '@/lib/schema/policy';
import { ref, VALID } from '../protocol/fixtures';

/** Requests the sidebar sends, answered by the test in the order it wants. */
const pending: { type: string; payload: Record<string, unknown>; resolve: (v: unknown) => void }[] = [];
vi.mock('@/utils/messaging', () => ({
  send: (type: string, payload: Record<string, unknown>) => new Promise((resolve) => pending.push({ type, payload, resolve })),
}));
const { useSidebar } = await import('@/components/sidebar/store');

const valid = VALID.check as CheckResult;
const quick: CheckResult = { ...valid, verdict: { ...valid.verdict, engine: 'offline', reason: 'offline reason' }, refining: true };
const refined: CheckResult = { ...valid, verdict: { ...valid.verdict, engine: 'openai', reason: 'model reason' } };
const settle = () => new Promise((r) => setTimeout(r, 0));
const answerNext = async (value: unknown) => {
  pending.shift()!.resolve(value);
  await settle();
};

beforeEach(async () => {
  pending.length = 0;
  await useSidebar.getState().setConversation(null, defaultPolicy());
  await useSidebar.getState().setConversation(ref, defaultPolicy());
});

describe('offline first, the model refines', () => {
  it('shows the quick verdict marked as such, then asks for the refinement and replaces it', async () => {
    const done = useSidebar.getState().check();
    await settle();
    expect(pending.map((p) => [p.type, p.payload.refine])).toEqual([['check', undefined]]);
    await answerNext(quick);
    expect(useSidebar.getState()).toMatchObject({ refining: true, checking: false });
    expect(useSidebar.getState().result?.verdict.reason).toBe('offline reason');
    expect(pending.map((p) => [p.type, p.payload.refine])).toEqual([['check', true]]);
    await answerNext(refined);
    await done;
    expect(useSidebar.getState().refining).toBe(false);
    expect(useSidebar.getState().result?.verdict.engine).toBe('openai');
    expect(useSidebar.getState().draft?.note).toBe(refined.verdict.note);
  });

  it('a forced re-check forces the refinement too; a verdict that is not provisional asks nothing more', async () => {
    const done = useSidebar.getState().check({ force: true });
    await settle();
    await answerNext(quick);
    expect(pending[0].payload).toMatchObject({ refine: true, force: true });
    await answerNext(refined);
    await done;
    const again = useSidebar.getState().check();
    await settle();
    await answerNext(refined);
    await again;
    expect(pending).toEqual([]);
  });

  it('a conversation left while the model thinks does not receive its verdict', async () => {
    const done = useSidebar.getState().check();
    await settle();
    await answerNext(quick);
    await useSidebar.getState().setConversation({ ...ref, conversationId: 'other' }, defaultPolicy());
    await answerNext(refined);
    await done;
    expect(useSidebar.getState().result).toBeNull();
    expect(useSidebar.getState().refining).toBe(false);
  });
});
