import type { Conversation, Platform } from '../schema/conversation';
import type { Journal } from '../schema/plan';
import { PauseConfigSchema, type Policy } from '../schema/policy';
import type { Verdict } from '../schema/verdict';
import { hasMarker } from '../platforms/marker';
import { escalationTags, handledBy, humanAssignee, isHumanReply, type Handled } from './owner';
import { pickupTime, type Pickup } from './pickup';
import { promiseOf, type HandoffPromise } from './promise';
import { returnIndex } from './returned';

export interface FollowThroughInput {
  conversation: Conversation;
  verdict: Verdict;
  /** Baton's escalation journal for this conversation, if any. */
  journal: Journal | null;
  policy: Policy;
  /** Baton's clock (utils/clock.ts), so tests can move it. */
  now: Date;
  /** Defaults to the conversation's ref, then the journal's plan. */
  platform?: Platform;
  /** Indexes of the bot messages that promised a handoff (`promiseIndexes`, read in the background). */
  promised: readonly number[];
}

export interface FollowThrough {
  /** The bot told the customer someone would follow up (after the last human reply). */
  promise: HandoffPromise | null;
  /** Whole minutes since the promise; null when its message has no time. */
  promisedMinutesAgo: number | null;
  /** What on the helpdesk shows the handoff done, if anything. */
  handled: Handled | null;
  /** Promised, and neither the helpdesk nor a Baton escalation shows anything done. */
  brokenPromise: boolean;
  /** A customer-visible bot message after Baton paused the bot: the bot ignores the stop tag. */
  botAfterPause: { messageIndex: number; at?: string } | null;
  /** The stop tag configured for this platform ('' when the pause uses none). */
  stopTag: string;
  /** When the conversation counts as escalated (Baton's finished escalation, or the bot's promise with an escalation tag). */
  escalatedAt: string | null;
  /** Escalated longer than the target and nobody picked it up. */
  unclaimed: { minutes: number; targetMinutes: number } | null;
  /** The first human pickup of the current handoff (for Insights' promise → pickup). */
  pickup: Pickup | null;
}

const minutesBetween = (from: string, to: Date) => Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 60_000));
const validTime = (s: string | undefined): s is string => !!s && !Number.isNaN(Date.parse(s));

/** Baton's own note in the thread (its hidden marker), or -1. */
function noteIndex(conversation: Conversation, journal: Journal): number {
  return conversation.messages.findIndex((m) => m.internal && hasMarker(m.text, journal.plan.noteMarker));
}

/**
 * A bot message the customer sees, later than the pause: dated after the pause step finished, and (when Baton's
 * note is found in the thread) after that note too, so a few seconds of clock difference between the helpdesk
 * and this computer cannot make an earlier message look later. An undated message counts when it follows the note.
 */
function botAfterPause(conversation: Conversation, journal: Journal | null): FollowThrough['botAfterPause'] {
  if (!journal || journal.resumedAt || !journal.plan.pause) return null;
  const pause = journal.steps.find((s) => s.kind === 'pause');
  if (pause?.status !== 'done') return null;
  const pausedAt = pause.updatedAt ?? journal.finishedAt;
  const note = noteIndex(conversation, journal);
  const i = conversation.messages.findIndex((m, i) => {
    if (m.role !== 'bot' || m.internal) return false;
    if (note >= 0 && i <= note) return false;
    if (validTime(m.createdAt) && validTime(pausedAt)) return Date.parse(m.createdAt) > Date.parse(pausedAt);
    return note >= 0;
  });
  if (i < 0) return null;
  const at = conversation.messages[i]!.createdAt;
  return { messageIndex: i, ...(at ? { at } : {}) };
}

/** Checks the bot's promise, the pause and the pickup against the helpdesk's state in one pass. */
export function followThrough(input: FollowThroughInput): FollowThrough {
  const { conversation, verdict, journal, policy, now, promised } = input;
  const platform = input.platform ?? conversation.ref?.platform ?? journal?.plan.platform;
  const active = !!journal && !journal.resumedAt;
  // The DOM fallback cannot see the assignee: then the helpdesk's state is unknown, and nothing is claimed broken.
  const ownerKnown = conversation.assignee !== undefined;

  // After a Return to bot, only a promise made since counts, and the escalation tags it left (kept as history)
  // show nothing about it.
  const returned = active ? -1 : returnIndex(conversation, journal);
  const promise = promiseOf(conversation, verdict, promised, returned);
  const before = journal?.resumedAt ? { team: journal.plan.teamBefore?.id, assignee: journal.plan.assigneeBefore?.id } : {};
  const handled = promise ? handledBy(conversation, policy, platform, promise.messageIndex, returned >= 0 ? before : undefined) : null;
  const brokenPromise = !!promise && !handled && !active && ownerKnown;

  const tags = escalationTags(policy);
  const tagged = conversation.tags.some((t) => tags.includes(t.toLowerCase()));
  // Returning the conversation to the bot ends the escalation, even when its tags stay as history.
  const escalatedAt =
    active && journal.finishedAt
      ? journal.finishedAt
      : tagged && !journal?.resumedAt && returned < 0 && validTime(promise?.at)
        ? promise.at
        : null;

  let unclaimed: FollowThrough['unclaimed'] = null;
  if (escalatedAt && ownerKnown) {
    const since = active ? journal.startedAt : escalatedAt;
    const after = active ? noteIndex(conversation, journal) : (promise?.messageIndex ?? -1);
    const replied = conversation.messages.some(
      (m, i) => isHumanReply(m) && (validTime(m.createdAt) ? Date.parse(m.createdAt) >= Date.parse(since) : i > after),
    );
    const minutes = minutesBetween(escalatedAt, now);
    const target = policy.followUp.claimTargetMinutes;
    // Due at the target itself (a 1-minute target nudges at one minute, not once two have passed).
    const due = now.getTime() - Date.parse(escalatedAt) >= target * 60_000;
    if (!replied && !humanAssignee(conversation, policy, platform) && due) unclaimed = { minutes, targetMinutes: target };
  }

  return {
    promise,
    promisedMinutesAgo: validTime(promise?.at) ? minutesBetween(promise.at, now) : null,
    handled,
    brokenPromise,
    botAfterPause: botAfterPause(conversation, journal),
    stopTag: (platform ? policy.suspend.pause[platform] : PauseConfigSchema.parse({})).stopTag,
    escalatedAt,
    unclaimed,
    pickup: pickupTime({ conversation, journal, policy, platform, now, promised }),
  };
}
