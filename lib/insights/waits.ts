import type { Platform } from '../schema/conversation';
import type { LogEvent } from '../schema/log-event';
import type { HandoffRecord } from '../schema/record';
import { MIN_MEASURED_PICKUPS } from '../schema/customer-message';

/**
 * One handoff's wait for a human and its late-handoff scorecard, merged from everything the log (or the
 * helpdesk's records) says about it: the escalation, and the verdicts shown afterwards that saw the pick-up
 * and the first reply. Durations in milliseconds; null when a time is missing.
 */
export interface WaitSample {
  conversation: string;
  platform: Platform;
  /** The target's name ('' when the escalation had none or the handoff was the bot's own). */
  target: string;
  subAgent: string;
  handoffAt: string;
  bot: number | null;
  queue: number | null;
  reply: number | null;
  asks: number | null;
  lateTurns: number | null;
  askQuote: string | null;
  premature: boolean;
}

const time = (s: string | null | undefined) => (s && !Number.isNaN(Date.parse(s)) ? Date.parse(s) : null);
const earliest = (...xs: (string | null | undefined)[]) =>
  xs.filter((x): x is string => time(x) !== null).sort((a, b) => time(a)! - time(b)!)[0] ?? null;
const span = (from: string | null, to: string | null) => {
  const a = time(from);
  const b = time(to);
  return a === null || b === null || b < a ? null : b - a;
};

/** The larger of two counts, either possibly unknown. */
const most = (a: number | null | undefined, b: number | null | undefined) => (a == null ? (b ?? null) : b == null ? a : Math.max(a, b));

interface Parts {
  conversation: string;
  platform: Platform;
  target: string;
  subAgent: string;
  handoffAt: string;
  askedAt?: string | null;
  promisedAt?: string | null;
  pickedUpAt?: string | null;
  repliedAt?: string | null;
  asks?: number | null;
  lateTurns?: number | null;
  askQuote?: string | null;
  premature?: boolean;
}

function sampleOf(p: Parts): WaitSample {
  const start = earliest(p.askedAt, p.promisedAt);
  // A pick-up is the first human reply or a human assignee, whichever came first after the handoff.
  const pickup = earliest(...[p.pickedUpAt, p.repliedAt].filter((t) => (time(t) ?? -1) >= time(p.handoffAt)!));
  const replied = (time(p.repliedAt) ?? -1) >= time(p.handoffAt)! ? p.repliedAt! : null;
  return {
    conversation: p.conversation,
    platform: p.platform,
    target: p.target,
    subAgent: p.subAgent,
    handoffAt: p.handoffAt,
    bot: span(start, p.handoffAt),
    queue: span(p.handoffAt, pickup),
    reply: span(pickup, replied),
    asks: p.asks ?? null,
    lateTurns: p.lateTurns ?? null,
    askQuote: p.askQuote ?? null,
    premature: !!p.premature,
  };
}

/**
 * The handoffs in the local log: each escalation (its click is the handoff) and each handoff the bot made
 * itself that a verdict saw, with what later verdicts of the conversation saw happen after it.
 */
