import { browser } from 'wxt/browser';
import { z } from 'zod';
import { FormStateSchema, type FormState } from './form';

/** The in-progress form, so closing the page or a crash never loses a team lead's edits. Never holds secrets. */
export const DRAFT_KEY = 'baton:optionsDraft';

const DraftSchema = z.object({ v: z.literal(1), savedAt: z.number(), form: FormStateSchema });
export type OptionsDraft = z.infer<typeof DraftSchema>;

export async function loadDraft(): Promise<OptionsDraft | null> {
  const got = await browser.storage.local.get(DRAFT_KEY);
  const parsed = DraftSchema.safeParse(got[DRAFT_KEY]);
  return parsed.success ? parsed.data : null;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let pending: FormState | null = null;

/** Debounced so typing does not write on every key; short enough that leaving the page loses almost nothing. */
export function saveDraft(form: FormState, delayMs = 200): void {
  pending = form;
  clearTimeout(timer);
  timer = setTimeout(() => void flushDraft(), delayMs);
}

export async function flushDraft(): Promise<void> {
  clearTimeout(timer);
  const form = pending;
  pending = null;
  if (!form) return;
  await browser.storage.local.set({ [DRAFT_KEY]: { v: 1, savedAt: Date.now(), form } satisfies OptionsDraft });
}

export async function clearDraft(): Promise<void> {
  clearTimeout(timer);
  pending = null;
  await browser.storage.local.remove(DRAFT_KEY);
}
