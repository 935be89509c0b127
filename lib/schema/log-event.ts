import { z } from 'zod';
import { PlatformSchema } from './conversation';
import { SignalKindSchema, VerdictStatusSchema } from './verdict';

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

/** Only with `policy.handoffLog.keepCustomerText`: the summary fields as the verdict filled them. */
const Summary = { summary: z.record(z.string(), z.string().nullable()).optional() };

const VerdictShownSchema = z.object({
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

const EscalatedSchema = z.object({
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
  /** Escalated again within the loop guard's window of a Return to bot (the handoff record's `loop`). */
  loop: z.boolean().optional(),
  ...Summary,
});

const ReturnedSchema = z.object({
  kind: z.literal('returned'),
  ...Where,
  /** When the escalation it undoes started. */
  escalatedAt: z.string(),
});

const DismissedSchema = z.object({
  kind: z.literal('dismissed'),
  ...Where,
  status: VerdictStatusSchema,
  signals: z.array(EvidenceSchema),
});

export const LogEventSchema = z.discriminatedUnion('kind', [VerdictShownSchema, EscalatedSchema, ReturnedSchema, DismissedSchema]);
export type LogEvent = z.infer<typeof LogEventSchema>;
type LogEventKind = LogEvent['kind'];
export type EventOf<K extends LogEventKind> = Extract<LogEvent, { kind: K }>;

/** What the sidebar may report; escalations and returns come from the journals in the background. */
export const SidebarEventSchema = z.discriminatedUnion('kind', [VerdictShownSchema, DismissedSchema]);
export type SidebarEvent = z.infer<typeof SidebarEventSchema>;

/** A stored entry: the event plus the key that makes recording it twice impossible. */
export type StoredEvent = LogEvent & { dedupe: string; seq?: number };
