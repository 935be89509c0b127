import { z } from 'zod';
import { SignalKindSchema } from '../../schema/verdict';

/**
 * Upper bounds on everything the model writes. A model that obeys injected text (or just rambles) could
 * otherwise put megabytes into the verdict, the sidebar and the note; over-long values are cut, not refused,
 * so one long field does not cost the whole answer.
 */
export const LLM_LIMITS = {
  signals: 10,
  quote: 500,
  missingItems: 10,
  missing: 200,
  suggestedQuestion: 500,
  subAgent: 200,
  summaryField: 500,
  note: 2000,
  reason: 400,
  actName: 40,
} as const;

/** The act names both engines use; anything else the model says is dropped. */
export const ACT_NAMES = [
  'answers',
  'asks_details',
  'commits_future',
  'transfers_now',
  'offers_transfer',
  'cannot_help',
  'redirects',
  'closes',
  'waits',
  'may_need_review',
  'asks_human',
  'takes_back',
  'supplies_details',
  'reports_problem',
  'new_request',
  'small_talk',
  'affirms',
  'declines',
] as const;

export const RESPONSE_FORMAT_NAME = 'baton_verdict';

/** A string the model writes, cut to `max` before the bound is checked; the bound also goes into the JSON schema. */
const bounded = (max: number) =>
  z
    .string()
    .overwrite((v) => v.slice(0, max))
    .max(max);
const atMost = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item)
    .overwrite((a) => a.slice(0, max))
    .max(max);

/**
 * What the model returns in its one call: verdict, summary and note together. `messageCount` bounds `acts` to
 * one entry per message (the first entry for an index wins).
 */
export function llmOutputSchema(fields: string[], messageCount = 1000) {
  const act = z.object({
    messageIndex: z.number().int().min(0),
    acts: atMost(bounded(LLM_LIMITS.actName), ACT_NAMES.length),
  });
  return z.object({
    status: z.enum(['escalate', 'unconfirmed', 'none']),
    signals: atMost(
      z.object({
        kind: SignalKindSchema,
        confidence: z.number().min(0).max(1),
        messageIndex: z.number().int().min(0),
        quote: bounded(LLM_LIMITS.quote),
      }),
      LLM_LIMITS.signals,
    ),
    missing: atMost(bounded(LLM_LIMITS.missing), LLM_LIMITS.missingItems),
    suggestedQuestion: bounded(LLM_LIMITS.suggestedQuestion).nullable(),
    subAgent: bounded(LLM_LIMITS.subAgent).nullable(),
    sentiment: z.enum(['negative', 'neutral', 'positive']),
    urgency: z.enum(['low', 'normal', 'high']),
    summary: z.object(Object.fromEntries(fields.map((f) => [f, bounded(LLM_LIMITS.summaryField).nullable()]))),
    note: bounded(LLM_LIMITS.note),
    reason: bounded(LLM_LIMITS.reason),
    /** The dialogue acts the model read, per message it found any in. */
    acts: z
      .array(act)
      .overwrite((a) => {
        const seen = new Set<number>();
        return a.filter((x) => x.messageIndex < messageCount && !seen.has(x.messageIndex) && seen.add(x.messageIndex));
      })
      .max(messageCount)
      .nullable(),
  });
}
export type LlmOutputSchema = ReturnType<typeof llmOutputSchema>;
export type LlmOutput = z.infer<LlmOutputSchema>;
