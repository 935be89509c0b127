import type { Journal } from '../schema/plan';
import type { NoteDraft } from '../schema/storage';
import { shouldStrip } from './customer-text';
import { draftExpired, hasAgentEdits, isSettled, journalExpired, lastActivity } from './rules';

/** A stored thing Baton may clean up, as read from storage (null: stored but not readable as its schema). */
export type Entry =
  | { kind: 'draft'; key: string; bytes: number; draft: NoteDraft | null }
  | { kind: 'journal'; key: string; bytes: number; journal: Journal | null }
  /** A convenience copy nothing depends on (the conversation previewed in Options). */
  | { kind: 'spare'; key: string; bytes: number };

export interface Upkeep {
  remove: string[];
  /** Drafts stored before drafts were dated: dated now, so their retention starts from the upgrade. */
  date: string[];
  /** Journals to rewrite without customer text. */
  strip: string[];
}

export interface UpkeepOptions {
  now: number;
  keepCustomerText: boolean;
  /** How long a finished journal keeps its customer text for the notifier (see shouldStrip). */
  quietMs: number;
}

/** The regular clean-up: expired and empty drafts, settled journals past retention, customer text not allowed. */
export function planUpkeep(entries: readonly Entry[], o: UpkeepOptions): Upkeep {
  const out: Upkeep = { remove: [], date: [], strip: [] };
  for (const e of entries) {
    if (e.kind === 'spare') {
      if (!o.keepCustomerText) out.remove.push(e.key);
    } else if (e.kind === 'draft') {
      if (!e.draft || !hasAgentEdits(e.draft) || draftExpired(e.draft, o.now)) out.remove.push(e.key);
      else if (!e.draft.savedAt) out.date.push(e.key);
    } else if (e.journal) {
      // An unreadable journal is kept: it may be the only record of a handoff still to finish.
      if (journalExpired(e.journal, o.now)) out.remove.push(e.key);
      else if (!o.keepCustomerText && shouldStrip(e.journal, o.now, o.quietMs)) out.strip.push(e.key);
    }
  }
  return out;
}

/**
 * What to remove to free `need` bytes when storage is full, in order: copies nothing depends on, drafts with
 * nothing typed, then the oldest drafts, then settled journals, oldest first. Never an unsettled journal (it
 * finishes a handoff) and never `keep` (the key being written).
 */
export function planRoom(entries: readonly Entry[], need: number, keep: string): string[] {
  const rank = (e: Entry): [number, number] => {
    if (e.kind === 'spare') return [0, 0];
    if (e.kind === 'draft') {
      if (!e.draft || !hasAgentEdits(e.draft)) return [1, 0];
      return [2, e.draft.savedAt ? Date.parse(e.draft.savedAt) : 0];
    }
    return [3, e.journal ? lastActivity(e.journal) : 0];
  };
  const candidates = entries
    .filter((e) => e.key !== keep && (e.kind !== 'journal' || (e.journal && isSettled(e.journal))))
    .map((e) => ({ e, r: rank(e) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1]);
  const out: string[] = [];
  let freed = 0;
  for (const { e } of candidates) {
    if (freed >= need) break;
    out.push(e.key);
    freed += e.bytes;
  }
  return out;
}
