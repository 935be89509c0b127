import { describe, expect, it } from 'vitest';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { handBack, handBackFailed, handBackInterrupted, startHandBack } from '@/lib/executor/handback';
import { markStale, runJournal } from '@/lib/executor/run';
import { ApiError } from '@/lib/http/errors';
import { hasMarker } from '@/lib/platforms/marker';
import type { Operation, PlatformAdapter } from '@/lib/platforms/types';
import { zendeskAdapter } from '@/lib/platforms/zendesk';
import { ConversationSchema } from '@/lib/schema/conversation';
import type { EscalationPlan, Journal, StepKind } from '@/lib/schema/plan';
import { PolicySchema, defaultPolicy } from '@/lib/schema/policy';
import { renderNote } from '@/lib/note/render';
import { handBackNote } from '@/lib/note/handback';
import { memoryStore } from '@/test/fixtures/journal-store';
import { zendeskHarness } from '../platforms/zendesk/helpers';

type Failure = Error & { applyFirst?: boolean };

/** A fake helpdesk: the notes it holds (text + marker), how often the pause was undone, scripted failures. */
function fakeDesk() {
  const notes: { note: string; marker: string }[] = [];
  let unpaused = 0;
  const fail: { note: Failure[]; unpause: Failure[] } = { note: [], unpause: [] };
  const requested: StepKind[][] = [];
  const adapter = {
    label: 'Fakedesk',
    escalationOps(_ctx: unknown, plan: EscalationPlan, remaining: StepKind[]): Operation[] {
      requested.push(remaining);
      return [
        {
          covers: ['note'],
          async run() {
            await new Promise((r) => setTimeout(r, 5));
            const f = fail.note.shift();
            if (f && !f.applyFirst) throw f;
            notes.push({ note: plan.note, marker: plan.noteMarker });
            if (f) throw f;
          },
          alreadyApplied: async () => notes.some((n) => n.marker === plan.noteMarker),
        },
      ];
    },
    resumeOps: (): Operation[] => [
      {
        covers: ['pause'],
        async run() {
          const f = fail.unpause.shift();
          if (f) throw f;
          unpaused++;
        },
      },
    ],
  } as unknown as PlatformAdapter;
  return { adapter, notes, fail, requested, unpaused: () => unpaused };
}

const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '7', idIsGuess: false };
const conversation = ConversationSchema.parse({ id: '7', messages: [{ role: 'customer', text: 'human please' }], tags: ['bot_managed'] });
const ctx = {} as never;

/** A finished escalation that paused the bot, as on record before Return to bot. */
function escalated(): Journal {
  const plan = buildPlan(
    ref,
    conversation,
    { note: 'Customer wants a human.', tags: ['sys_escalation'], target: null, routeReason: '', suspend: true },
    defaultPolicy(),
  );
  const j = newJournal(plan, [['note', 'tags', 'pause']]);
  return { ...j, steps: j.steps.map((s) => ({ ...s, status: 'done' })), finishedAt: new Date().toISOString() };
}

const LINE = 'Refunded order 1042 by hand';
const serverError = () => new ApiError('Fakedesk had a server error (500) and could not post the internal note.', 'server', 500);