export function waitSamplesFromLog(events: readonly LogEvent[]): WaitSample[] {
  const byConv = new Map<string, LogEvent[]>();
  for (const e of events) {
    const k = `${e.platform}:${e.account}:${e.conversationId}`;
    byConv.set(k, [...(byConv.get(k) ?? []), e]);
  }
  const out: WaitSample[] = [];
  for (const [conversation, list] of byConv) {
    const handoffs = new Map<string, Parts>();
    for (const e of list) {
      if (e.kind !== 'escalated' && !(e.kind === 'verdict_shown' && e.handoffAt)) continue;
      const at = (e.kind === 'escalated' ? (e.handoffAt ?? e.at) : e.handoffAt)!;
      if (time(at) === null) continue;
      const p = handoffs.get(at) ?? { conversation, platform: e.platform, target: '', subAgent: e.subAgent ?? '', handoffAt: at };
      if (e.kind === 'escalated') p.target = e.target?.name ?? '';
      p.subAgent ||= e.subAgent ?? '';
      p.askedAt = earliest(p.askedAt, e.askedAt);
      p.promisedAt = earliest(p.promisedAt, e.promisedAt);
      p.asks = most(p.asks, e.asks);
      p.lateTurns = most(p.lateTurns, e.lateTurns);
      p.askQuote ??= e.askQuote ?? null;
      handoffs.set(at, p);
    }
    // What happened after each handoff: verdicts that saw a pick-up, a first reply or a premature end.
    const starts = [...handoffs.keys()].sort((a, b) => time(a)! - time(b)!);
    for (const e of list) {
      if (e.kind !== 'verdict_shown') continue;
      const own = e.handoffAt && handoffs.has(e.handoffAt) ? e.handoffAt : starts.filter((s) => time(s)! <= time(e.at)!).at(-1);
      const p = own ? handoffs.get(own) : undefined;
      if (!p) continue;
      p.pickedUpAt = earliest(p.pickedUpAt, e.pickedUpAt && time(e.pickedUpAt)! >= time(p.handoffAt)! ? e.pickedUpAt : null);
      p.repliedAt = earliest(p.repliedAt, e.handoffAt === p.handoffAt ? e.repliedAt : null);
      p.premature ||= e.handoffAt === p.handoffAt && !!e.premature;
    }
    for (const p of handoffs.values()) out.push(sampleOf(p));
  }
  return out;
}

/**
 * The handoffs the helpdesk's own records hold (Team Insights): an escalation record, with what a later record
 * of the same conversation (its Return to bot) says about the pick-up and first reply.
 * @public Team Insights feeds the helpdesk's records through it.
 */
export function waitSamplesFromRecords(list: readonly { conversation: string; record: HandoffRecord }[]): WaitSample[] {
  const sorted = [...list].sort((a, b) => a.record.at.localeCompare(b.record.at));
  const out: WaitSample[] = [];
  sorted.forEach(({ conversation, record: r }, i) => {
    if (r.kind !== 'escalated' || !r.platform) return;
    const later = sorted.slice(i + 1).find((x) => x.conversation === conversation);
    const after = later?.record.kind === 'returned' ? later.record : undefined;
    out.push(
      sampleOf({
        conversation,
        platform: r.platform,
        target: r.target?.name ?? '',
        subAgent: r.subAgent ?? '',
        handoffAt: r.at,
        askedAt: r.askedAt ?? null,
        promisedAt: r.promisedAt ?? null,
        pickedUpAt: r.pickedUpAt ?? after?.pickedUpAt ?? null,
        repliedAt: r.repliedAt ?? after?.repliedAt ?? null,
        asks: r.asks ?? null,
        lateTurns: r.lateTurns ?? null,
        premature: !!(r.premature ?? after?.premature),
      }),
    );
  });
  return out;
}

/** The value below which `q` of the sorted values fall (nearest rank), or null for none. */
export function percentile(values: readonly number[], q: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The hour of the week an instant falls in on the team's clock: 0 = Monday 00:00–01:00 … 167 = Sunday 23:00. */
export function hourOfWeek(iso: string, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).formatToParts(
    new Date(iso),
  );
  const day = WEEKDAYS.indexOf(parts.find((p) => p.type === 'weekday')!.value);
  const hour = Number(parts.find((p) => p.type === 'hour')!.value) % 24;
  return day * 24 + hour;
}

/** "Mon 09:00–10:00". */
const hourOfWeekLabel = (h: number) =>
  `${WEEKDAYS[Math.floor(h / 24)]} ${String(h % 24).padStart(2, '0')}:00–${String((h % 24) + 1).padStart(2, '0')}:00`;

export type WaitGrouping = 'platform' | 'target' | 'hour';

export interface Spread {
  p50: number | null;
  p90: number | null;
  n: number;
}

