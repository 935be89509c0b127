import { z } from 'zod';
import { formMeta } from './form-meta';

/**
 * A tag every helpdesk accepts as one tag and reports on as typed: Zendesk lowercases tags and splits them at
 * spaces, Gorgias and Front keep case but a team lead filters by the exact name, so the prefix is lowercase
 * letters, digits, "_" and "-" only.
 */
const TAG_PREFIX = /^[a-z0-9][a-z0-9_-]*$/;

/** What Baton writes into the helpdesk with every escalation and Return to bot, and the loop guard it reads back. */
export const RecordSettingsSchema = z.object({
  /** The escalation's main signal as a tag (`baton_reason_user_requested_human`), for the helpdesk's own reports. */
  reasonTag: z.boolean().default(true).register(formMeta, {
    title: 'Add a reason tag',
    help: "Tags each escalation with its main reason (e.g. baton_reason_user_requested_human, or …_manual when the agent escalated without a signal), so Zendesk Explore, Gorgias Statistics and Front Analytics can report on why the bot handed off. It rides in the escalation's own request.",
  }),
  reasonTagPrefix: z
    .string()
    .trim()
    .min(1, 'Give the reason tag a prefix')
    .max(40, 'At most 40 characters')
    .refine((p) => TAG_PREFIX.test(p), 'Use lowercase letters, digits, "_" and "-" only, starting with a letter or digit')
    .default('baton_reason_')
    .register(formMeta, {
      title: 'Reason tag prefix',
      help: 'The reason is added after it. Lowercase letters, digits, "_" and "-" only, so every helpdesk keeps it as one tag.',
      verbatim: true,
    }),
  /** A re-escalation this soon after a Return to bot goes back to the human who handled it. */
  loopWindowHours: z
    .number({ error: 'Give the window in hours' })
    .int('Use whole hours')
    .min(0, 'At least 0 (0 turns the loop guard off)')
    .max(30 * 24, 'At most 30 days (720 hours)')
    .default(72)
    .register(formMeta, {
      title: 'Loop guard window (hours)',
      help: 'A conversation escalated again this soon after it was returned to the bot goes to the agent who handled it before, not to the handover rule’s target. 0 turns it off.',
    }),
});
export type RecordSettings = z.infer<typeof RecordSettingsSchema>;
