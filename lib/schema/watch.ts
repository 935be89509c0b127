import { z } from 'zod';
import { ConversationRefSchema, PlatformSchema } from './conversation';
import { formMeta } from './form-meta';
import { SignalKindSchema } from './verdict';
import { TargetSchema } from './target';

/** Options → Queue watch: which inbox or view holds the bot's open conversations, how often, at what cost. */
export const WatchSettingsSchema = z.object({
  enabled: z.boolean().default(false).register(formMeta, {
    title: 'Watch the bot’s queue',
    help: 'Every few minutes while a helpdesk tab is open, Baton lists the watched conversations that changed and checks those.',
  }),
  targets: z
    .object({
      front: TargetSchema.optional().register(formMeta, { codec: 'target' }),
      gorgias: TargetSchema.optional().register(formMeta, { codec: 'target' }),
      zendesk: TargetSchema.optional().register(formMeta, { codec: 'target' }),
    })
    .default({})
    .register(formMeta, { title: 'Watched inbox or view' }),
  intervalMinutes: z
    .number({ error: 'Give the interval in whole minutes' })
    .int('Use whole minutes')
    .min(1, 'At least 1 minute')
    .max(60, 'At most 60 minutes')
    .default(5)
    .register(formMeta, { title: 'Look every (minutes)', help: 'Only while a tab of that helpdesk is open.' }),
  rateSharePercent: z
    .number({ error: 'Give the share in whole percent' })
    .int('Use whole percent')
    .min(1, 'At least 1%')
    .max(50, 'At most 50%: the rest belongs to your agents and other integrations')
    .default(10)
    .register(formMeta, {
      title: 'Share of the helpdesk’s rate limit (%)',
      help: 'The watch paces its requests to stay within this share of the limit the helpdesk announces.',
    }),
  desktopNotifications: z.boolean().default(false).register(formMeta, {
    title: 'Desktop notification for a new one',
    help: 'At most one a minute, and only for a conversation that was not on the list before.',
  }),
});

/** Why a watched conversation needs a human. */
const NeedKindSchema = z.enum(['escalate', 'promise', 'unclaimed']);

export const NeedSchema = z.object({
  kind: NeedKindSchema,
  /** The strongest escalating signal (Escalate), for its registry label. */
  signal: SignalKindSchema.optional(),
  /** One line for the list: the signal's label, "Promised handoff not done", "Unclaimed for 95 min". */
  label: z.string().max(200),
});

/** What the watch keeps of one conversation, keyed by conversation; re-judged only when its last message moves. */
export const WatchEntrySchema = z.object({
  key: z.string(),
  ref: ConversationRefSchema,
  subject: z.string().max(300).optional(),
  /** The list's update stamp when last listed. */
  updatedAt: z.string(),
  /** The newest message's id (or time) when last read: the verdict below is about the conversation up to it. */
  lastMessage: z.string(),
  needs: z.array(NeedSchema),
  /** The evidence quote of the strongest signal, bounded. */
  evidence: z.string().max(300).optional(),
  subAgent: z.string().optional(),
  /** Since when the customer has waited (their oldest message no human answered), for sorting. */
  waitingSince: z.string().optional(),
  readAt: z.string(),
  /** An escalation nobody has picked up started then: the list counts it unclaimed once the pick-up target passes. */
  pendingPickupSince: z.string().optional(),
  /** When it first needed a human (kept while it still does), for "new" nudges. */
  firstNeededAt: z.string().optional(),
  /** Needs already told to the webhooks ("escalate:user_requested_human", "promise", "unclaimed"). */
  announced: z.array(z.string()).default([]),
});
export type WatchEntry = z.infer<typeof WatchEntrySchema>;

/** One row of "Needs a human". */
export const NeedsHumanItemSchema = WatchEntrySchema.pick({
  key: true,
  ref: true,
  subject: true,
  needs: true,
  evidence: true,
  subAgent: true,
  waitingSince: true,
  readAt: true,
}).extend({ url: z.string() });
export type NeedsHumanItem = z.infer<typeof NeedsHumanItemSchema>;

/** How the last scan of each helpdesk went. */
export const ScanReportSchema = z.object({
  platform: PlatformSchema,
  account: z.string(),
  at: z.string(),
  listed: z.number().int(),
  read: z.number().int(),
  requests: z.number().int(),
  /** Milliseconds the scan waited to keep its pace (rate-limit headers and 429s included). */
  waitedMs: z.number().int(),
  /** A sentence when the scan could not finish; absent when it did. */
  problem: z.string().optional(),
});
export type ScanReport = z.infer<typeof ScanReportSchema>;

/** The result of escalating one conversation from the list. */
export const ListEscalationResultSchema = z.object({
  key: z.string(),
  outcome: z.enum(['escalated', 'skipped', 'failed']),
  message: z.string(),
});
export type ListEscalationResult = z.infer<typeof ListEscalationResultSchema>;
