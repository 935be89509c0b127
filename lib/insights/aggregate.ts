import { PLATFORMS, type Platform } from '../schema/conversation';
import type { EventOf, LogEvent } from '../schema/log-event';
import { REASONS, type Reason } from './reasons';

export type Bucket = 'day' | 'week';

export { REASONS, type Reason };

export interface InsightsFilter {
  platform: Platform | 'all';
  /** A sub agent's name, '' for conversations without one, or 'all'. */
  subAgent: string | 'all';
  bucket: Bucket;
  /** The agent who escalated (by name, '' for unknown), or 'all'; Team Insights names them from the helpdesk's records. */
  agent?: string | 'all';
  /** Where escalations went (the target's name, '' for none), or 'all'. */
  target?: string | 'all';
}

export interface Insights {
  /** Bucket labels, oldest first, with no gaps (a quiet week is a zero, not a missing bar). */
  buckets: string[];
  /** Escalations per reason per bucket (only reasons that occur), for the stacked chart. */
  byReason: { reason: Reason; counts: number[] }[];
  totals: {
    escalations: number;
    overrides: number;
    returns: number;
    /** Escalations back within the loop window of a Return to bot (the loop guard's). */
    loops: number;
    dismissals: number;
    verdictsShown: number;
    /** Conversations shown "Not yet (unconfirmed)" that were escalated afterwards. */
    unconfirmedThenEscalated: number;
  };
  perPlatform: Record<Platform, number>;
  /** Escalations per agent and per target, most first ('' when unknown). */
  perAgent: { name: string; count: number }[];
  perTarget: { name: string; count: number }[];
  overrides: EventOf<'escalated'>[];
  /** Median minutes from the bot's promise of a human to a human picking the conversation up. */
  pickup: { medianMinutes: number | null; conversations: number };
  /** The evidence quoted most often per reason (escalations only). */
  topQuotes: { reason: Reason; quotes: { quote: string; count: number }[] }[];
}

