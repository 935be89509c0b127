import { z } from 'zod';
import { formMeta } from './form-meta';

/** Follow-through checks on handoffs (promise check, unclaimed timer). */
export const FollowUpSchema = z.object({
  /** An escalated conversation nobody has picked up after this long gets a nudge in the sidebar. */
  claimTargetMinutes: z
    .number({ error: 'Give the target time in minutes' })
    .int('Use whole minutes')
    .min(1, 'At least 1 minute')
    .max(7 * 24 * 60, 'At most a week (10080 minutes)')
    .default(30)
    .register(formMeta, {
      title: 'Pick-up target (minutes)',
      help: 'An escalated conversation nobody has picked up after this long gets a nudge in the sidebar.',
    }),
});

/**
 * The customer's side of the thread as the engine's act readers see it, for the wait clock and the late-handoff
 * scorecard (read in the background: lib/followup/asks.ts). Indexes into the conversation's messages.
 */
export const CustomerTurnsSchema = z.object({
  /** Customer messages that ask for a human, with the sentence that asks. */
  asks: z
    .array(z.object({ index: z.number().int().min(0), quote: z.string().max(300) }))
    .max(500)
    .default([]),
  /** Customer messages that take a request back ("never mind, I found it"). */
  retracts: z.array(z.number().int().min(0)).max(500).default([]),
});
export type CustomerTurns = z.infer<typeof CustomerTurnsSchema>;
