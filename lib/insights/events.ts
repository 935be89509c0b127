import { z } from 'zod';
import { PlatformSchema } from '../schema/conversation';
import { SignalKindSchema, VerdictStatusSchema } from '../schema/verdict';

/**
 * The handoff log's entries (kept in IndexedDB in the extension's origin, never sent anywhere). Customer text
 * is limited to the evidence quotes unless the team lead allows more (`summary`, only then).
 */

const Where = {
  /** ISO time the thing happened (Baton's clock). */
  at: z.string(),
  platform: PlatformSchema,
  account: z.string(),
  conversationId: z.string(),
  subAgent: z.string().nullable().default(null),
};

const EvidenceSchema = z.object({ kind: SignalKindSchema, quote: z.string() });
export type LoggedEvidence = z.infer<typeof EvidenceSchema>;

/** Only with `policy.handoffLog.keepCustomerText`: the summary fields as the verdict filled them. */
const Summary = { summary: z.record(z.string(), z.string().nullable()).optional() };

export const VerdictShownSchema = z.object({
  kind: z.literal('verdict_shown'),
  ...Where,
  status: VerdictStatusSchema,
  signals: z.array(EvidenceSchema),
  engine: z.enum(['offline', 'openai']),
  /** When the bot promised the customer a human (its message's time), if it did. */
  promisedAt: z.string().optional(),
  /** First human reply or human assignee after the promise, as seen when the verdict was shown. */
  pickedUpAt: z.string().optional(),
  ...Summary,
});

export const EscalatedSchema = z.object({
  kind: z.literal('escalated'),
  ...Where,
  /** The verdict on screen at the click; null for escalations recorded before Baton kept it. */
  status: VerdictStatusSchema.nullable(),
  /** "Escalate anyway": the verdict on screen did not say escalate. */
  override: z.boolean(),
  /** The signal kinds that made the verdict (the escalation's reason). */
  reasons: z.array(SignalKindSchema),
  signals: z.array(EvidenceSchema).default([]),
  target: z.object({ kind: z.string(), id: z.string(), name: z.string() }).nullable(),
  promisedAt: z.string().optional(),
  clickedBy: z.string().nullable().default(null),
  ...Summary,
});

export const ReturnedSchema = z.object({
  kind: z.literal('returned'),
  ...Where,
  /** When the escalation it undoes started. */
  escalatedAt: z.string(),
});

export const DismissedSchema = z.object({
  kind: z.literal('dismissed'),
  ...Where,
  status: VerdictStatusSchema,
  signals: z.array(EvidenceSchema),
});

export const LogEventSchema = z.discriminatedUnion('kind', [VerdictShownSchema, EscalatedSchema, ReturnedSchema, DismissedSchema]);
export type LogEvent = z.infer<typeof LogEventSchema>;
export type LogEventInput = z.input<typeof LogEventSchema>;
export type LogEventKind = LogEvent['kind'];
export type EventOf<K extends LogEventKind> = Extract<LogEvent, { kind: K }>;

/** What the sidebar may report; escalations and returns come from the journals in the background. */
export const SidebarEventSchema = z.discriminatedUnion('kind', [VerdictShownSchema, DismissedSchema]);
export type SidebarEvent = z.infer<typeof SidebarEventSchema>;

/** A stored entry: the event plus the key that makes recording it twice impossible. */
export type StoredEvent = LogEvent & { dedupe: string; seq?: number };

/**
 * One event per thing that happened: a verdict shown again (same conversation, same status and signal
 * kinds), an escalation seen both by its handler and by the journal watcher, or replayed after a worker
 * restart, all map to the same key.
 */
export function dedupeKey(e: LogEvent): string {
  const conv = `${e.platform}:${e.account}:${e.conversationId}`;
  switch (e.kind) {
    case 'verdict_shown':
    case 'dismissed':
      return `${e.kind}|${conv}|${e.status}|${[...new Set(e.signals.map((s) => s.kind))].sort().join(',')}`;
    case 'escalated':
      return `escalated|${conv}|${e.at}`;
    case 'returned':
      return `returned|${conv}|${e.escalatedAt}`;
  }
}

/** Drops customer text the team lead did not allow (everything but the evidence quotes). */
export function redact<E extends LogEvent>(e: E, keepCustomerText: boolean): E {
  if (keepCustomerText || !('summary' in e) || e.summary === undefined) return e;
  const { summary: _drop, ...rest } = e as E & { summary?: unknown };
  return rest as E;
}
