import type { CheckResult } from '@/lib/schema/messages';
import { send } from '@/utils/messaging';
import { storedStateLoaded } from './loading';
import type { VerdictSlice, Slice } from './types';

export const VERDICT_INITIAL = { checking: false, refining: false, result: null, error: null } satisfies Partial<VerdictSlice>;

export const verdictSlice: Slice<VerdictSlice> = (set, get) => ({
  ...VERDICT_INITIAL,

  async check(opts = {}) {
    const { ref, key } = get();
    if (!ref) return;
    // The previous verdict stays on screen while re-checking, so nothing flickers.
    set({ checking: true });
    const force = opts.force ?? false;
    const show = async (answer: Promise<CheckResult>): Promise<CheckResult | null> => {
      try {
        const result = await answer;
        await get().showResult(key, result);
        return result;
      } catch (e) {
        if (get().key === key) set({ error: (e as Error).message, refining: false });
        return null;
      }
    };
    const first = await show(opts.answer ?? send('check', { ref, force, newMessage: opts.newMessage, domMessages: opts.domMessages }));
    if (get().key === key) set({ checking: false });
    // Offline first: the model's verdict replaces the quick one when it arrives (same conversation, not read again).
    if (first?.refining && get().key === key) await show(send('check', { ref, force, domMessages: opts.domMessages, refine: true }));
  },

  async showResult(key, result) {
    await storedStateLoaded();
    if (get().key !== key) return;
    const draft = get().draftFor(result);
    const journal = get().newerJournal(result.journal ?? null);
    // Not saved: a draft is stored only once the agent changes something (editDraft).
    set({ result, error: null, draft, journal, refining: !!result.refining });
  },
});
