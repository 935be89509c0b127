import type { Conversation, Platform } from '../schema/conversation';
import type { Journal } from '../schema/plan';
import type { CustomerTurns } from '../schema/follow-up';
import type { TimelineFields } from '../schema/log-event';
import type { Policy } from '../schema/policy';
import { hasMarker } from '../platforms/marker';
import { handledBy, humanAssignee, isHumanReply } from './owner';

/** One message of the timeline: its index and, when the helpdesk gave one, its time. */
interface Moment {
  index: number;
  at?: string;
}

export interface Timeline {
  /** The customer's first request for a human in this handoff (after any they took back). */
  firstAsk: (Moment & { quote: string }) | null;
  /** How many customer messages asked for a human before the handoff (so far, while none happened). */
  asks: number;
  /** The bot's first promise of a handoff in this handoff. */
  firstPromise: Moment | null;
  /** Where the clock starts: the first ask or the first promise, whichever came first. */
  start: (Moment & { kind: 'ask' | 'promise' }) | null;
  /** Baton's escalation (the click), or a handoff the bot made itself (its promise, with the helpdesk showing it done). */
  handoff: { at?: string; index: number; by: 'baton' | 'bot' } | null;
  /** Customer turns after the first ask and before the handoff: how late it came. */
  lateTurns: number;
  /** Who took it: the first human reply, or a human assignee (timed only when the caller knows when). */
  pickup: { at?: string; by: 'reply' | 'assignee'; index?: number } | null;
  firstReply: Moment | null;
  /** The customer took the request back right after the handoff, before anyone replied ("never mind, solved"). */
  premature: (Moment & { quote: string }) | null;
  /** Milliseconds per part; null when a part has not begun or a time is missing. Running parts end at `now`. */
  waits: { total: number | null; bot: number | null; queue: number | null; reply: number | null };
  /** The clock is running: a start, no human reply yet, not taken back. */
  running: boolean;
}

export interface TimelineInput {
  conversation: Conversation;
  turns: CustomerTurns;
  /** Bot messages that promised a handoff (`promiseIndexes`, read in the background). */
  promised: readonly number[];
  journal: Journal | null;
  policy: Policy;
  /** Defaults to the conversation's ref, then the journal's plan. */
  platform?: Platform;
  now: Date;
  /** When a human assignee was first seen (the log's pickedUpAt, a record's), for the assignee's pick-up time. */
  assignedAt?: string;
}

/** How many customer turns after the handoff still count as "right after" it. */
const PREMATURE_TURNS = 2;

const time = (s: string | undefined) => (s && !Number.isNaN(Date.parse(s)) ? Date.parse(s) : null);
const between = (from: string | undefined, to: string | undefined | number) => {
  const a = time(from);
  const b = typeof to === 'number' ? to : time(to);
  return a === null || b === null ? null : Math.max(0, b - a);
};
const moment = (conversation: Conversation, index: number): Moment => {
  const at = conversation.messages[index]?.createdAt;
  return { index, ...(at ? { at } : {}) };
};

/**
 * Where Baton's escalation sits in the thread: the index of the first message it did not see (its own note,
 * or the first message dated at or after the click), or the end of the thread.
 */
function escalationBoundary(conversation: Conversation, journal: Journal): number {
  const msgs = conversation.messages;
  const note = msgs.findIndex((m) => m.internal && hasMarker(m.text, journal.plan.noteMarker));
  if (note >= 0) return note;
  const started = Date.parse(journal.startedAt);
  const dated = msgs.findIndex((m) => time(m.createdAt) !== null && time(m.createdAt)! >= started);
  return dated < 0 ? msgs.length : dated;
}

/** Segments of the thread between human replies: [from, to) with the reply that ends it (or none). */
function segments(conversation: Conversation): { from: number; to: number; reply: number | null }[] {
  const out: { from: number; to: number; reply: number | null }[] = [];
  let from = 0;
  conversation.messages.forEach((m, i) => {
    if (!isHumanReply(m)) return;
    out.push({ from, to: i, reply: i });
    from = i + 1;
  });
  out.push({ from, to: conversation.messages.length, reply: null });
  return out;
}

/**
 * The conversation's wait for a human, from the customer's first request for one (or the bot's first promise)
 * to the first human reply: bot time (to the handoff), queue time (handoff to pick-up) and reply time (pick-up
 * to the first reply), plus the late-handoff scorecard (asks before the handoff, turns late, premature).
 * Reads the latest handoff: the stretch of the thread that holds Baton's live escalation, else the latest one
 * between human replies where the customer asked or the bot promised.
 */
