import type { SidebarStore } from './slices/types';

/**
 * What the sidebar's parts read from the store. A part subscribes to the selector it needs, so a change
 * elsewhere (the journal moving on while the agent types a note) does not redraw it.
 */
/** An escalation on record and not handed back: the draft can no longer change. */
export const selectLocked = (s: SidebarStore) => !!s.journal && !s.journal.resumedAt;
export const selectConversation = (s: SidebarStore) => ({ ref: s.ref, key: s.key, policy: s.policy, open: s.open });
export const selectCheck = (s: SidebarStore) => ({ result: s.result, checking: s.checking, error: s.error });
export const selectEscalation = (s: SidebarStore) => ({ journal: s.journal, acting: s.acting, actionError: s.actionError });
export const selectTargets = (s: SidebarStore) => ({ targets: s.targets, targetsError: s.targetsError });
/** The store's actions: stable for the store's lifetime. */
export const selectActions = (s: SidebarStore) => ({
  check: s.check,
  loadTargets: s.loadTargets,
  editDraft: s.editDraft,
  setOpen: s.setOpen,
  escalate: s.escalate,
  retry: s.retry,
  provideSetting: s.provideSetting,
  resume: s.resume,
});
/** What the wait clock reads: the check result (thread, asks, promises), the journal (the click) and the policy. */
export const selectWaitClock = (s: SidebarStore) => ({ result: s.result, journal: s.journal, policy: s.policy });
