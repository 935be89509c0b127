import type { EscalationDraft } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import { send } from '@/utils/messaging';
import { clearDraft } from '../draft';
import type { EscalationSlice, Slice, SidebarStore } from './types';

export const ESCALATION_INITIAL = { journal: null, acting: false, actionError: null } satisfies Partial<EscalationSlice>;

/**
 * Whether `incoming` is an older copy of the journal on screen: a check answer carries the journal as it was
 * when the check began, and a resume or retry may have moved it on since. A journal started later (a new
 * escalation after Return to bot) is never older; within one escalation the revision counts the saves.
 */
function isOlderJournal(incoming: Journal, current: Journal | null): boolean {
  if (!current || current.key !== incoming.key) return false;
  if (incoming.startedAt !== current.startedAt) return incoming.startedAt < current.startedAt;
  return (incoming.rev ?? 0) < (current.rev ?? 0);
}

const newest = (incoming: Journal, current: Journal | null) => (isOlderJournal(incoming, current) ? current : incoming);

export const escalationSlice: Slice<EscalationSlice> = (set, get) => {
  /** Runs one request to the background and shows the journal it answers with. */
  async function act(run: () => Promise<Journal>): Promise<void> {
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

  return {
    ...ESCALATION_INITIAL,

    async escalate() {
      const { ref, draft, result, acting } = get();
      if (!ref || !draft || acting) return;
      const payload: EscalationDraft = {
        note: draft.note,
        tags: draft.tags,
        target: draft.target,
        routeReason: draft.targetEdited ? 'chosen by the agent' : (result?.route.reason ?? ''),
        suspend: draft.suspend,
        ...(result?.route.loop ? { loop: true } : {}),
      };
      await act(() => send('escalate', { ref, draft: payload }));
    },

    async retry() {
      const { ref } = get();
      if (ref) await act(() => send('retry', { ref }));
    },

    async provideSetting(key, value) {
      const { ref } = get();
      if (!ref) return;
      await act(async () => {
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
      await act(() => send('resume', request));
      // Sent and on record in the journal (which keeps the line from here on): the typed copy can go.
      const after: SidebarStore = get();
      if (after.key === key && after.journal?.handBack && after.draft?.handBack) {
        const { handBack: _sent, ...rest } = after.draft;
        set({ draft: rest });
      }
    },

    journalChanged(j) {
      // Removed from storage (null) is shown as it is; a copy older than the one on screen is not.
      set({ journal: j ? newest(j, get().journal) : null });
    },

    newerJournal(incoming) {
      return incoming ? newest(incoming, get().journal) : get().journal;
    },
  };
};
