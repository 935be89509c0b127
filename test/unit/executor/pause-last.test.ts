import { describe, expect, it } from 'vitest';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { pauseHeldBack } from '@/lib/executor/outcome';
import { runJournal } from '@/lib/executor/run';
import { ApiError } from '@/lib/http/errors';
import { checkLayout, groupOperations } from '@/lib/platforms/steps';
import type { StepLayout } from '@/lib/platforms/types';
import { MissingConnectionField, type PlatformAdapter } from '@/lib/platforms/types';
import { ConversationSchema } from '@/lib/schema/conversation';
import type { Journal, StepKind } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';
import { memoryStore } from '@/test/fixtures/journal-store';

/** The three request layouts the platforms use: one atomic update; note then one update; note, assign, tags+pause. */
const LAYOUTS: Record<string, StepLayout> = {
  'one atomic update': [['note', 'assign', 'tags', 'pause']],
  'note, then one update': [['note'], ['tags', 'assign', 'pause']],
  'note, assignment, then tags with the pause': [['note'], ['assign'], ['tags', 'pause']],
};

/** A helpdesk whose requests carry whole groups; `failing` steps make their request fail until cleared. */
function desk(layout: StepLayout, failing: { steps: StepKind[]; error: () => Error }) {
  const landed: StepKind[] = [];
  const adapter = {
    escalationOps: (_ctx: unknown, _plan: unknown, remaining: StepKind[]) =>
      groupOperations(checkLayout(layout), remaining, (steps) => ({
        covers: steps,
        async run() {
          if (steps.some((s) => failing.steps.includes(s))) throw failing.error();
          landed.push(...steps);
        },
      })),
    resumeOps: () => [],
  } as unknown as PlatformAdapter;
  return { adapter, landed };
}

const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '7', idIsGuess: false };
const conversation = ConversationSchema.parse({ id: '7', messages: [{ role: 'customer', text: 'a human please' }], tags: [] });
const target = { platform: 'zendesk' as const, kind: 'group' as const, id: '2', name: 'Returns team' };
const plan = () =>
  buildPlan(
    ref,
    conversation,
    { note: 'Customer wants a human.', tags: ['sys_escalation'], target, routeReason: '', suspend: true },
    defaultPolicy(),
  );
const unavailable = () => new ApiError('The helpdesk is temporarily unavailable (503) and could not post the note.', 'server', 503);
const step = (j: Journal, kind: StepKind) => j.steps.find((s) => s.kind === kind)!;

describe('a note that keeps failing never leaves the bot paused', () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`${name}: the bot is not paused, the agent is told why, and a retry after the fault completes the handoff`, async () => {
      const failing = { steps: ['note'] as StepKind[], error: unavailable };
      const d = desk(layout, failing);
      const store = memoryStore();
      let j = newJournal(plan(), layout);
      await store.put(j);
      for (let attempt = 0; attempt < 3; attempt++) j = await runJournal(j, d.adapter, {} as never, store);

      expect(d.landed).not.toContain('pause');
      expect(step(j, 'pause').status).not.toBe('done');
      expect(step(j, 'note').status).toBe('failed');
      expect(pauseHeldBack(j)).toMatch(/^The bot was not paused because the note could not be posted/);

      failing.steps = [];
      j = await runJournal(j, d.adapter, {} as never, store);
      expect(j.steps.every((s) => s.status === 'done')).toBe(true);
      expect(d.landed.filter((s) => s === 'note')).toHaveLength(1);
      expect(pauseHeldBack(j)).toBeNull();
    });
  }

  it('refuses an adapter that would pause before the note lands, and says so', async () => {
    const landed: StepKind[] = [];
    const pauseFirst = {
      escalationOps: (_c: unknown, _p: unknown, remaining: StepKind[]) =>
        ['pause', 'note', 'tags', 'assign']
          .filter((k) => remaining.includes(k as StepKind))
          .map((k) => ({ covers: [k as StepKind], run: async () => void landed.push(k as StepKind) })),
      resumeOps: () => [],
    } as unknown as PlatformAdapter;
    const store = memoryStore();
    const j = await runJournal(newJournal(plan(), [['pause'], ['note'], ['tags'], ['assign']]), pauseFirst, {} as never, store);
    expect(landed).toEqual([]);
    expect(step(j, 'pause').status).toBe('failed');
    expect(step(j, 'pause').error).toMatch(/did not pause the bot because/);
  });

  it('a step that fails for want of a connection setting records which one, so the sidebar can ask for it', async () => {
    const d = desk(LAYOUTS['note, assignment, then tags with the pause']!, {
      steps: ['note'],
      error: () => new MissingConnectionField('Baton could not find you among the teammates; set your teammate id.', 'authorId'),
    });
    const j = await runJournal(
      newJournal(plan(), LAYOUTS['note, assignment, then tags with the pause']!),
      d.adapter,
      {} as never,
      memoryStore(),
    );
    expect(step(j, 'note')).toMatchObject({ status: 'failed', needs: 'authorId' });
    expect(d.landed).toEqual([]);
  });

  it('says nothing when the bot was paused or no pause was planned', async () => {
    const d = desk(LAYOUTS['one atomic update']!, { steps: [], error: unavailable });
    const j = await runJournal(newJournal(plan(), LAYOUTS['one atomic update']!), d.adapter, {} as never, memoryStore());
    expect(pauseHeldBack(j)).toBeNull();
    const noPause = newJournal({ ...plan(), pause: null }, LAYOUTS['one atomic update']!);
    expect(
      pauseHeldBack({ ...noPause, steps: noPause.steps.map((s) => (s.kind === 'note' ? { ...s, status: 'failed' as const } : s)) }),
    ).toBeNull();
  });
});
