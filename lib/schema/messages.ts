import { z } from 'zod';
import { ConversationRefSchema, ConversationSchema, MessageSchema, PlatformSchema } from './conversation';
import { VerdictSchema } from './verdict';
import { TargetSchema } from './target';
import { JournalSchema } from './plan';
import { HttpRequestSchema, HttpResponseSchema } from '../http/types';

/**
 * Messages between the extension's parts. Every message is parsed on receipt; a malformed one is
 * rejected with a logged reason and never reaches a handler.
 */

/** The agent's edits to what the click will do. */
export const EscalationDraftSchema = z.object({
  note: z.string().min(1, 'The note cannot be empty'),
  tags: z.array(z.string().min(1)),
  target: TargetSchema.nullable(),
  routeReason: z.string().default(''),
  suspend: z.boolean(),
});
export type EscalationDraft = z.infer<typeof EscalationDraftSchema>;

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('check'),
    ref: ConversationRefSchema,
    /** Messages read from the page, used when the API cannot be read. */
    domMessages: z.array(MessageSchema).optional(),
    force: z.boolean().default(false),
  }),
  /** Routing targets of an account (cached briefly by the adapter). */
  z.object({ type: z.literal('targets'), platform: PlatformSchema, account: z.string(), refresh: z.boolean().default(false) }),
  z.object({ type: z.literal('escalate'), ref: ConversationRefSchema, draft: EscalationDraftSchema, clickedBy: z.string().optional() }),
  /** Runs the failed step and the ones after it. */
  z.object({ type: z.literal('retry'), ref: ConversationRefSchema }),
  z.object({ type: z.literal('resume'), ref: ConversationRefSchema }),
  z.object({ type: z.literal('journal'), ref: ConversationRefSchema }),
  z.object({ type: z.literal('testConnection'), platform: PlatformSchema, account: z.string() }),
  /** The agent gives a per-agent connection setting a step failed for (e.g. their own author id). */
  z.object({ type: z.literal('setConnectionField'), platform: PlatformSchema, key: z.string().min(1), value: z.string().max(200) }),
  z.object({ type: z.literal('testEngine') }),
  z.object({ type: z.literal('openOptions') }),
]);
export type BatonRequest = z.infer<typeof RequestSchema>;
export type BatonRequestInput = z.input<typeof RequestSchema>;

export const CheckResultSchema = z.object({
  conversation: ConversationSchema,
  verdict: VerdictSchema,
  /** Suggested target and why, from the handover rules. */
  route: z.object({ target: TargetSchema.nullable(), reason: z.string() }),
  /** Set when the API could not be read and the page DOM was used instead. */
  apiProblem: z.string().optional(),
  checkedAt: z.string(),
  journal: JournalSchema.nullable(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** Every answer is either ok with data or a plain-sentence error. */
export const ResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type BatonResponse = z.infer<typeof ResponseSchema>;

/** Background → tab: session-auth requests run same-origin from the agent's tab. */
export const TabRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sessionFetch'), request: HttpRequestSchema }),
  z.object({ type: z.literal('command'), command: z.enum(['toggle-sidebar', 'escalate']) }),
]);
export type TabRequest = z.infer<typeof TabRequestSchema>;
export const SessionFetchResultSchema = z.union([
  z.object({ ok: z.literal(true), response: HttpResponseSchema }),
  z.object({ ok: z.literal(false), kind: z.enum(['timeout', 'network']), message: z.string() }),
]);
