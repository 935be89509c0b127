import { browser } from 'wxt/browser';
import { z } from 'zod';
import { KEYS } from '../../lib/config/keys';
import { TargetSchema } from '../../lib/schema/target';

/** What the agent changed before clicking; each flag says the agent touched it, so re-checks leave it alone. */
export const DraftSchema = z.object({
  note: z.string(),
  noteEdited: z.boolean().default(false),
  tags: z.array(z.string()),
  tagsEdited: z.boolean().default(false),
  target: TargetSchema.nullable(),
  targetEdited: z.boolean().default(false),
  suspend: z.boolean(),
  suspendEdited: z.boolean().default(false),
});
export type Draft = z.infer<typeof DraftSchema>;

export async function loadDraft(key: string): Promise<Draft | null> {
  const v = await browser.storage.local.get(KEYS.draft(key));
  const parsed = DraftSchema.safeParse(v[KEYS.draft(key)]);
  return parsed.success ? parsed.data : null;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const pending = new Map<string, Draft>();

/** Debounced so typing does not write on every key, but short enough that a crash loses almost nothing. */
export function saveDraft(key: string, draft: Draft, delayMs = 200): void {
  pending.set(key, draft);
  clearTimeout(timers.get(key));
  timers.set(key, setTimeout(() => void flushDraft(key), delayMs));
}

export async function flushDraft(key: string): Promise<void> {
  const d = pending.get(key);
  clearTimeout(timers.get(key));
  if (!d) return;
  pending.delete(key);
  await browser.storage.local.set({ [KEYS.draft(key)]: d });
}

export async function clearDraft(key: string): Promise<void> {
  pending.delete(key);
  clearTimeout(timers.get(key));
  await browser.storage.local.remove(KEYS.draft(key));
}
