import type { Journal } from '../schema/plan';
import type { NoteDraft } from '../schema/storage';

/**
 * How long a draft nobody touches and a finished journal stay in storage.local. A constant rather than a
 * policy field: it bounds Baton's own working state, not anything a team lead decides about their team
 * (the history they may tune is the handoff log's `maxEntries`, and customer text has its own switch).
 */
const RETENTION_DAYS = 14;
const RETENTION_MS = RETENTION_DAYS * 24 * 60 * 60_000;

/** The conversation previewed in Options keeps only its latest messages: enough to try a policy on. */
export const LAST_CONVERSATION_MESSAGES = 50;

/** Whether the draft holds anything the agent typed or chose; anything else is recomputed from the verdict. */
export function hasAgentEdits(d: NoteDraft): boolean {
  return d.noteEdited || d.tagsEdited || d.targetEdited || d.suspendEdited || !!d.handBack?.line.trim() || !!d.handBack?.next.trim();
}

/**
 * The draft as stored: only what the agent changed, so viewing a conversation stores none of its text and
 * a stored draft carries no verdict text (the sidebar fills the rest from the next check).
 */
export function agentEditsOf(d: NoteDraft, now: Date): NoteDraft {
  return {
    note: d.noteEdited ? d.note : '',
    noteEdited: d.noteEdited,
    tags: d.tagsEdited ? d.tags : [],
    tagsEdited: d.tagsEdited,
    target: d.targetEdited ? d.target : null,
    targetEdited: d.targetEdited,
    suspend: d.suspendEdited ? d.suspend : false,
    suspendEdited: d.suspendEdited,
    ...(d.handBack ? { handBack: d.handBack } : {}),
    savedAt: now.toISOString(),
  };
}

/**
 * Nothing left to do or to resume: every escalation step landed and no "Return to bot" is half way. A journal
 * that is not settled is what finishes a handoff cut off by a reload or a failure, so it is never pruned.
 */
export function isSettled(j: Journal): boolean {
  return !!j.finishedAt && (!j.handBack || !!j.handBack.finishedAt);
}

/** The journal's last moment of activity: retention counts from here, not from the click. */
export function lastActivity(j: Journal): number {
  const times = [j.startedAt, j.finishedAt, j.resumedAt, j.handBack?.startedAt, j.handBack?.finishedAt, ...j.steps.map((s) => s.updatedAt)];
  return Math.max(...times.map((t) => (t ? Date.parse(t) : NaN)).filter((t) => !Number.isNaN(t)), 0);
}

export function draftExpired(d: NoteDraft, now: number): boolean {
  // A draft from before drafts were stamped is dated by its first clean-up (see upkeep), not dropped.
  return !!d.savedAt && now - Date.parse(d.savedAt) > RETENTION_MS;
}

export function journalExpired(j: Journal, now: number): boolean {
  return isSettled(j) && now - lastActivity(j) > RETENTION_MS;
}
