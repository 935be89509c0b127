import type { NeedsHumanItem, WatchEntry } from '../schema/watch';

/** Needs as of `now`: the stored ones, and "unclaimed" once an escalation waited past the pick-up target. */
export function currentNeeds(entry: WatchEntry, claimTargetMinutes: number, now: Date): WatchEntry['needs'] {
  const needs = [...entry.needs];
  const since = entry.pendingPickupSince ? Date.parse(entry.pendingPickupSince) : NaN;
  if (!Number.isNaN(since) && now.getTime() - since >= claimTargetMinutes * 60_000) {
    const minutes = Math.floor((now.getTime() - since) / 60_000);
    needs.push({ kind: 'unclaimed', label: `Escalated, unclaimed for ${minutes} min (target ${claimTargetMinutes})` });
  }
  return needs;
}

const waitedFrom = (e: { waitingSince?: string; readAt: string }) => {
  const t = Date.parse(e.waitingSince ?? '');
  return Number.isNaN(t) ? Date.parse(e.readAt) : t;
};

/**
 * "Needs a human": every watched conversation with a need now, the customer who has waited longest first.
 * `url` opens the conversation in its helpdesk.
 */
export function needsHuman(
  entries: readonly WatchEntry[],
  claimTargetMinutes: number,
  now: Date,
  urlOf: (e: WatchEntry) => string,
): NeedsHumanItem[] {
  return entries
    .map((e) => ({ e, needs: currentNeeds(e, claimTargetMinutes, now) }))
    .filter((x) => x.needs.length > 0)
    .sort((a, b) => waitedFrom(a.e) - waitedFrom(b.e))
    .map(({ e, needs }) => ({
      key: e.key,
      ref: e.ref,
      needs,
      readAt: e.readAt,
      url: urlOf(e),
      ...(e.subject ? { subject: e.subject } : {}),
      ...(e.evidence ? { evidence: e.evidence } : {}),
      ...(e.subAgent ? { subAgent: e.subAgent } : {}),
      ...(e.waitingSince ? { waitingSince: e.waitingSince } : {}),
    }));
}
