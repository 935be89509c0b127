import { describe, expect, it } from 'vitest';
import { createHttpClient } from '@/lib/http/client';
import { TransportError, type HttpRequest, type Transport } from '@/lib/http/types';
import { interruption, pauseHeldBack } from '@/lib/executor/outcome';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { hasFailed, isInterrupted, markStale, runJournal } from '@/lib/executor/run';
import type { AdapterContext, Operation, PlatformAdapter } from '@/lib/platforms/types';
import { ConversationSchema } from '@/lib/schema/conversation';
import type { Journal, StepKind } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';
import type { StepLayout } from '@/lib/platforms/types';
import { memoryStore } from '@/test/fixtures/journal-store';

/** The fake helpdesk below sends each step in a request of its own, in this order. */
const EACH_STEP: StepLayout = [['tags'], ['note'], ['assign'], ['pause']];

/**
 * A helpdesk reached through a session relay, as the background sees it: each step is one request, and the
 * relay can lose the tab before (no_tab) or while (tab_gone) a request is in flight. Writes that reached the
 * helpdesk are recorded, so "sent twice" is visible.
 */
function relayedDesk() {
  const applied: StepKind[] = [];
  const requests: string[] = [];
  /** What happens to the next request to a step's URL. */
  const cut = new Map<StepKind, 'gone-after-landing' | 'gone-before-landing' | 'no-tab'>();
  const transport: Transport = async (req: HttpRequest) => {
    const step = req.url.split('/').pop() as StepKind | 'check';
    requests.push(`${req.method} ${step}`);
    if (req.method === 'GET') return { status: 200, headers: {}, body: { applied: [...applied] } };
    const how = cut.get(step as StepKind);
    cut.delete(step as StepKind);
    if (how === 'no-tab') throw new TransportError('Open a Zendesk tab of acme to connect.', 'no_tab');
    if (how === 'gone-before-landing') throw new TransportError('The helpdesk tab went away before it answered', 'tab_gone');
    applied.push(step as StepKind);
    if (how === 'gone-after-landing') throw new TransportError('The helpdesk tab went away before it answered', 'tab_gone');
    return { status: 200, headers: {}, body: {} };
  };
  const http = createHttpClient({ transport, platformLabel: 'Zendesk', sleep: async () => {} });
  const ctx = { http } as AdapterContext;
  const landed = async (c: AdapterContext, kind: StepKind) => {
    const res = await c.http.call({ method: 'GET', url: 'https://acme.example/check' }, { action: 'check' });
    return (res.body as { applied: StepKind[] }).applied.includes(kind);
  };
  const adapter = {
    escalationOps(c: AdapterContext, _plan: unknown, remaining: StepKind[]): Operation[] {
      return remaining.map((kind) => ({
        covers: [kind],
        run: async () =>
          void (await c.http.call(
            { method: kind === 'note' ? 'POST' : 'PUT', url: `https://acme.example/${kind}` },
            { action: `do ${kind}`, idempotent: kind !== 'note' },
          )),
        alreadyApplied: () => landed(c, kind),
      }));
    },
    resumeOps: () => [],
  } as unknown as PlatformAdapter;
  return { applied, requests, cut, adapter, ctx };
}

const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '7', idIsGuess: false };
const conversation = ConversationSchema.parse({ id: '7', messages: [{ role: 'customer', text: 'human please' }] });
const target = { platform: 'zendesk' as const, kind: 'group' as const, id: '2', name: 'Returns team' };
const plan = () =>
  buildPlan(
    ref,
    conversation,
    { note: 'Customer wants a human.', tags: ['sys_escalation'], target, routeReason: 'x', suspend: true },
    defaultPolicy(),
  );

const STEPS: StepKind[] = ['tags', 'note', 'assign', 'pause'];

