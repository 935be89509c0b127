import { buildPlan, newJournal } from '@/lib/executor/plan';
import { resumeBot, runJournal } from '@/lib/executor/run';
import type { RequestOf } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import { journalStorage, policyStore } from '@/utils/storage';
import { contextFor } from '@/entrypoints/background/context';
import { recordEscalation } from '@/entrypoints/background/insights';
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
  const journal = newJournal(buildPlan(req.ref, conversation, req.draft, policy, lastVerdict.get(key)), adapter.stepLayout);
  await journalStorage.put(journal);
  await recordEscalation(journal, req.clickedBy);
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

/** Return to bot: undoes the pause of a finished escalation. */
export async function resume(req: RequestOf<'resume'>, tabId: number | undefined): Promise<Journal> {
  const j = await journalStorage.get(keyOf(req.ref));
  if (!j) throw new Error('Baton has not escalated this conversation, so there is no pause to undo.');
  if (!j.plan.pause) throw new Error('The bot was not paused for this conversation.');
  const { policy } = await policyStore.read();
  const { adapter, ctx } = await contextFor(req.ref, policy, tabId);
  return resumeBot(j, adapter, ctx, journalStorage);
}

export async function journal(req: RequestOf<'journal'>): Promise<Journal | null> {
  return journalStorage.get(keyOf(req.ref));
}
