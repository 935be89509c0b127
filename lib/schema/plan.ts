import { z } from 'zod';
import { BotControlSchema, PlatformSchema } from './conversation';
import { TargetSchema } from './target';
import { PauseConfigSchema } from './policy';
import { SignalKindSchema, VerdictStatusSchema } from './verdict';
import { HandoffRecordSchema } from './record';

const StepKindSchema = z.enum(['tags', 'note', 'assign', 'pause']);
export type StepKind = z.infer<typeof StepKindSchema>;
export const STEP_ORDER: readonly StepKind[] = ['tags', 'note', 'assign', 'pause'];

/**
 * interrupted: the step's request was cut off by something that is not an error of the helpdesk or the
 * network (the agent's tab carrying it reloaded or closed, the worker restarted mid-request). It is finished
 * by itself, checking first whether it landed, once a tab of the account is back.
 */
const StepStatusSchema = z.enum(['pending', 'running', 'done', 'failed', 'skipped', 'interrupted']);
export type StepStatus = z.infer<typeof StepStatusSchema>;

const StepStateSchema = z.object({
  kind: StepKindSchema,
  status: StepStatusSchema,
  /** Plain sentence shown to the agent when the step failed. */
  error: z.string().optional(),
  attempts: z.number().int().default(0),
  /** The last attempt may have landed (timeout after sending): check before sending again. */
  uncertain: z.boolean().optional(),
  /** The step failed for want of this connection setting (a key of the platform's connection fields). */
  needs: z.string().optional(),
  /** The helpdesk's HTTP status when the step failed (401/403 offer Check setup in the sidebar). */
  httpStatus: z.number().int().optional(),
  updatedAt: z.string().optional(),
  /**
   * Which request of the platform's step layout carries this step (0 = the first sent). Steps sharing it
   * land together or not at all. Absent in journals written before layouts were recorded.
   */
  group: z.number().int().optional(),
});
export type StepState = z.infer<typeof StepStateSchema>;

const EscalationWhySchema = z.object({
  status: VerdictStatusSchema,
  signals: z.array(z.object({ kind: SignalKindSchema, quote: z.string(), confidence: z.number() })),
  subAgent: z.string().optional(),
  /** The engine's one-line reason. */
  reason: z.string(),
  /** The team lead's summary fields as the verdict filled them (null: not found). */
  summary: z.record(z.string(), z.string().nullable()),
  /** When the bot promised the customer a handoff (its message's time), if it did. */
  promisedAt: z.string().optional(),
});
export type EscalationWhy = z.infer<typeof EscalationWhySchema>;

/** Everything one click will do, decided before any request is sent. */
const EscalationPlanSchema = z.object({
  platform: PlatformSchema,
  account: z.string(),
  conversationId: z.string(),
  tags: z.array(z.string()),
  note: z.string(),
  /** Hidden marker carried by the note, so a retry can tell whether it already landed. */
  noteMarker: z.string(),
  target: TargetSchema.nullable(),
  routeReason: z.string(),
  pause: PauseConfigSchema.nullable(),
  /** The conversation's tags when planned; resume restores removed managing tags from here. */
  tagsBefore: z.array(z.string()).default([]),
  inboxBefore: z.string().optional(),
  updatedStamp: z.string().optional(),
  /**
   * The bot held the conversation through the helpdesk's switchboard when planned: the pause is taking control
   * from it, sent FIRST (nothing else can be written before), and Return to bot hands control back to `bot`.
   */
  control: BotControlSchema.optional(),
  /**
   * Why the agent escalated: the verdict on screen at the click (absent when none was read, e.g. a journal
   * written before it was recorded). An escalation while the verdict was not "escalate" is an override.
   */
  why: EscalationWhySchema.optional(),
  /**
   * The handoff record the note ends with (its line is already the last line of `note`), kept here too so
   * Baton reads it without parsing its own note. Absent in journals written before records.
   */
  record: HandoffRecordSchema.optional(),
});
export type EscalationPlan = z.infer<typeof EscalationPlanSchema>;

/** The two steps of "Return to bot", in order: the hand-back note, then undoing exactly the pause. */
const HandBackStepKindSchema = z.enum(['note', 'unpause']);
export type HandBackStepKind = z.infer<typeof HandBackStepKindSchema>;
const HandBackStepStateSchema = StepStateSchema.omit({ kind: true, group: true }).extend({ kind: HandBackStepKindSchema });
export type HandBackStepState = z.infer<typeof HandBackStepStateSchema>;

/**
 * "Return to bot" as recorded: the agent's line, the note it became (with its own hidden marker, so a retry
 * finds a note that already landed instead of posting it twice), and its steps. The bot is unpaused only once
 * the note is done, so a failed note leaves the conversation with the human who still owns it.
 */
const HandBackSchema = z.object({
  /** What the human resolved, as the agent typed it (trimmed). */
  line: z.string(),
  /** What the bot may do next, as posted (the agent's or the default sentence). */
  next: z.string(),
  /** The note's text in the note Markdown subset (lib/note/render.ts), the agent's words escaped. */
  note: z.string(),
  noteMarker: z.string(),
  steps: z.array(HandBackStepStateSchema),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
});
export type HandBack = z.infer<typeof HandBackSchema>;

/** Journal entry, stored per platform + conversation, so a crash or a second tab never repeats a step. */
export const JournalSchema = z.object({
  key: z.string(),
  plan: EscalationPlanSchema,
  /** In send order (the platform's step layout). */
  steps: z.array(StepStateSchema),
  /**
   * Goes up by one on every save of this escalation, so a reader holding two copies (a check answer that
   * set off before a resume moved the journal on) keeps the newer one. Absent counts as 0.
   */
  rev: z.number().int().optional(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Set when "Return to bot" has reversed the pause (with a hand-back: once all its steps are done). */
  resumedAt: z.string().optional(),
  /** "Return to bot" under way or done; absent until the agent hands the conversation back. */
  handBack: HandBackSchema.optional(),
});
export type Journal = z.infer<typeof JournalSchema>;

export const journalKey = (platform: string, account: string, conversationId: string) => `${platform}:${account}:${conversationId}`;
