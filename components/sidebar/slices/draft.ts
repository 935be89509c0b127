import type { CheckResult } from '@/lib/schema/messages';
import type { Policy } from '@/lib/schema/policy';
import { saveDraft, type Draft } from '../draft';
import type { DraftSlice, Slice } from './types';

export const DRAFT_INITIAL = { draft: null } satisfies Partial<DraftSlice>;

function mergeDraft(prev: Draft | null, result: CheckResult, policy: Policy): Draft {
  const v = result.verdict;
  const suggested = [...new Set([...policy.tags.escalation, ...v.suggestedTags])];
  return {
    note: prev?.noteEdited ? prev.note : v.note,
    noteEdited: prev?.noteEdited ?? false,
    tags: prev?.tagsEdited ? prev.tags : suggested,
    tagsEdited: prev?.tagsEdited ?? false,
    target: prev?.targetEdited ? prev.target : result.route.target,
    targetEdited: prev?.targetEdited ?? false,
    suspend: prev?.suspendEdited ? prev.suspend : policy.suspend.enabled,
    suspendEdited: prev?.suspendEdited ?? false,
    // Typed for "Return to bot" and not sent yet: never dropped by a re-check.
    ...(prev?.handBack ? { handBack: prev.handBack } : {}),
  };
}

export const draftSlice: Slice<DraftSlice> = (set, get) => ({
  ...DRAFT_INITIAL,

  editDraft(patch) {
    const { draft, key } = get();
    if (!draft || !key) return;
    const next: Draft = {
      ...draft,
      ...patch,
      noteEdited: draft.noteEdited || 'note' in patch,
      tagsEdited: draft.tagsEdited || 'tags' in patch,
      targetEdited: draft.targetEdited || 'target' in patch,
      suspendEdited: draft.suspendEdited || 'suspend' in patch,
    };
    set({ draft: next });
    saveDraft(key, next);
  },

  draftFor(result) {
    return mergeDraft(get().draft, result, get().policy!);
  },
});
