import { create } from 'zustand';
import { conversationSlice } from './slices/conversation';
import { draftSlice } from './slices/draft';
import { escalationSlice } from './slices/escalation';
import { targetsSlice } from './slices/targets';
import type { SidebarStore } from './slices/types';
import { verdictSlice } from './slices/verdict';

export type { SidebarStore } from './slices/types';
/**
 * The sidebar's state, in slices (components/sidebar/slices/): the conversation shown, its verdict, the
 * agent's draft, the account's targets, and the escalation's journal. Parts read it through the selectors
 * in selectors.ts.
 */
export const useSidebar = create<SidebarStore>()((...a) => ({
  ...conversationSlice(...a),
  ...verdictSlice(...a),
  ...draftSlice(...a),
  ...targetsSlice(...a),
  ...escalationSlice(...a),
}));
