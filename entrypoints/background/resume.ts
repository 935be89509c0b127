import { isInterrupted, markStale, runJournal, runningFor } from '@/lib/executor/run';
import { handBack, handBackInterrupted } from '@/lib/executor/handback';
import type { Journal } from '@/lib/schema/plan';
import { journalItem, journalStorage, policyStore } from '@/utils/storage';
import { contextFor } from './context';
import type { TabRelay } from './relay';

/**
 * Finishes escalations and hand-backs ("Return to bot") that were cut off rather than failed: a step whose tab went away mid-request, or a
 * step left 'running' by a worker that was stopped. Runs on worker start (for every such journal) and each
 * time a tab becomes ready (for the journals of its origin). The executor checks whether an uncertain
 * request landed before sending it again, so nothing is sent twice.
 */
export function installResume(relay: TabRelay): void {
  relay.onReady((origin, tabId) => void resumeInterrupted({ origin, tabId }));
  void resumeInterrupted({});
}

interface Scope {
  /** Only journals whose API is on this origin (a tab of it just became ready). */
  origin?: string;
  tabId?: number;
  /** Set for the one extra look after a run that was in progress when the tab became ready. */
  again?: boolean;
}

export async function resumeInterrupted(scope: Scope): Promise<void> {
  let keys: string[];
  try {
    keys = await journalItem.list();
  } catch {
    return;
  }
  await Promise.all(keys.map((key) => resumeOne(key, scope).catch(() => {})));
}

async function resumeOne(key: string, scope: Scope): Promise<void> {
  const running = runningFor(key);
  if (running) {
    // A run still in flight may be the one the old tab's disappearance is about to interrupt: look once more
    // when it settles, so a tab that was ready first is not missed.
    if (!scope.again) void running.finally(() => resumeOne(key, { ...scope, again: true }).catch(() => {}));
    return;
  }
  let j: Journal | null = await journalStorage.get(key);
  if (!j) return;
  const stale = markStale(j);
  if (stale) {
    await journalStorage.put(stale);
    j = stale;
  }
  const handingBack = handBackInterrupted(j);
  if (!handingBack && !isInterrupted(j)) return;
  const { policy } = await policyStore.read();
  const ref = { platform: j.plan.platform, account: j.plan.account, conversationId: j.plan.conversationId, idIsGuess: false };
  const { adapter, ctx } = await contextFor(ref, policy, scope.tabId);
  if (scope.origin && new URL(adapter.apiOrigin(ref, ctx.connection)).origin !== scope.origin) return;
  // A cut-off hand-back is continued from the step it stopped at; its note is checked by marker first.
  if (handingBack) await handBack(j, {}, adapter, ctx, journalStorage);
  else await runJournal(j, adapter, ctx, journalStorage);
}
