import { create } from 'zustand';
import type { ConversationRef, Message } from '@/lib/schema/conversation';
import type { CheckResult, EscalationDraft } from '@/lib/schema/messages';
import { journalKey, type Journal } from '@/lib/schema/plan';
import type { Policy } from '@/lib/schema/policy';
import type { Target } from '@/lib/schema/target';
import { clearDraft, loadDraft, saveDraft, type Draft } from './draft';
import { send } from '@/utils/messaging';
import { sidebarOpenItem } from '@/utils/storage';

export interface SidebarState {
  ref: ConversationRef | null;
  key: string | null;
  policy: Policy | null;
  open: boolean;
  checking: boolean;
  /** The verdict on screen is the quick offline one; the LLM engine's is on its way and will replace it. */
  refining: boolean;
  result: CheckResult | null;
  error: string | null;
  draft: Draft | null;
  targets: Target[];
  targetsError: string | null;
  journal: Journal | null;
  /** A request to the background for escalate/retry/resume is in flight. */
  acting: boolean;
  actionError: string | null;
}

interface Actions {
  /** Shows `ref` at once (so the sidebar can be drawn); resolves once its saved draft and open state are in. */
  setConversation(ref: ConversationRef | null, policy: Policy): Promise<void>;
  setPolicy(policy: Policy): void;
  /** `answer`: a check already asked for (the content script asks as soon as the page's URL names the conversation). */
  check(opts?: { force?: boolean; domMessages?: Message[]; answer?: Promise<CheckResult> }): Promise<void>;
  loadTargets(refresh?: boolean): Promise<void>;
  editDraft(patch: Partial<Draft>): void;
  setOpen(open: boolean): void;
  escalate(): Promise<void>;
  retry(): Promise<void>;
  /** Saves a per-agent connection setting a step failed for, then retries. */
  provideSetting(key: string, value: string): Promise<void>;
  /**
   * Return to bot: sends the line the agent typed (kept in the draft until it is sent), or, when a
   * hand-back is already on record and not finished, retries it (its note is never posted twice).
   */
  resume(): Promise<void>;
  journalChanged(j: Journal | null): void;
}

const initial: SidebarState = {
  ref: null,
  key: null,
  policy: null,
  open: true,
  checking: false,
  refining: false,
  result: null,
  error: null,
  draft: null,
  targets: [],
  targetsError: null,
  journal: null,
  acting: false,
  actionError: null,
};

/**
 * Whether `incoming` is an older copy of the journal on screen: a check answer carries the journal as it was
 * when the check began, and a resume or retry may have moved it on since. A journal started later (a new
 * escalation after Return to bot) is never older; within one escalation the revision counts the saves.
 */
export function isOlderJournal(incoming: Journal, current: Journal | null): boolean {
  if (!current || current.key !== incoming.key) return false;
  if (incoming.startedAt !== current.startedAt) return incoming.startedAt < current.startedAt;
  return (incoming.rev ?? 0) < (current.rev ?? 0);
}

/** The journal to show once `incoming` has arrived. */
const newest = (incoming: Journal, current: Journal | null) => (isOlderJournal(incoming, current) ? current : incoming);

/** Fresh values from a verdict, except for whatever the agent has already changed. */
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

/**
 * The current conversation's stored state (saved draft, open state) being read. A check answer is
 * merged only once it is in, so an answer that arrives first never replaces the agent's saved draft.
 */
let loading: Promise<void> = Promise.resolve();