export function timelineOf(input: TimelineInput): Timeline {
  const { conversation, turns, promised, journal, policy, now } = input;
  const msgs = conversation.messages;
  const platform = input.platform ?? conversation.ref?.platform ?? journal?.plan.platform;
  const asked = new Map(turns.asks.map((a) => [a.index, a.quote]));
  const retracted = new Set(turns.retracts);
  const promises = new Set(promised.filter((i) => msgs[i]?.role === 'bot' && !msgs[i]?.internal));
  const live = journal?.finishedAt && !journal.resumedAt ? journal : null;
  const resumedAt = time(journal?.resumedAt);

  const parts = segments(conversation);
  const boundary = live ? escalationBoundary(conversation, live) : null;
  // A human reply right at the boundary belongs to the stretch before it: it is this escalation's first reply.
  const part =
    (boundary !== null ? parts.find((p) => boundary >= p.from && boundary <= p.to) : undefined) ??
    [...parts].reverse().find((p) => {
      for (let i = p.from; i < p.to; i++) if (asked.has(i) || promises.has(i)) return true;
      return false;
    });
  const empty: Timeline = {
    firstAsk: null,
    asks: 0,
    firstPromise: null,
    start: null,
    handoff: null,
    lateTurns: 0,
    pickup: null,
    firstReply: null,
    premature: null,
    waits: { total: null, bot: null, queue: null, reply: null },
    running: false,
  };
  if (!part) return empty;

  let handoff: Timeline['handoff'] = null;
  if (live && boundary !== null) handoff = { at: live.startedAt, index: boundary, by: 'baton' };
  else {
    // The bot's own handoff: a promise the helpdesk shows done by a tag, a human assignee or a team (not a
    // tag left over from an escalation the agent since returned to the bot).
    for (let i = part.from; i < part.to && !handoff; i++) {
      if (!promises.has(i)) continue;
      const done = handledBy(conversation, policy, platform, i);
      const stale = resumedAt !== null && (time(msgs[i]!.createdAt) ?? 0) <= resumedAt;
      if (done && done.by !== 'reply' && !stale) {
        // Everything after the promise came after the handoff.
        const at = msgs[i]!.createdAt;
        handoff = { index: i + 1, by: 'bot', ...(at ? { at } : {}) };
      }
    }
  }
  const end = handoff ? handoff.index : part.to;

  // The asks and promise before the handoff; a request the customer took back no longer counts.
  let firstAsk: Timeline['firstAsk'] = null;
  let asks = 0;
  let firstPromise: Moment | null = null;
  for (let i = part.from; i < end; i++) {
    if (asked.has(i)) {
      asks += 1;
      firstAsk ??= { ...moment(conversation, i), quote: asked.get(i)! };
    } else if (retracted.has(i) && firstAsk) {
      firstAsk = null;
      asks = 0;
    }
    if (promises.has(i)) firstPromise ??= moment(conversation, i);
  }
  const candidates = [
    ...(firstAsk ? [{ ...firstAsk, kind: 'ask' as const }] : []),
    ...(firstPromise ? [{ ...firstPromise, kind: 'promise' as const }] : []),
  ].sort((a, b) => a.index - b.index);
  const start = candidates[0]
    ? { index: candidates[0].index, kind: candidates[0].kind, ...(candidates[0].at ? { at: candidates[0].at } : {}) }
    : null;
  if (!start && !handoff) return empty;

  let lateTurns = 0;
  if (firstAsk) for (let i = firstAsk.index + 1; i < end; i++) if (msgs[i]!.role === 'customer' && !msgs[i]!.internal) lateTurns += 1;

  const firstReply = part.reply !== null && (!handoff || part.reply >= handoff.index) ? moment(conversation, part.reply) : null;
  const assignee = handoff && !firstReply && humanAssignee(conversation, policy, platform);
  const pickup: Timeline['pickup'] = firstReply
    ? { by: 'reply', index: firstReply.index, ...(firstReply.at ? { at: firstReply.at } : {}) }
    : assignee
      ? { by: 'assignee', ...(input.assignedAt ? { at: input.assignedAt } : {}) }
      : null;

  let premature: Timeline['premature'] = null;
  if (handoff) {
    let seen = 0;
    const stop = firstReply ? firstReply.index : part.to;
    for (let i = handoff.index; i < stop && seen < PREMATURE_TURNS && !premature; i++) {
      const m = msgs[i]!;
      if (m.role !== 'customer' || m.internal) continue;
      seen += 1;
      if (retracted.has(i) && !asked.has(i)) premature = { ...moment(conversation, i), quote: m.text.slice(0, 200) };
    }
  }

  const nowMs = now.getTime();
  const stoppedAt = firstReply ? (firstReply.at ?? null) : premature ? (premature.at ?? null) : nowMs;
  const open = (v: string | number | null | undefined): number | string | undefined => (v === null ? undefined : v);
  const waits: Timeline['waits'] = {
    total: start ? between(start.at, open(stoppedAt)) : null,
    bot: start ? between(start.at, handoff ? handoff.at : open(stoppedAt)) : null,
    queue: handoff ? between(handoff.at, pickup ? pickup.at : open(stoppedAt)) : null,
    reply: pickup?.by === 'reply' ? 0 : pickup?.at ? between(pickup.at, firstReply ? firstReply.at : open(stoppedAt)) : null,
  };
  return {
    firstAsk,
    asks,
    firstPromise,
    start,
    handoff,
    lateTurns,
    pickup,
    firstReply,
    premature,
    waits,
    running: !!start && !firstReply && !premature,
  };
}

/**
 * The timeline as the handoff log keeps it (and the handoff record: askedAt, asks, lateTurns): only what is
 * known, times as the helpdesk gave them, the first ask's sentence as the one quote.
 */
export function timelineFields(t: Timeline): TimelineFields {
  if (!t.start && !t.handoff) return {};
  return {
    ...(t.firstAsk?.at ? { askedAt: t.firstAsk.at } : {}),
    ...(t.firstAsk ? { askQuote: t.firstAsk.quote.slice(0, 200) } : {}),
    asks: t.asks,
    lateTurns: t.lateTurns,
    ...(t.handoff?.at ? { handoffAt: t.handoff.at } : {}),
    ...(t.handoff && t.firstReply?.at ? { repliedAt: t.firstReply.at } : {}),
    ...(t.premature ? { premature: true } : {}),
  };
}