describe('an escalation whose tab goes away', () => {
  for (const step of STEPS) {
    for (const how of ['gone-after-landing', 'gone-before-landing'] as const) {
      it(`${step}, ${how === 'gone-after-landing' ? 'after the request landed' : 'before it landed'}: interrupted, not failed; the resumed run finishes it exactly once`, async () => {
        const desk = relayedDesk();
        const store = memoryStore();
        desk.cut.set(step, how);
        const first = await runJournal(newJournal(plan(), EACH_STEP), desk.adapter, desk.ctx, store);
        const cutStep = first.steps.find((s) => s.kind === step)!;
        expect(cutStep).toMatchObject({ status: 'interrupted', uncertain: true });
        expect(hasFailed(first)).toBe(false);
        expect(isInterrupted(first)).toBe(true);
        // The sentence names what happened, never the network, and the bot is not called "not paused" for a failure.
        expect(interruption(first)).toMatch(/tab .*closed or reloaded/);
        expect(interruption(first)).not.toMatch(/network/i);
        expect(pauseHeldBack(first)).toBeNull();
        // Nothing after the cut step was sent: the pause never lands before the note.
        const after = STEPS.slice(STEPS.indexOf(step) + 1);
        expect(desk.applied.filter((k) => after.includes(k))).toEqual([]);

        const done = await runJournal(first, desk.adapter, desk.ctx, store);
        expect(done.finishedAt).toBeDefined();
        expect(done.steps.every((s) => s.status === 'done' && !s.uncertain)).toBe(true);
        expect(desk.applied.sort()).toEqual([...STEPS].sort());
      });
    }
  }

  it('no tab to carry a request: interrupted with the sentence naming the tab to open, nothing sent, nothing to check', async () => {
    const desk = relayedDesk();
    const store = memoryStore();
    desk.cut.set('note', 'no-tab');
    const first = await runJournal(newJournal(plan(), EACH_STEP), desk.adapter, desk.ctx, store);
    expect(first.steps.map((s) => s.status)).toEqual(['done', 'interrupted', 'pending', 'pending']);
    expect(first.steps[1].uncertain).toBe(false);
    expect(interruption(first)).toBe('Open a Zendesk tab of acme to connect.');
    const before = desk.requests.length;
    const done = await runJournal(first, desk.adapter, desk.ctx, store);
    expect(done.finishedAt).toBeDefined();
    // Not uncertain, so no check request: the note is simply posted.
    expect(desk.requests.slice(before)).toEqual(['POST note', 'PUT assign', 'PUT pause']);
  });

  it('a tab lost again while checking keeps the step uncertain, so the note is still looked for before posting', async () => {
    const desk = relayedDesk();
    const store = memoryStore();
    desk.cut.set('note', 'gone-after-landing');
    const first = await runJournal(newJournal(plan(), EACH_STEP), desk.adapter, desk.ctx, store);
    // The check itself fails for good (not a tab problem): the step fails but stays uncertain.
    const broken = {
      ...desk.ctx,
      http: createHttpClient({
        transport: async () => ({ status: 500, headers: {}, body: {} }),
        platformLabel: 'Zendesk',
        sleep: async () => {},
        maxRetries: 0,
      }),
    };
    const second = await runJournal(first, desk.adapter, broken, store);
    expect(second.steps[1]).toMatchObject({ status: 'failed', uncertain: true });
    const third = await runJournal(second, desk.adapter, desk.ctx, store);
    expect(third.finishedAt).toBeDefined();
    expect(desk.applied.filter((k) => k === 'note')).toHaveLength(1);
  });
});

describe('a step left running by a worker that was stopped', () => {
  it('becomes interrupted and uncertain on startup, then finishes without repeating what landed', async () => {
    const desk = relayedDesk();
    const store = memoryStore();
    const j = newJournal(plan(), EACH_STEP);
    desk.applied.push('tags', 'note');
    const crashed: Journal = {
      ...j,
      steps: j.steps.map((s) =>
        s.kind === 'tags' ? { ...s, status: 'done' } : s.kind === 'note' ? { ...s, status: 'running', attempts: 1 } : s,
      ),
    };
    const swept = markStale(crashed)!;
    expect(swept.steps[1]).toMatchObject({ status: 'interrupted', uncertain: true });
    expect(isInterrupted(swept)).toBe(true);
    await store.put(swept);
    const done = await runJournal(swept, desk.adapter, desk.ctx, store);
    expect(done.finishedAt).toBeDefined();
    expect(desk.applied.filter((k) => k === 'note')).toHaveLength(1);
  });

  it('a journal whose run is in progress in this worker is not stale', async () => {
    const desk = relayedDesk();
    const store = memoryStore();
    const j = newJournal(plan(), EACH_STEP);
    const run = runJournal(j, desk.adapter, desk.ctx, store);
    const running: Journal = { ...j, steps: j.steps.map((s) => (s.kind === 'tags' ? { ...s, status: 'running' } : s)) };
    expect(markStale(running)).toBeNull();
    await run;
    expect(markStale((await store.get(j.key)) as Journal)).toBeNull();
  });
});