export interface WaitRow {
  key: string;
  handoffs: number;
  bot: Spread;
  queue: Spread;
  reply: Spread;
}

const spread = (values: (number | null)[]): Spread => {
  const v = values.filter((x): x is number => x !== null);
  return { p50: percentile(v, 0.5), p90: percentile(v, 0.9), n: v.length };
};

/** p50 and p90 of bot, queue and reply time per helpdesk, target or hour of the week (on the team's clock). */
export function waitTable(samples: readonly WaitSample[], by: WaitGrouping, timeZone = 'UTC'): WaitRow[] {
  const groups = new Map<string, WaitSample[]>();
  const keyOf = (s: WaitSample) =>
    by === 'platform' ? s.platform : by === 'target' ? s.target : String(hourOfWeek(s.handoffAt, timeZone)).padStart(3, '0');
  for (const s of samples) groups.set(keyOf(s), [...(groups.get(keyOf(s)) ?? []), s]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => ({
      key: by === 'hour' ? hourOfWeekLabel(Number(key)) : key,
      handoffs: list.length,
      bot: spread(list.map((s) => s.bot)),
      queue: spread(list.map((s) => s.queue)),
      reply: spread(list.map((s) => s.reply)),
    }));
}

/**
 * The median pick-up (queue time) measured for this target at this hour of the week, or null with fewer than
 * MIN_MEASURED_PICKUPS pick-ups measured there. `target` is the target's name as the log keeps it.
 */
export function measuredPickup(
  samples: readonly WaitSample[],
  where: { platform: Platform; target: string; at: Date; timeZone: string },
): { minutes: number; samples: number } | null {
  const hour = hourOfWeek(where.at.toISOString(), where.timeZone);
  const queue = samples
    .filter((s) => s.platform === where.platform && s.target === where.target && hourOfWeek(s.handoffAt, where.timeZone) === hour)
    .map((s) => s.queue)
    .filter((q): q is number => q !== null);
  if (queue.length < MIN_MEASURED_PICKUPS) return null;
  return { minutes: Math.round(percentile(queue, 0.5)! / 60_000), samples: queue.length };
}

export interface Scorecard {
  subAgent: string;
  /** Handoffs whose asks are known. */
  handoffs: number;
  /** Of those, how many came after the customer asked at least twice. */
  askedTwice: number;
  /** The median of customer turns late, among handoffs with an ask. */
  medianLateTurns: number | null;
  premature: number;
  /** The customers' first asks in the latest late handoffs (at most three, the evidence quotes). */
  quotes: string[];
}

/** The late-handoff scorecard per sub agent, worst first ("returns: customers ask twice before the handoff in 40%"). */
export function scorecards(samples: readonly WaitSample[]): Scorecard[] {
  const groups = new Map<string, WaitSample[]>();
  for (const s of samples) groups.set(s.subAgent, [...(groups.get(s.subAgent) ?? []), s]);
  return [...groups.entries()]
    .map(([subAgent, list]) => {
      const known = list.filter((s) => s.asks !== null);
      const twice = known.filter((s) => s.asks! >= 2);
      const late = known.filter((s) => s.asks! >= 1).map((s) => s.lateTurns ?? 0);
      return {
        subAgent,
        handoffs: known.length,
        askedTwice: twice.length,
        medianLateTurns: percentile(late, 0.5),
        premature: list.filter((s) => s.premature).length,
        quotes: [
          ...new Set(
            [...twice]
              .sort((a, b) => b.handoffAt.localeCompare(a.handoffAt))
              .map((s) => s.askQuote)
              .filter((q): q is string => !!q),
          ),
        ].slice(0, 3),
      };
    })
    .filter((c) => c.handoffs > 0 || c.premature > 0)
    .sort((a, b) => b.askedTwice / (b.handoffs || 1) - a.askedTwice / (a.handoffs || 1) || a.subAgent.localeCompare(b.subAgent));
}
