import { journalKey } from '@/lib/schema/plan';
import { sidebarOpenItem } from '@/utils/storage';
import { loadDraft } from '../draft';
import { loadingStoredState, storedStateLoaded } from './loading';
import type { ConversationSlice, Slice } from './types';
import { VERDICT_INITIAL } from './verdict';
import { DRAFT_INITIAL } from './draft';
import { ESCALATION_INITIAL } from './escalation';

export const conversationSlice: Slice<ConversationSlice> = (set, get) => ({
  ref: null,
  key: null,
  policy: null,
  open: true,

  async setConversation(ref, policy) {
    const key = ref ? journalKey(ref.platform, ref.account, ref.conversationId) : null;
    if (key === get().key) return storedStateLoaded();
    // Everything about the previous conversation goes; the targets belong to the account and stay.
    set({ ...VERDICT_INITIAL, ...DRAFT_INITIAL, ...ESCALATION_INITIAL, ref, key, policy });
    return loadingStoredState(
      (async () => {
        // The agent's draft for this conversation and whether they had closed the sidebar on this helpdesk.
        if (!ref || !key) return;
        const [draft, open] = await Promise.all([loadDraft(key), sidebarOpenItem(ref.platform).get()]);
        if (get().key !== key) return;
        set({ draft, open });
      })(),
    );
  },

  setPolicy(policy) {
    set({ policy });
  },

  setOpen(open) {
    set({ open });
    const platform = get().ref?.platform;
    if (platform) void sidebarOpenItem(platform).set(open);
  },
});
