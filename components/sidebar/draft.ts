import { hasAgentEdits } from '@/lib/retention/rules';
import type { NoteDraft } from '@/lib/schema/storage';
import { noteDraftItem, saveNoteDraft } from '@/utils/storage';

/** What the agent changed before clicking; each flag says the agent touched it, so re-checks leave it alone. */
export type Draft = NoteDraft;

export async function loadDraft(key: string): Promise<Draft | null> {
  return noteDraftItem(key).get();
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const pending = new Map<string, Draft>();

/** Debounced so typing does not write on every key, but short enough that a crash loses almost nothing. */
export function saveDraft(key: string, draft: Draft, delayMs = 200): void {
  pending.set(key, draft);
  clearTimeout(timers.get(key));
  timers.set(
    key,
    setTimeout(() => void flushDraft(key), delayMs),
  );
}

export async function flushDraft(key: string): Promise<void> {
  const d = pending.get(key);
  clearTimeout(timers.get(key));
  if (!d) return;
  pending.delete(key);
  // Nothing typed (a hand-back line cleared again) leaves nothing to keep.
  if (hasAgentEdits(d)) await saveNoteDraft(key, d);
  else await noteDraftItem(key).remove();
}

export async function clearDraft(key: string): Promise<void> {
  pending.delete(key);
  clearTimeout(timers.get(key));
  await noteDraftItem(key).remove();
}