/** The reason an escalation is counted under: its strongest signal, in the order the engine trusts them. */
export function primaryReason(e: EventOf<'escalated'>): Reason {
  for (const r of REASONS) if ((e.reasons as string[]).includes(r)) return r;
  return 'agent_call';
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayLabel = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The bucket an instant falls in, in the viewer's local time; weeks start on Monday and carry its date. */
export function bucketOf(iso: string, bucket: Bucket): string {
  const d = new Date(iso);
  if (bucket === 'week') d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return dayLabel(d);
}

function bucketRange(first: string, last: string, bucket: Bucket, max = 120): string[] {
  const out: string[] = [];
  const [y, m, d] = first.split('-').map(Number);
  const cur = new Date(y, m - 1, d, 12);
  while (out.length < 10_000) {
    const label = dayLabel(cur);
    out.push(label);
    if (label >= last) break;
    cur.setDate(cur.getDate() + (bucket === 'week' ? 7 : 1));
  }
  return out.slice(-max);
}

const agentOf = (e: LogEvent) => (e.kind === 'escalated' ? (e.clickedBy ?? '') : '');
const targetOf = (e: LogEvent) => (e.kind === 'escalated' ? (e.target?.name ?? '') : '');

export function matches(e: LogEvent, f: Pick<InsightsFilter, 'platform' | 'subAgent' | 'agent' | 'target'>): boolean {
  if (f.platform !== 'all' && e.platform !== f.platform) return false;
  if (f.subAgent !== 'all' && (e.subAgent ?? '') !== f.subAgent) return false;
  if (f.agent !== undefined && f.agent !== 'all' && agentOf(e) !== f.agent) return false;
  if (f.target !== undefined && f.target !== 'all' && targetOf(e) !== f.target) return false;
  return true;
}

function countBy(escalations: LogEvent[], key: (e: LogEvent) => string): { name: string; count: number }[] {
  const m = new Map<string, number>();
  for (const e of escalations) m.set(key(e), (m.get(key(e)) ?? 0) + 1);
  return [...m].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

const convOf = (e: LogEvent) => `${e.platform}:${e.account}:${e.conversationId}`;
const ofKind = <K extends LogEvent['kind']>(events: LogEvent[], kind: K) => events.filter((e): e is EventOf<K> => e.kind === kind);

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Minutes from promise to pickup, one value per conversation that has both. */
function pickupMinutes(events: LogEvent[]): number[] {
  const promised = new Map<string, number>();
  const picked = new Map<string, number[]>();
  for (const e of events) {
    const k = convOf(e);
    if ((e.kind === 'verdict_shown' || e.kind === 'escalated') && e.promisedAt) {
      const t = Date.parse(e.promisedAt);
      if (!Number.isNaN(t)) promised.set(k, Math.min(promised.get(k) ?? Infinity, t));
    }
    if (e.kind === 'verdict_shown' && e.pickedUpAt) {
      const t = Date.parse(e.pickedUpAt);
      if (!Number.isNaN(t)) picked.set(k, [...(picked.get(k) ?? []), t]);
    }
  }
  const out: number[] = [];
  for (const [k, from] of promised) {
    const after = (picked.get(k) ?? []).filter((t) => t >= from);
    if (after.length) out.push((Math.min(...after) - from) / 60_000);
  }
  return out;
}

function topQuotes(escalations: EventOf<'escalated'>[], perReason = 3): Insights['topQuotes'] {
  const byReason = new Map<Reason, Map<string, { quote: string; count: number }>>();
  for (const e of escalations) {
    for (const s of e.signals) {
      const quote = s.quote.trim();
      if (!quote) continue;
      const norm = quote.toLowerCase().replace(/\s+/g, ' ');
      const m = byReason.get(s.kind) ?? new Map();
      byReason.set(s.kind, m);
      const hit = m.get(norm) ?? { quote, count: 0 };
      hit.count += 1;
      m.set(norm, hit);
    }
  }
  return REASONS.filter((r) => byReason.has(r)).map((reason) => ({
    reason,
    quotes: [...byReason.get(reason)!.values()].sort((a, b) => b.count - a.count || a.quote.localeCompare(b.quote)).slice(0, perReason),
  }));
}

/** Everything the Insights page shows, from the log's events and the viewer's filter. */
export function aggregate(all: LogEvent[], filter: InsightsFilter): Insights {
  const events = all.filter((e) => matches(e, filter)).sort((a, b) => a.at.localeCompare(b.at));
  const escalations = ofKind(events, 'escalated');
  const buckets = escalations.length
    ? bucketRange(bucketOf(escalations[0].at, filter.bucket), bucketOf(escalations.at(-1)!.at, filter.bucket), filter.bucket)
    : [];
  const index = new Map(buckets.map((b, i) => [b, i]));
  const counts = new Map<Reason, number[]>();
  for (const e of escalations) {
    const i = index.get(bucketOf(e.at, filter.bucket));
    if (i === undefined) continue;
    const r = primaryReason(e);
    const row = counts.get(r) ?? buckets.map(() => 0);
    row[i] += 1;
    counts.set(r, row);
  }
  const firstUnconfirmed = new Map<string, string>();
  for (const e of ofKind(events, 'verdict_shown')) {
    if (e.status === 'unconfirmed' && !firstUnconfirmed.has(convOf(e))) firstUnconfirmed.set(convOf(e), e.at);
  }
  const laterEscalated = new Set(escalations.filter((e) => (firstUnconfirmed.get(convOf(e)) ?? '\uffff') < e.at).map(convOf));
  const perPlatform = Object.fromEntries(PLATFORMS.map((p) => [p, 0])) as Record<Platform, number>;
  for (const e of escalations) perPlatform[e.platform] += 1;
  const overrides = escalations.filter((e) => e.override);
  const minutes = pickupMinutes(events);
  return {
    buckets,
    byReason: REASONS.filter((r) => counts.has(r)).map((reason) => ({ reason, counts: counts.get(reason)! })),
    totals: {
      escalations: escalations.length,
      overrides: overrides.length,
      returns: ofKind(events, 'returned').length,
      loops: escalations.filter((e) => e.loop).length,
      dismissals: ofKind(events, 'dismissed').length,
      verdictsShown: ofKind(events, 'verdict_shown').length,
      unconfirmedThenEscalated: laterEscalated.size,
    },
    perPlatform,
    perAgent: countBy(escalations, agentOf),
    perTarget: countBy(escalations, targetOf),
    overrides: overrides.reverse(),
    pickup: { medianMinutes: median(minutes), conversations: minutes.length },
    topQuotes: topQuotes(escalations),
  };
}

/** The helpdesks and sub agents that occur in the log, for the filters. */
export function facets(all: LogEvent[]): { platforms: Platform[]; subAgents: string[]; agents: string[]; targets: string[] } {
  const platforms = [...new Set(all.map((e) => e.platform))].sort();
  const subAgents = [...new Set(all.map((e) => e.subAgent ?? ''))].sort();
  const escalations = ofKind(all, 'escalated');
  const agents = [...new Set(escalations.map(agentOf))].sort();
  const targets = [...new Set(escalations.map(targetOf))].sort();
  return { platforms, subAgents, agents, targets };
}