describe('Return to bot: the hand-back through the journal', () => {
  it('posts the note, then undoes the pause, and only then records the conversation as returned', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    const j = await handBack(escalated(), { line: LINE }, desk.adapter, ctx, store);
    expect(desk.notes).toHaveLength(1);
    expect(renderNote(desk.notes[0].note).text).toContain(`What was done: ${LINE}`);
    // The note travels alone: nothing else of the escalation is sent again.
    expect(desk.requested).toEqual([['note']]);
    expect(desk.unpaused()).toBe(1);
    expect(j.handBack!.steps.map((s) => s.status)).toEqual(['done', 'done']);
    expect(j.resumedAt).toBeDefined();
    expect(j.handBack!.finishedAt).toBeDefined();
    expect((await store.get(j.key))!.resumedAt).toBe(j.resumedAt);
  });

  it('a failed note keeps the bot paused, says so, and Retry then posts it once and unpauses', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    desk.fail.note.push(serverError());
    const failed = await handBack(escalated(), { line: LINE }, desk.adapter, ctx, store);
    expect(failed.handBack!.steps.map((s) => s.status)).toEqual(['failed', 'pending']);
    expect(failed.handBack!.steps[0].error).toMatch(/could not post the internal note.*The bot is still paused/);
    expect(desk.unpaused()).toBe(0);
    expect(failed.resumedAt).toBeUndefined();
    expect(handBackFailed(failed)).toBe(true);

    // Retry: no line needed, the one on record is used.
    const done = await handBack(failed, {}, desk.adapter, ctx, store);
    expect(desk.notes).toHaveLength(1);
    expect(desk.unpaused()).toBe(1);
    expect(done.resumedAt).toBeDefined();
    expect(done.handBack!.line).toBe(LINE);
  });

  it('a note whose answer was lost is found by its marker on Retry: no second note', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    desk.fail.note.push(Object.assign(new ApiError('Fakedesk did not answer in time.', 'timeout', undefined, true), { applyFirst: true }));
    const failed = await handBack(escalated(), { line: LINE }, desk.adapter, ctx, store);
    expect(failed.handBack!.steps[0]).toMatchObject({ status: 'failed', uncertain: true });
    expect(desk.notes).toHaveLength(1);
    expect(desk.unpaused()).toBe(0);

    const done = await handBack(failed, {}, desk.adapter, ctx, store);
    expect(desk.notes).toHaveLength(1);
    expect(desk.unpaused()).toBe(1);
    expect(done.resumedAt).toBeDefined();
  });

  it('the hand-back note has a marker of its own, so the escalation note never counts as it', async () => {
    const desk = fakeDesk();
    const start = escalated();
    const j = await handBack(start, { line: LINE }, desk.adapter, ctx, memoryStore());
    expect(j.handBack!.noteMarker).not.toBe(start.plan.noteMarker);
    expect(desk.notes[0].marker).toBe(j.handBack!.noteMarker);
  });

  it('a failed unpause is retried alone: the note is not posted again', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    desk.fail.unpause.push(new ApiError('Fakedesk refused to change the tags (403).', 'forbidden', 403));
    const failed = await handBack(escalated(), { line: LINE }, desk.adapter, ctx, store);
    expect(failed.handBack!.steps.map((s) => s.status)).toEqual(['done', 'failed']);
    expect(failed.handBack!.steps[1]).toMatchObject({ httpStatus: 403, error: 'Fakedesk refused to change the tags (403).' });
    expect(failed.resumedAt).toBeUndefined();

    const done = await handBack(failed, {}, desk.adapter, ctx, store);
    expect(desk.notes).toHaveLength(1);
    expect(desk.requested).toHaveLength(1);
    expect(desk.unpaused()).toBe(1);
    expect(done.handBack!.steps.map((s) => [s.kind, s.status, s.attempts])).toEqual([
      ['note', 'done', 1],
      ['unpause', 'done', 2],
    ]);
    expect(done.resumedAt).toBeDefined();
  });

  it('a double click or a second tab joins the hand-back in progress: one note, one unpause', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    const start = escalated();
    await store.put(start);
    const [a, b] = await Promise.all([
      handBack(start, { line: LINE }, desk.adapter, ctx, store),
      handBack(start, { line: 'A different line from the other tab' }, desk.adapter, ctx, store),
    ]);
    expect(desk.notes).toHaveLength(1);
    expect(desk.unpaused()).toBe(1);
    expect(a.handBack!.line).toBe(LINE);
    expect(b.resumedAt).toBe(a.resumedAt);
    // A later click on a conversation already handed back sends nothing.
    await handBack((await store.get(start.key))!, { line: LINE }, desk.adapter, ctx, store);
    expect(desk.notes).toHaveLength(1);
    expect(desk.unpaused()).toBe(1);
  });

  it('an escalation retry while the hand-back runs joins it instead of running beside it', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    const start = escalated();
    const [a, b] = await Promise.all([
      handBack(start, { line: LINE }, desk.adapter, ctx, store),
      runJournal(start, desk.adapter, ctx, store),
    ]);
    expect(b).toBe(a);
    expect(desk.notes).toHaveLength(1);
  });

  it('without a line and with no hand-back on record, nothing is sent', async () => {
    const desk = fakeDesk();
    await expect(handBack(escalated(), { line: '   ' }, desk.adapter, ctx, memoryStore())).rejects.toThrow(/one line/);
    expect(desk.notes).toHaveLength(0);
    expect(desk.unpaused()).toBe(0);
  });

  it('a hand-back cut off by a worker restart is picked up: the note is checked by marker, then the pause undone', async () => {
    const desk = fakeDesk();
    const store = memoryStore();
    const started = startHandBack(escalated(), LINE);
    // The worker stopped while the note was being sent; it had landed.
    const running: Journal = {
      ...started,
      handBack: { ...started.handBack!, steps: started.handBack!.steps.map((s) => (s.kind === 'note' ? { ...s, status: 'running' } : s)) },
    };
    desk.notes.push({ note: started.handBack!.note, marker: started.handBack!.noteMarker });
    const stale = markStale(running)!;
    expect(stale.handBack!.steps[0]).toMatchObject({ status: 'interrupted', uncertain: true });
    expect(handBackInterrupted(stale)).toBe(true);
    await store.put(stale);
    const done = await handBack(stale, {}, desk.adapter, ctx, store);
    expect(desk.notes).toHaveLength(1);
    expect(desk.unpaused()).toBe(1);
    expect(done.resumedAt).toBeDefined();
  });
});

