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