export const useSidebar = create<SidebarState & Actions>()((set, get) => ({
  ...initial,

  async setConversation(ref, policy) {
    const key = ref ? journalKey(ref.platform, ref.account, ref.conversationId) : null;
    if (key === get().key) return loading;
    set({ ...initial, open: get().open, ref, key, policy });
    loading = (async () => {
      // The agent's draft for this conversation and whether they had closed the sidebar on this helpdesk.
      if (!ref || !key) return;
      const [draft, open] = await Promise.all([loadDraft(key), sidebarOpenItem(ref.platform).get()]);
      if (get().key !== key) return;
      set({ draft, open });
    })();
    return loading;
  },

  setPolicy(policy) {
    set({ policy });
  },

  async check(opts = {}) {
    const { ref, key } = get();
    if (!ref) return;
    const force = opts.force ?? false;
    // The previous verdict stays on screen while re-checking, so nothing flickers.
    set({ checking: true });
    const show = async (answer: Promise<CheckResult>): Promise<CheckResult | null> => {
      try {
        const result = await answer;
        await loading;
        if (get().key !== key) return null;
        const policy = get().policy!;
        const draft = mergeDraft(get().draft, result, policy);
        const journal = result.journal ? newest(result.journal, get().journal) : get().journal;
        // Not saved: a draft is stored only once the agent changes something (editDraft).
        set({ result, error: null, draft, journal, refining: !!result.refining });
        return result;
      } catch (e) {
        if (get().key === key) set({ error: (e as Error).message, refining: false });
        return null;
      }
    };
    const first = await show(opts.answer ?? send('check', { ref, force, domMessages: opts.domMessages }));
    if (get().key === key) set({ checking: false });
    // Offline first: the model's verdict replaces the quick one when it arrives.
    if (first?.refining) await show(send('check', { ref, force, domMessages: opts.domMessages, refine: true }));
  },

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

  setOpen(open) {
    set({ open });
    const platform = get().ref?.platform;
    if (platform) void sidebarOpenItem(platform).set(open);
  },

  async escalate() {
    const { ref, draft, result, acting } = get();
    if (!ref || !draft || acting) return;
    const payload: EscalationDraft = {
      note: draft.note,
      tags: draft.tags,
      target: draft.target,
      routeReason: draft.targetEdited ? 'chosen by the agent' : (result?.route.reason ?? ''),
      suspend: draft.suspend,
    };
    await act(set, get, () => send('escalate', { ref, draft: payload }));
  },

  async retry() {
    const { ref } = get();
    if (ref) await act(set, get, () => send('retry', { ref }));
  },

  async provideSetting(key, value) {
    const { ref } = get();
    if (!ref) return;
    await act(set, get, async () => {
      await send('setConnectionField', { platform: ref.platform, key, value });
      return send('retry', { ref });
    });
  },

  async resume() {
    const { ref, draft, journal, key } = get();
    if (!ref) return;
    const pending = !!journal?.handBack && !journal.resumedAt;
    const typed = draft?.handBack;
    if (!pending && !typed?.line.trim()) {
      set({ actionError: 'Write one line on what you resolved.' });
      return;
    }
    const request = pending ? { ref } : { ref, line: typed!.line, ...(typed!.next.trim() ? { next: typed!.next } : {}) };
    await act(set, get, () => send('resume', request));
    // Sent and on record in the journal (which keeps the line from here on): the typed copy can go.
    const after = get();
    if (after.key === key && after.journal?.handBack && after.draft?.handBack) {
      const { handBack: _sent, ...rest } = after.draft;
      set({ draft: rest });
    }
  },

  journalChanged(j) {
    // Removed from storage (null) is shown as it is; a copy older than the one on screen is not.
    set({ journal: j ? newest(j, get().journal) : null });
  },
}));

async function act(set: (p: Partial<SidebarState>) => void, get: () => SidebarState, run: () => Promise<Journal>): Promise<void> {
  const key = get().key;
  set({ acting: true, actionError: null });
  try {
    const j = await run();
    if (get().key !== key) return;
    set({ journal: newest(j, get().journal) });
    if (j.finishedAt && key) await clearDraft(key);
  } catch (e) {
    if (get().key === key) set({ actionError: (e as Error).message });
  } finally {
    if (get().key === key) set({ acting: false });
  }
}
