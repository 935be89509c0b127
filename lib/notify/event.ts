import { z } from 'zod';
import { PlatformSchema } from '../schema/conversation';
import { SignalKindSchema } from '../schema/verdict';
import { TargetKindSchema } from '../schema/target';
import type { Journal } from '../schema/plan';
import { signalLabel } from '../signals/registry';
import type { NeedSchema, WatchEntry } from '../schema/watch';

/** Bumped when a field changes meaning or goes away; new optional fields keep the version. */
export const EVENT_VERSION = 1;
/** Longest note excerpt a notification carries: enough to triage, not the whole conversation. */
export const NOTE_EXCERPT_CHARS = 500;

/**
 * Baton's own escalation event, sent as is by a generic JSON webhook (and the source of the Slack message).
 * `id` names the escalation, `deliveryId` one delivery of it to one webhook: a receiver that sees the same
 * `deliveryId` twice (a retry after an answer that never arrived) should keep one.
 */
export const EscalationEventSchema = z.object({
  /** `needs_human`: the queue watch found a conversation that needs a person (once per conversation and reason). */
  event: z.enum(['escalation', 'test', 'needs_human']),
  version: z.literal(EVENT_VERSION),
  id: z.string(),
  deliveryId: z.string(),
  platform: PlatformSchema,
  /** The helpdesk as people call it (its meta label). */
  platformLabel: z.string(),
  account: z.string(),
  conversation: z.object({ id: z.string(), url: z.string().url() }),
  /** Why it was escalated: the engine's one-line reason (the routing reason when no verdict was recorded). */
  reason: z.string(),
  /** `label` is the signal's name as the sidebar and the note show it (signal registry). */
  signals: z.array(z.object({ kind: SignalKindSchema, label: z.string().optional(), quote: z.string() })),
  subAgent: z.string().nullable(),
  /** Where it was routed; null when no target was chosen. */
  target: z.object({ kind: TargetKindSchema, id: z.string(), name: z.string() }).nullable(),
  /** The team lead's summary fields as the verdict filled them (null: not found). */
  summary: z.record(z.string(), z.string().nullable()),
  /** The start of the internal note, hidden marker removed. */
  note: z.string(),
  /** The escalation was overruling the engine ("Escalate anyway"). */
  override: z.boolean(),
  escalatedAt: z.string(),
});
export type EscalationEvent = z.infer<typeof EscalationEventSchema>;

/** Invisible characters of the note's retry marker (lib/platforms/marker.ts): noise in a notification. */
const MARKER_CHARS = /[\u200b\u200c\u2060]/g;

/** The record line as the note carries it (lib/record/codec.ts recordNoteLine: "-" and "." escaped). */
const RECORD_LINE = /Baton record bt1\\?\.[A-Za-z0-9.\\-]*/g;

function excerpt(text: string, max = NOTE_EXCERPT_CHARS): string {
  // The handoff record's line is data for Baton and the helpdesk's reports, not words for a Slack channel.
  const clean = text.replace(MARKER_CHARS, '').replace(RECORD_LINE, '').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

async function sha256Hex(text: string): Promise<string> {
  const bytes = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** One escalation of one conversation: the same journal key and start time give the same id, in any worker. */
export async function escalationId(journal: Pick<Journal, 'key' | 'startedAt'>): Promise<string> {
  return `esc_${(await sha256Hex(`${journal.key}\n${journal.startedAt}`)).slice(0, 24)}`;
}

/** One escalation delivered to one webhook address: the outbox's key and the X-Baton-Delivery header. */
export async function deliveryId(journal: Pick<Journal, 'key' | 'startedAt'>, url: string): Promise<string> {
  return `dlv_${(await sha256Hex(`${journal.key}\n${journal.startedAt}\n${url}`)).slice(0, 24)}`;
}

export interface EventContext {
  platformLabel: string;
  conversationUrl: string;
  deliveryId: string;
}

/** The event of a finished escalation, from what its journal recorded at the click. */
export async function escalationEvent(journal: Journal, ctx: EventContext): Promise<EscalationEvent> {
  const { plan } = journal;
  const why = plan.why;
  return EscalationEventSchema.parse({
    event: 'escalation',
    version: EVENT_VERSION,
    id: await escalationId(journal),
    deliveryId: ctx.deliveryId,
    platform: plan.platform,
    platformLabel: ctx.platformLabel,
    account: plan.account,
    conversation: { id: plan.conversationId, url: ctx.conversationUrl },
    reason: why?.reason || plan.routeReason || 'Escalated by the agent.',
    signals: (why?.signals ?? []).map(({ kind, quote }) => ({ kind, label: signalLabel(kind), quote })),
    subAgent: why?.subAgent ?? null,
    target: plan.target ? { kind: plan.target.kind, id: plan.target.id, name: plan.target.name } : null,
    summary: why?.summary ?? {},
    note: excerpt(plan.note),
    override: !!why && why.status !== 'escalate',
    escalatedAt: journal.finishedAt ?? journal.startedAt,
  });
}

/** One need of one watched conversation: the same conversation and reason give the same id, in any worker. */
async function needId(entryKey: string, need: string): Promise<string> {
  return `need_${(await sha256Hex(`${entryKey}\n${need}`)).slice(0, 24)}`;
}

/**
 * The queue watch's "needs a human" event: what the list shows for one conversation and one reason. Nothing was
 * escalated yet, so there is no target, summary or note; the evidence quote rides as the signal's quote.
 */
export async function needsHumanEvent(
  entry: WatchEntry,
  need: z.infer<typeof NeedSchema>,
  needKey: string,
  ctx: EventContext,
): Promise<EscalationEvent> {
  return EscalationEventSchema.parse({
    event: 'needs_human',
    version: EVENT_VERSION,
    id: await needId(entry.key, needKey),
    deliveryId: ctx.deliveryId,
    platform: entry.ref.platform,
    platformLabel: ctx.platformLabel,
    account: entry.ref.account,
    conversation: { id: entry.ref.conversationId, url: ctx.conversationUrl },
    reason: need.label,
    signals: need.signal ? [{ kind: need.signal, label: signalLabel(need.signal), quote: entry.evidence ?? '' }] : [],
    subAgent: entry.subAgent ?? null,
    target: null,
    summary: {},
    note: '',
    override: false,
    escalatedAt: entry.readAt,
  });
}
