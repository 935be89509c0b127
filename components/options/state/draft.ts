import { defineOptionsDraftItem } from '@/utils/storage';
import { FormStateSchema, type FormState } from './form';

/** The in-progress form, so closing the page or a crash never loses a team lead's edits. Never holds secrets. */
const draftItem = defineOptionsDraftItem(FormStateSchema);
export type OptionsDraft = { v: 1; savedAt: number; form: FormState };

export async function loadDraft(): Promise<OptionsDraft | null> {
  return (await draftItem.get()) as OptionsDraft | null;
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
  await draftItem.set({ v: 1, savedAt: Date.now(), form });
}

export async function clearDraft(): Promise<void> {
  clearTimeout(timer);
  pending = null;
  await draftItem.remove();
}
