import { checkOffline } from '@/lib/engine';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { runJournal } from '@/lib/executor/run';
import type { Conversation } from '@/lib/schema/conversation';
import type { EscalationDraft, RequestOf, ResponseInput } from '@/lib/schema/messages';
import type { Policy } from '@/lib/schema/policy';
import type { ListEscalationResult, WatchEntry } from '@/lib/schema/watch';
import { colleagueEscalation, colleagueSentence } from '@/lib/watch/colleague';
import { defaultDraft } from '@/lib/watch/draft';
import { judge } from '@/lib/watch/judge';
import { takenBy } from '@/lib/watch/taken';
import { journalStorage, policyStore } from '@/utils/storage';
import { watchDb } from '@/utils/watch/store';
import { contextFor } from '@/entrypoints/background/context';
import { currentList, scanAll, showCount } from '@/entrypoints/background/watch';
import { lastRead, lastVerdict } from './memory';

export async function watchList(): Promise<ResponseInput<'watchList'>> {
  const { policy } = await policyStore.read();
  return { enabled: policy.watch.enabled, items: await currentList(policy), reports: await watchDb().reports() };
}

export async function watchPanel(req: RequestOf<'watchPanel'>): Promise<ResponseInput<'watchPanel'>> {
  const { policy } = await policyStore.read();
  return { items: policy.watch.enabled ? await currentList(policy, req) : [] };
}

export async function watchScan(): Promise<ResponseInput<'watchScan'>> {
  const { policy } = await policyStore.read();
  if (!policy.watch.enabled) throw new Error('The queue watch is off: switch it on in Options → Queue watch.');
  return scanAll();
}

/** Why nobody should escalate this conversation again now, or null: a colleague's record, Baton's own escalation, or a person on it. */
function alreadyTaken(conversation: Conversation, policy: Policy, entry: WatchEntry, journalActive: boolean): string | null {
  const record = colleagueEscalation(conversation);
  if (record) return colleagueSentence(record);
  if (journalActive) return 'Already escalated from Baton: nothing was sent.';
  // An unclaimed escalation is on the list because nobody took it: its tag alone is not someone taking it.
  const who = takenBy(conversation, policy, { ignoreTags: !!entry.pendingPickupSince });
  if (!who) return null;
  return `Someone took it meanwhile (${who}): nothing was sent.`;
}

async function prepared(key: string, policy: Policy) {
  const entry = await watchDb().get(key);
  if (!entry) throw new Error('This conversation is no longer on the list: scan again.');
  const { adapter, ctx } = await contextFor(entry.ref, policy, undefined);
  const existing = await journalStorage.get(key);
  // Someone may have taken it since the scan: always read it again first.
  const conversation = await adapter.read(ctx);
  const verdict = checkOffline(conversation, policy);
  const draft: EscalationDraft = defaultDraft(verdict, policy, entry.ref.platform);
  return { entry, adapter, ctx, existing, conversation, verdict, draft };
}

/** The plan each escalation would send, as the sidebar would make it; nothing is sent. */
export async function watchPreview(req: RequestOf<'watchPreview'>): Promise<ResponseInput<'watchPreview'>> {
  const { policy } = await policyStore.read();
  const out: ResponseInput<'watchPreview'> = [];
  for (const key of req.keys) {
    try {
      const p = await prepared(key, policy);
      const taken = alreadyTaken(p.conversation, policy, p.entry, !!p.existing && !p.existing.resumedAt);
      out.push(taken ? { key, draft: null, message: taken } : { key, draft: p.draft });
    } catch (e) {
      out.push({ key, draft: null, message: (e as Error).message });
    }
  }
  return out;
}

/**
 * Escalates each conversation as the sidebar would (same draft, same journal, same safe order), one after the
 * other, after reading it again: one a colleague escalated or someone took meanwhile is skipped with a sentence.
 */
export async function watchEscalate(req: RequestOf<'watchEscalate'>): Promise<ListEscalationResult[]> {
  const { policy } = await policyStore.read();
  const results: ListEscalationResult[] = [];
  for (const key of req.keys) {
    try {
      const p = await prepared(key, policy);
      const taken = alreadyTaken(p.conversation, policy, p.entry, !!p.existing && !p.existing.resumedAt);
      if (taken) {
        results.push({ key, outcome: 'skipped', message: taken });
        continue;
      }
      lastRead.set(key, p.conversation);
      lastVerdict.set(key, p.verdict);
      const journal = newJournal(buildPlan(p.entry.ref, p.conversation, p.draft, policy, p.verdict), p.adapter.stepLayout);
      await journalStorage.put(journal);
      const done = await runJournal(journal, p.adapter, p.ctx, journalStorage);
      const failed = done.steps.find((s) => s.status === 'failed');
      if (done.finishedAt && !failed) {
        results.push({ key, outcome: 'escalated', message: p.draft.target ? `Escalated to ${p.draft.target.name}.` : 'Escalated.' });
        const j = judge(p.conversation, policy, done, new Date());
        await watchDb().put({ ...p.entry, needs: j.needs, announced: [], readAt: new Date().toISOString() });
      } else {
        results.push({
          key,
          outcome: 'failed',
          message: failed?.error ?? 'The escalation did not finish: open the conversation and retry.',
        });
      }
    } catch (e) {
      results.push({ key, outcome: 'failed', message: (e as Error).message });
    }
  }
  await showCount(policy);
  return results;
}
