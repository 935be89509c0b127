import { send } from '@/utils/messaging';
import { storedStateLoaded } from './loading';
import type { VerdictSlice, Slice } from './types';

export const VERDICT_INITIAL = { checking: false, result: null, error: null } satisfies Partial<VerdictSlice>;

export const verdictSlice: Slice<VerdictSlice> = (set, get) => ({
  ...VERDICT_INITIAL,

  async check(opts = {}) {
    const { ref, key } = get();
    if (!ref) return;
    // The previous verdict stays on screen while re-checking, so nothing flickers.
    set({ checking: true });
    try {
      const result = await (opts.answer ??
        send('check', { ref, force: opts.force ?? false, newMessage: opts.newMessage, domMessages: opts.domMessages }));
      await get().showResult(key, result);
    } catch (e) {
      if (get().key !== key) return;
      set({ error: (e as Error).message });
    } finally {
      if (get().key === key) set({ checking: false });
    }
  },

  async showResult(key, result) {
    await storedStateLoaded();
    if (get().key !== key) return;
    const draft = get().draftFor(result);
    const journal = get().newerJournal(result.journal ?? null);
    // Not saved: a draft is stored only once the agent changes something (editDraft).
    set({ result, error: null, draft, journal });
  },
});
