import { describe, expect, it } from 'vitest';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { runJournal } from '@/lib/executor/run';
import { ApiError } from '@/lib/http/errors';
import type { Operation, PlatformAdapter } from '@/lib/platforms/types';
import { ConversationSchema } from '@/lib/schema/conversation';
import type { Journal, StepKind } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';
import type { StepLayout } from '@/lib/platforms/types';
import { memoryStore } from '@/test/fixtures/journal-store';

/** The fake helpdesk below sends each step in a request of its own, in this order. */
const EACH_STEP: StepLayout = [['tags'], ['note'], ['assign'], ['pause']];

/** A fake helpdesk that records what landed, with scripted failures per step. */
function fakeDesk() {
  const landed: StepKind[] = [];
  const failures = new Map<StepKind, Error[]>();
  const adapter = {
    escalationOps(_ctx: unknown, _plan: unknown, remaining: StepKind[]): Operation[] {
      return remaining.map((kind) => ({
        covers: [kind],
        async run() {
          await new Promise((r) => setTimeout(r, 5));
          const f = failures.get(kind)?.shift();
          if (f && !(f as any).applyFirst) throw f;
          landed.push(kind);
          if (f) throw f;
        },
        alreadyApplied: kind === 'note' ? async () => landed.includes('note') : undefined,
      }));
    },
    resumeOps: () => [],
  } as unknown as PlatformAdapter;
  return { landed, failures, adapter };
}

const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '7', idIsGuess: false };
const conversation = ConversationSchema.parse({ id: '7', messages: [{ role: 'customer', text: 'human please' }], tags: ['bot_managed'] });
const target = { platform: 'zendesk' as const, kind: 'group' as const, id: '2', name: 'Returns team' };
const plan = () =>
  buildPlan(
    ref,
    conversation,
    { note: 'Customer wants a human.', tags: ['sys_escalation'], target, routeReason: 'x', suspend: true },
    defaultPolicy(),
  );
const ctx = {} as any;

describe('one-click escalation journal', () => {
  it('runs tags → note → assign → pause once, even when clicked twice at the same time', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    const j = newJournal(plan(), EACH_STEP);
    await store.put(j);
    const [a, b] = await Promise.all([runJournal(j, desk.adapter, ctx, store), runJournal(j, desk.adapter, ctx, store)]);
    expect(desk.landed).toEqual(['tags', 'note', 'assign', 'pause']);
    expect(a.steps.every((s) => s.status === 'done')).toBe(true);
    expect(b.finishedAt).toBeDefined();
    // A later click on the finished journal sends nothing.
    await runJournal((await store.get(j.key))!, desk.adapter, ctx, store);
    expect(desk.landed).toHaveLength(4);
  });

  it('stops at a failed step with its plain sentence, and Retry runs only that step and the ones after', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    desk.failures.set('assign', [
      new ApiError('Zendesk had a server error (500) and could not assign the ticket. Retry in a moment.', 'server', 500),
    ]);
    const j = newJournal(plan(), EACH_STEP);
    const first = await runJournal(j, desk.adapter, ctx, store);
    expect(first.steps.map((s) => s.status)).toEqual(['done', 'done', 'failed', 'pending']);
    expect(first.steps[2].error).toMatch(/could not assign/);
    const second = await runJournal(first, desk.adapter, ctx, store);
    expect(second.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(desk.landed.filter((k) => k === 'note')).toHaveLength(1);
    expect(desk.landed.filter((k) => k === 'tags')).toHaveLength(1);
  });

  it('checks for the note before posting again when its outcome was unknown', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    const timeout = Object.assign(new ApiError('Zendesk did not answer in time', 'timeout', undefined, true), { applyFirst: true });
    desk.failures.set('note', [timeout]);
    const first = await runJournal(newJournal(plan(), EACH_STEP), desk.adapter, ctx, store);
    expect(first.steps[1]).toMatchObject({ status: 'failed', uncertain: true });
    const second = await runJournal(first, desk.adapter, ctx, store);
    expect(second.steps[1].status).toBe('done');
    expect(desk.landed.filter((k) => k === 'note')).toHaveLength(1);
  });

  it('resumes a journal left mid-way by a crash (a step still marked running) without repeating the note', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    const j = newJournal(plan(), EACH_STEP);
    desk.landed.push('tags', 'note'); // landed before the crash
    const crashed: Journal = {
      ...j,
      steps: j.steps.map((s) => (s.kind === 'tags' ? { ...s, status: 'done' } : s.kind === 'note' ? { ...s, status: 'running' } : s)),
    };
    await store.put(crashed);
    const done = await runJournal(crashed, desk.adapter, ctx, store);
    expect(done.steps.every((s) => s.status === 'done')).toBe(true);
    expect(desk.landed).toEqual(['tags', 'note', 'assign', 'pause']);
  });

  it('every save moves the revision on, so a reader can tell an older copy from a newer one', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    const j = newJournal(plan(), EACH_STEP);
    const seen: number[] = [];
    const done = await runJournal(j, desk.adapter, ctx, store, (x) => seen.push(x.rev ?? 0));
    expect(seen.length).toBeGreaterThan(4);
    expect(seen.every((rev, i) => rev > (i === 0 ? (j.rev ?? 0) : seen[i - 1]))).toBe(true);
    expect((await store.get(j.key))?.rev).toBe(done.rev);
    expect(done.rev).toBe(seen[seen.length - 1]);
  });

  it('skips routing and pausing when the agent turned them off', () => {
    const p = buildPlan(
      ref,
      conversation,
      { note: 'n', tags: ['sys_escalation'], target: null, routeReason: '', suspend: false },
      defaultPolicy(),
    );
    expect(newJournal(p, EACH_STEP).steps.map((s) => s.status)).toEqual(['pending', 'pending', 'skipped', 'skipped']);
  });
});
