import type { Platform } from '../schema/conversation';
import type { HandoffRecord } from '../schema/record';
import type { Target } from '../schema/target';

/** A record as found in the conversation's notes (lib/record/read.ts), with the note that carries it. */
export interface RecordInNote {
  record: HandoffRecord;
  messageIndex: number;
  /** The record's line as the note carries it, to find the note on the page. */
  line?: string;
}

/** A conversation back with the humans soon after it went back to the bot. */
export interface Loop {
  /** When it went back to the bot (the returned record's time, or this browser's journal). */
  since: string;
  windowHours: number;
  /** The human who handled it before: the return's agent, else the earlier escalation's. */
  owner: { id?: string; name?: string } | null;
  /** The earlier handoff's note (the escalation's, else the return's), to scroll to. */
  note?: { messageIndex: number; line?: string };
}

export interface LoopInput {
  records: readonly RecordInNote[];
  /** This browser's journal: when it handed the conversation back, and its escalation's record. */
  journal?: { resumedAt?: string; record?: HandoffRecord } | null;
  windowHours: number;
  now: Date;
}

const time = (s: string | undefined) => (s ? Date.parse(s) : NaN);

/**
 * Whether escalating now would be a loop: the conversation was returned to the bot less than `windowHours`
 * ago and has not been escalated since. The helpdesk's records come first (any browser's Return to bot); the
 * local journal covers a hand-back whose note this read did not show. Null when it is not a loop.
 */
export function findLoop(input: LoopInput): Loop | null {
  if (input.windowHours <= 0) return null;
  const sorted = [...input.records].sort((a, b) => time(a.record.at) - time(b.record.at));
  const lastReturn = sorted.filter((r) => r.record.kind === 'returned').at(-1);
  const localAt = input.journal?.resumedAt;
  const returnAt = Math.max(...[time(lastReturn?.record.at), time(localAt)].filter((t) => !Number.isNaN(t)));
  if (!Number.isFinite(returnAt)) return null;
  // Escalated again since the return: that escalation is the current one, nothing to guard.
  if (sorted.some((r) => r.record.kind === 'escalated' && time(r.record.at) > returnAt)) return null;
  const age = input.now.getTime() - returnAt;
  if (age < 0 || age > input.windowHours * 3_600_000) return null;

  const earlier = sorted.filter((r) => r.record.kind === 'escalated' && time(r.record.at) <= returnAt).at(-1);
  const named = (a: HandoffRecord['agent']) => (a && (a.id || a.name) ? a : null);
  const owner = named(lastReturn?.record.agent) ?? named(earlier?.record.agent) ?? named(input.journal?.record?.agent);
  const noteOf = earlier ?? lastReturn;
  return {
    since: new Date(returnAt).toISOString(),
    windowHours: input.windowHours,
    owner,
    ...(noteOf ? { note: { messageIndex: noteOf.messageIndex, ...(noteOf.line ? { line: noteOf.line } : {}) } } : {}),
  };
}

/** The previous owner as a target of this helpdesk (one of its users, by id, else by name), or null. */
export function ownerTarget(loop: Loop, targets: readonly Target[], platform: Platform): Target | null {
  const users = targets.filter((t) => t.kind === 'user' && t.platform === platform);
  const o = loop.owner;
  if (!o) return null;
  return (
    (o.id ? users.find((u) => u.id === o.id) : undefined) ??
    (o.name ? users.find((u) => u.name.toLowerCase() === o.name!.toLowerCase()) : undefined) ??
    null
  );
}

/** The route card's sentence for a loop. */
export function loopReason(loop: Loop, owner: Target | null): string {
  const window = `Came back within ${loop.windowHours} h of a Return to bot`;
  if (owner) return `${window}: routed to ${owner.name}, who handled it`;
  const who = loop.owner?.name ?? loop.owner?.id;
  return who
    ? `${window}, but ${who}, who handled it, is not among the agents Baton can assign: routed by the handover rules`
    : `${window}, but the earlier handoff does not say who handled it: routed by the handover rules`;
}
