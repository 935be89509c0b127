import { send } from '@/utils/messaging';
import type { TargetsSlice, Slice } from './types';

export const targetsSlice: Slice<TargetsSlice> = (set, get) => ({
  targets: [],
  targetsError: null,

  async loadTargets(refresh = false) {
    const { ref } = get();
    if (!ref) return;
    try {
      const targets = await send('targets', { platform: ref.platform, account: ref.account, refresh });
      set({ targets, targetsError: null });
    } catch (e) {
      set({ targetsError: (e as Error).message });
    }
  },
});