describe('the hand-back note', () => {
  it("keeps the agent's words literal: no markup, no HTML", () => {
    const { note } = handBackNote('Fixed **it** <img src=x onerror=alert(1)> \\ done', 'Answer *only* about shipping');
    const { html, text } = renderNote(note);
    expect(html).toContain('<strong>Handed back to the bot</strong>');
    expect(html).toContain('Fixed **it** &lt;img src=x onerror=alert(1)&gt; \\ done');
    expect(html).not.toContain('<img');
    expect(html.match(/<strong>/g)).toHaveLength(1);
    expect(text).toBe(
      'Handed back to the bot\nWhat was done: Fixed **it** <img src=x onerror=alert(1)> \\ done\nWhat the bot may do next: Answer *only* about shipping',
    );
  });

  it('says what the bot may do next from the line when the agent left it empty, on one line', () => {
    const { note, next } = handBackNote('Refunded\norder 1042', '  ');
    expect(next).toMatch(/^Carry on with the customer as usual; treat "Refunded order 1042" as settled/);
    expect(renderNote(note).text.split('\n')).toHaveLength(3);
  });
});

describe('Return to bot on Zendesk (sandbox)', () => {
  it('one note-only update with the line, then the stop tag off and the managing tag back; nothing else changes', async () => {
    const h = zendeskHarness();
    const policy = PolicySchema.parse({
      version: 3,
      suspend: { enabled: true, pause: { front: {}, gorgias: {}, zendesk: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] } } },
    });
    const c = h.ctx('1');
    const before = structuredClone(h.sandbox.store.get(1)!);
    const conv = await zendeskAdapter.read(c);
    const target = { platform: 'zendesk' as const, kind: 'group' as const, id: '11', name: 'Returns team' };
    const plan = buildPlan(c.ref, conv, { note: 'n', tags: ['sys_escalation'], target, routeReason: '', suspend: true }, policy);
    const store = memoryStore();
    const escalatedJ = await runJournal(newJournal(plan, zendeskAdapter.stepLayout), zendeskAdapter, c, store);
    expect(h.sandbox.store.get(1)!.tags).toContain('sys_bot_paused');
    const mark = h.seen.length;
    const j = await handBack(escalatedJ, { line: LINE }, zendeskAdapter, c, store);
    const writes = h.writes(mark);
    expect(writes).toHaveLength(2);
    const noteUpdate = (writes[0].body as { ticket: Record<string, unknown> }).ticket;
    expect(Object.keys(noteUpdate).sort()).toEqual(['comment', 'safe_update', 'updated_stamp']);
    const comment = noteUpdate.comment as { html_body: string; public: boolean };
    expect(comment.public).toBe(false);
    expect(comment.html_body).toContain(LINE);
    expect(hasMarker(comment.html_body, j.handBack!.noteMarker)).toBe(true);
    // The whole tag list from a fresh read, guarded by its stamp: the stop tag off, the managing tag back.
    expect(writes[1].body).toEqual({
      ticket: { tags: expect.arrayContaining(['bot_managed']), safe_update: true, updated_stamp: expect.any(String) },
    });
    expect((writes[1].body as { ticket: { tags: string[] } }).ticket.tags).not.toContain('sys_bot_paused');
    const after = h.sandbox.store.get(1)!;
    // The escalation's tags (its reason tag included) are left as they are: only the pause is undone.
    expect([...after.tags].sort()).toEqual([...new Set([...before.tags, 'sys_escalation', 'baton_reason_manual'])].sort());
    expect(j.resumedAt).toBeDefined();
  });
});
