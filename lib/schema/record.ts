import { z } from 'zod';
import { PlatformSchema } from './conversation';
import { TargetKindSchema } from './target';
import { SignalKindSchema } from './verdict';

/**
 * The machine-readable record Baton leaves in the helpdesk with every escalation and every Return to bot, so
 * the helpdesk itself (not one browser's IndexedDB) holds the team's handoff history: Team Insights, the loop
 * guard and the queue watch read it back from any browser. Short keys, because it rides in every note.
 * Unknown keys are dropped and every field is bounded: a record is read from notes anyone can write.
 */
const iso = z.iso.datetime({ offset: true });

export const HandoffRecordSchema = z.object({
  /** Format version; a reader skips versions it does not know. */
  v: z.literal(1),
  /** What happened: the escalation, or the Return to bot that ended it. */
  kind: z.enum(['escalated', 'returned']),
  /** When it happened (the click). */
  at: iso,
  /** The signal the escalation is counted under (the registry's lowest order), or `manual` with no signal. */
  reason: z.union([SignalKindSchema, z.literal('manual')]),
  /** Every signal on the verdict at the click, with its confidence (0–1). */
  signals: z
    .array(z.object({ kind: SignalKindSchema, c: z.number().min(0).max(1) }))
    .max(8)
    .default([]),
  /** The verdict on screen was not "escalate": the agent overrode it. */
  override: z.boolean().optional(),
  subAgent: z.string().max(120).optional(),
  /** The customer's first request for a human (message time). */
  askedAt: iso.optional(),
  /** The bot's first promise of a handoff (message time). */
  promisedAt: iso.optional(),
  /** How many times the customer asked for a human before this escalation. */
  asks: z.number().int().min(0).max(1000).optional(),
  /** How many customer turns the handoff came after the first ask. */
  lateTurns: z.number().int().min(0).max(1000).optional(),
  /**
   * The first pick-up (a human reply or assignee) and the first human reply after the handoff, and whether the
   * customer took the request back right after it: known by the time of a later record (a return), for the wait clock.
   */
  pickedUpAt: iso.optional(),
  repliedAt: iso.optional(),
  premature: z.boolean().optional(),
  /** The agent who clicked (their helpdesk id and name, when known). */
  agent: z.object({ id: z.string().max(120).optional(), name: z.string().max(120).optional() }).optional(),
  /** Where the conversation went (escalated) or came back from (returned). */
  target: z.object({ kind: TargetKindSchema, id: z.string().max(120), name: z.string().max(120) }).optional(),
  /** A re-escalation within the loop window of an earlier return or close. */
  loop: z.boolean().optional(),
  platform: PlatformSchema.optional(),
});
export type HandoffRecord = z.infer<typeof HandoffRecordSchema>;
