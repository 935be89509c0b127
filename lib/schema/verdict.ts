import { z } from 'zod';

export const SignalKindSchema = z.enum(['user_requested_human', 'bot_handed_off', 'unconfirmed', 'out_of_scope', 'custom_instruction']);
export type SignalKind = z.infer<typeof SignalKindSchema>;
export const ESCALATING_SIGNALS: readonly SignalKind[] = ['user_requested_human', 'bot_handed_off', 'out_of_scope', 'custom_instruction'];

const EvidenceSchema = z.object({
  /** Index into conversation.messages. */
  messageIndex: z.number().int().min(0),
  quote: z.string(),
});

const SignalSchema = z.object({
  kind: SignalKindSchema,
  confidence: z.number().min(0).max(1),
  evidence: EvidenceSchema,
});
export type Signal = z.infer<typeof SignalSchema>;

/** Dialogue acts the engine read in one message (lib/engine/acts/types.ts names them), for the sidebar and LLM hints. */
const MessageActsSchema = z.object({
  messageIndex: z.number().int().min(0),
  role: z.enum(['customer', 'bot']),
  acts: z.array(z.string()),
});

export const VerdictStatusSchema = z.enum(['escalate', 'unconfirmed', 'none']);
export type VerdictStatus = z.infer<typeof VerdictStatusSchema>;

export const VerdictSchema = z.object({
  escalate: z.boolean(),
  status: VerdictStatusSchema,
  signals: z.array(SignalSchema),
  /** What the human team still needs before a handoff is confirmed (unconfirmed status). */
  missing: z.array(z.string()),
  /** A question the agent can ask the customer to collect what is missing. */
  suggestedQuestion: z.string().optional(),
  /** Name of the sub agent (workflow) the conversation belongs to, when recognised. */
  subAgent: z.string().optional(),
  sentiment: z.enum(['negative', 'neutral', 'positive']),
  urgency: z.enum(['low', 'normal', 'high']),
  /** Team lead's summary fields plus defaults; null means "not found", never invented. */
  summary: z.record(z.string(), z.string().nullable()),
  /** Escalation note for the human team; Markdown that reads as plain text. */
  note: z.string(),
  suggestedTags: z.array(z.string()),
  engine: z.enum(['offline', 'openai']),
  reason: z.string(),
  /**
   * Set when the LLM engine's call differs from the offline one: the model judged no escalation (or not
   * confirmed yet) but Baton kept the escalation on a handoff found in the conversation, or the model's call
   * replaced the offline one (a signal only the model found, or an offline signal it did not confirm). The
   * sidebar shows both views; nothing is resolved silently.
   */
  disagreement: z.string().max(1000).optional(),
  /** Set when the OpenAI engine failed and the offline verdict is shown instead. */
  fallback: z.string().optional(),
  /** The dialogue acts read per message (latest turns of the window), when the engine reports them. */
  acts: z.array(MessageActsSchema).optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;
