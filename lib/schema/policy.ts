import { z } from 'zod';
import { TargetSchema } from './target';
import { CustomerMessageSchema } from './customer-message';
import { FollowUpSchema } from './follow-up';
import { HandoffLogSettingsSchema } from './handoff-log';
import { NotifySchema } from './notify';

export const POLICY_VERSION = 3;

/** Helpdesks split tags at spaces and commas, so such a "tag" would be added as several and never removed as one. */
const tagText = z
  .string()
  .trim()
  .max(80, 'Tag names are at most 80 characters')
  .regex(/^[^\s,]*$/, 'Tag names cannot contain spaces or commas');
const tagName = tagText.min(1, 'Tag names cannot be empty');

const SubAgentSchema = z.object({
  name: z.string().trim().min(1, 'Give the sub agent a name'),
  description: z.string().default(''),
  examples: z.array(z.string()).default([]),
  /** Tags that mark a conversation as handled by this sub agent. */
  tags: z.array(tagName).default([]),
});
export type SubAgent = z.infer<typeof SubAgentSchema>;

const HandoverRuleSchema = z.object({
  /** Names of sub agents; the rule matches when the conversation's sub agent is one of them. */
  subAgents: z.array(z.string().min(1)).min(1, 'Pick at least one sub agent'),
  /** Optional extra condition; all given conditions must hold. */
  when: z
    .object({
      sentiment: z.enum(['negative', 'neutral', 'positive']).optional(),
      urgency: z.enum(['low', 'normal', 'high']).optional(),
    })
    .default({}),
  target: TargetSchema,
});

export const BotIdentitySchema = z.object({
  ids: z.array(z.string()).default([]),
  names: z.array(z.string()).default([]),
  emails: z.array(z.string()).default([]),
});
export type BotIdentity = z.infer<typeof BotIdentitySchema>;

export const PauseConfigSchema = z.object({
  /** (a) A stop-list tag the bot honours. Empty string disables it. */
  stopTag: tagText.default('sys_bot_paused'),
  /** (b) The bot's managing-point tags, removed on pause and restored on resume. */
  removeTags: z.array(tagName).default([]),
  /** (c) Front only: the bot's managing inbox; paused conversations leave it. */
  managingInboxId: z.string().optional(),
});
export type PauseConfig = z.infer<typeof PauseConfigSchema>;

const perPlatform = <T extends z.ZodTypeAny>(schema: T) => z.object({ front: schema, gorgias: schema, zendesk: schema });

const summarySchema = z
  .record(z.string().trim().min(1, 'Field names cannot be empty'), z.string())
  .refine((o) => Object.keys(o).length <= 40, 'At most 40 summary fields');

/**
 * Where the OpenAI key may be sent with every transcript: https anywhere, plain http only to this machine
 * (a local model server). Checked by the schema, so an import, a synced or a managed policy cannot point the
 * saved key at a plain-http or non-web address either.
 */
function baseUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null; // the URL check names a malformed address
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return null;
  return 'Use an https:// address (plain http works only for localhost)';
}

export const PolicySchema = z.object({
  version: z.literal(POLICY_VERSION),
  /** What the bot is meant to handle; the out-of-scope check is judged against this plus the sub agents. */
  scope: z.string().default(''),
  subAgents: z.array(SubAgentSchema).default([]),
  signals: z
    .object({
      user_requested_human: z.boolean().default(true),
      bot_handed_off: z.boolean().default(true),
      out_of_scope: z.boolean().default(true),
    })
    .default({ user_requested_human: true, bot_handed_off: true, out_of_scope: true }),
  /** Team lead's customized escalation instruction; narrows or widens the check, never the bot's replies. */
  customInstruction: z.string().max(2000).default(''),
  tags: z
    .object({
      escalation: z.array(tagName).default(['sys_escalation']),
      /** Offered as suggestions: sys_human_help when the customer asked, sys_human_follow_up for bot handoffs. */
      suggest: z.boolean().default(true),
    })
    .default({ escalation: ['sys_escalation'], suggest: true }),
  summarySchema: summarySchema.default({}),
  routing: z
    .object({
      defaultTargets: z
        .object({
          front: TargetSchema.optional(),
          gorgias: TargetSchema.optional(),
          zendesk: TargetSchema.optional(),
        })
        .default({}),
      rules: z.array(HandoverRuleSchema).default([]),
    })
    .default({ defaultTargets: {}, rules: [] }),
  suspend: z
    .object({
      enabled: z.boolean().default(true),
      pause: perPlatform(PauseConfigSchema.default({ stopTag: 'sys_bot_paused', removeTags: [] })),
    })
    .default({
      enabled: true,
      pause: {
        front: { stopTag: 'sys_bot_paused', removeTags: [] },
        gorgias: { stopTag: 'sys_bot_paused', removeTags: [] },
        zendesk: { stopTag: 'sys_bot_paused', removeTags: [] },
      },
    }),
  botIdentity: perPlatform(BotIdentitySchema.default({ ids: [], names: [], emails: [] })).default({
    front: { ids: [], names: [], emails: [] },
    gorgias: { ids: [], names: [], emails: [] },
    zendesk: { ids: [], names: [], emails: [] },
  }),
  engine: z
    .object({
      kind: z.enum(['offline', 'openai']).default('offline'),
      model: z.string().default('gpt-4o-mini'),
      baseURL: z
        .string()
        .url('Base URL must be a full URL like https://api.openai.com/v1')
        .superRefine((u, ctx) => {
          const problem = baseUrlProblem(u);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .default('https://api.openai.com/v1'),
    })
    .default({ kind: 'offline', model: 'gpt-4o-mini', baseURL: 'https://api.openai.com/v1' }),
  /** The message offered to the agent for the customer, per language, knowing the team's hours. */
  customerMessage: CustomerMessageSchema.default(() => CustomerMessageSchema.parse({})),
  /** Promise check and unclaimed timer. */
  followUp: FollowUpSchema.default(() => FollowUpSchema.parse({})),
  /** The local handoff log behind Insights. */
  handoffLog: HandoffLogSettingsSchema.default(() => HandoffLogSettingsSchema.parse({})),
  /** Webhooks told about each escalation. */
  notify: NotifySchema.default(() => NotifySchema.parse({})),
});
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

export function defaultPolicy(): Policy {
  return PolicySchema.parse({ version: POLICY_VERSION });
}
