import { buildPlan, newJournal } from '@/lib/executor/plan';
import { runJournal } from '@/lib/executor/run';
import { handBack, NO_LINE } from '@/lib/executor/handback';
import type { RequestOf } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import type { AdapterContext, PlatformAdapter, WhoAmI } from '@/lib/platforms/types';
import { journalStorage, policyStore } from '@/utils/storage';
import { contextFor } from '@/entrypoints/background/context';
import { keyOf, lastRead, lastVerdict } from './memory';

export async function escalate(req: RequestOf<'escalate'>, tabId: number | undefined): Promise<Journal> {
  const { policy } = await policyStore.read();
  const { adapter, ctx } = await contextFor(req.ref, policy, tabId);
  const key = keyOf(req.ref);
  const existing = await journalStorage.get(key);
  // An escalation already on record (finished or half-way) is continued, never started again, until the
  // conversation has been returned to the bot.
  if (existing && !existing.resumedAt) return runJournal(existing, adapter, ctx, journalStorage);
  const conversation = lastRead.get(key) ?? (await adapter.read(ctx));
  const agent = await noteAuthorOf(adapter, ctx);
  const plan = buildPlan(req.ref, conversation, req.draft, policy, lastVerdict.get(key), { agent, loop: req.draft.loop });
  const journal = newJournal(plan, adapter.stepLayout);
  await journalStorage.put(journal);
  return runJournal(journal, adapter, ctx, journalStorage);
}

/** Runs the failed step and the ones after it. */
export async function retry(req: RequestOf<'retry'>, tabId: number | undefined): Promise<Journal> {
  const j = await journalStorage.get(keyOf(req.ref));
  if (!j) throw new Error('There is nothing to retry for this conversation.');
  const { policy } = await policyStore.read();
  const { adapter, ctx } = await contextFor(req.ref, policy, tabId);
  return runJournal(j, adapter, ctx, journalStorage);
}

/**
 * Return to bot: posts the hand-back note, then undoes exactly the pause, through the journal. With a line
 * it starts the hand-back; without one it continues the hand-back on record (Retry). A hand-back already
 * running (a double click, a second tab) is joined rather than started again.
 */
export async function resume(req: RequestOf<'resume'>, tabId: number | undefined): Promise<Journal> {
  const j = await journalStorage.get(keyOf(req.ref));
  if (!j) throw new Error('Baton has not escalated this conversation, so there is no pause to undo.');
  if (!j.plan.pause) throw new Error('The bot was not paused for this conversation.');
  if (j.resumedAt) return j;
  if (!j.finishedAt) throw new Error('The escalation is not finished yet: retry it first, then return the conversation to the bot.');
  if (!j.handBack && !req.line) throw new Error(NO_LINE);
  const { policy } = await policyStore.read();
  const { adapter, ctx } = await contextFor(req.ref, policy, tabId);
  // Only a hand-back not started yet needs its record's agent: one on record keeps the note it planned.
  const agent = j.handBack ? null : await noteAuthorOf(adapter, ctx);
  return handBack(j, { line: req.line, next: req.next || undefined, agent }, adapter, ctx, journalStorage);
}

/**
 * The helpdesk user the notes are written by, for the handoff record. Never a reason not to escalate: when
 * it cannot be told, the record simply has no agent.
 */
async function noteAuthorOf(adapter: PlatformAdapter, ctx: AdapterContext): Promise<WhoAmI | null> {
  try {
    return (await adapter.noteAuthor?.(ctx)) ?? null;
  } catch {
    return null;
  }
}

export async function journal(req: RequestOf<'journal'>): Promise<Journal | null> {
  return journalStorage.get(keyOf(req.ref));
}
