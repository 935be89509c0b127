import { HandoffRecordSchema, type HandoffRecord } from '../schema/record';
import type { Platform } from '../schema/conversation';
import type { RecordSettings } from '../schema/record-settings';
import type { Target } from '../schema/target';
import type { SignalKind } from '../schema/verdict';
import { SIGNALS } from '../signals/registry';

type Reason = HandoffRecord['reason'];

/** The signal an escalation is counted under: the registry's lowest order among its signals; `manual` with none. */
export function mainReason(signals: readonly { kind: SignalKind }[]): Reason {
  let best: SignalKind | null = null;
  for (const s of signals) if (!best || SIGNALS[s.kind].order < SIGNALS[best].order) best = s.kind;
  return best ?? 'manual';
}

/** The reason tag the escalation carries (`baton_reason_out_of_scope`), or null when the team lead turned it off. */
export function reasonTag(settings: RecordSettings, reason: Reason): string | null {
  return settings.reasonTag ? `${settings.reasonTagPrefix}${reason}` : null;
}

/** What the clock's timeline knows about the customer's asks before this escalation (filled where it is computed). */
export interface RecordTimeline {
  askedAt?: string;
  asks?: number;
  lateTurns?: number;
}

export interface RecordInput {
  kind: HandoffRecord['kind'];
  at: Date | string;
  platform: Platform;
  /** The verdict's signals at the click (confidence 0–1); none for a manual escalation. */
  signals?: readonly { kind: SignalKind; confidence: number }[];
  /** The reason when it is already decided (a return carries its escalation's); else the signals' main one. */
  reason?: Reason;
  /** The verdict on screen was not "escalate". */
  override?: boolean;
  subAgent?: string;
  promisedAt?: string;
  agent?: { id?: string; name?: string } | null;
  target?: Pick<Target, 'kind' | 'id' | 'name'> | null;
  loop?: boolean;
  timeline?: RecordTimeline;
}

const clip = (s: string | undefined, n = 120) => (s ? s.slice(0, n) : undefined);
const isoOf = (t: string | undefined) => (t && !Number.isNaN(Date.parse(t)) ? new Date(t).toISOString() : undefined);

/**
 * The record as it is written into the note: every field bounded the way the schema reads it back (a record
 * the reader would refuse is never written), times in UTC, empty fields left out so the line stays short.
 */
export function buildRecord(input: RecordInput): HandoffRecord {
  const signals = (input.signals ?? [])
    .slice(0, 8)
    .map((s) => ({ kind: s.kind, c: Math.round(Math.min(1, Math.max(0, s.confidence)) * 100) / 100 }));
  const a = input.agent;
  const agent = a?.id || a?.name ? { ...(a.id ? { id: clip(a.id) } : {}), ...(a.name ? { name: clip(a.name) } : {}) } : undefined;
  const t = input.timeline ?? {};
  const count = (n: number | undefined) =>
    n === undefined || !Number.isFinite(n) ? undefined : Math.min(1000, Math.max(0, Math.round(n)));
  return HandoffRecordSchema.parse({
    v: 1,
    kind: input.kind,
    at: new Date(input.at).toISOString(),
    reason: input.reason ?? mainReason(signals),
    signals,
    ...(input.override ? { override: true } : {}),
    ...(input.subAgent ? { subAgent: clip(input.subAgent) } : {}),
    ...(isoOf(t.askedAt) ? { askedAt: isoOf(t.askedAt) } : {}),
    ...(isoOf(input.promisedAt) ? { promisedAt: isoOf(input.promisedAt) } : {}),
    ...(count(t.asks) !== undefined ? { asks: count(t.asks) } : {}),
    ...(count(t.lateTurns) !== undefined ? { lateTurns: count(t.lateTurns) } : {}),
    ...(agent ? { agent } : {}),
    ...(input.target ? { target: { kind: input.target.kind, id: clip(input.target.id)!, name: clip(input.target.name)! } } : {}),
    ...(input.loop ? { loop: true } : {}),
    platform: input.platform,
  });
}
