import { z } from 'zod';
import { TargetSchema } from './target';
import { CustomerMessageSchema } from './customer-message';
import { FollowUpSchema } from './follow-up';
import { HandoffLogSettingsSchema } from './handoff-log';
import { NotifySchema } from './notify';
import { formMeta } from './form-meta';

export const POLICY_VERSION = 3;

/** Helpdesks split tags at spaces and commas, so such a "tag" would be added as several and never removed as one. */
const tagText = z
  .string()
  .trim()
  .max(80, 'Tag names are at most 80 characters')
  .regex(/^[^\s,]*$/, 'Tag names cannot contain spaces or commas');
const tagName = tagText.min(1, 'Tag names cannot be empty');

export const SubAgentSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the sub agent a name')
    .register(formMeta, { title: 'Name', help: 'As the bot calls it, e.g. returns. Handover rules use this name.', verbatim: true }),
  description: z
    .string()
    .default('')
    .register(formMeta, { title: 'Description', help: 'What it handles, in plain words.', control: 'textarea', rows: 2 }),
  examples: z.array(z.string()).default([]).register(formMeta, {
    title: 'Example requests',
    item: 'Example',
    codec: 'lines',
    rows: 3,
    help: 'One per line, as customers write them, e.g. I want to return my shoes.',
  }),
  /** Tags that mark a conversation as handled by this sub agent. */
  tags: z.array(tagName).default([]).register(formMeta, {
    title: 'Tags',
    item: 'Tag',
    codec: 'tags',
    verbatim: true,
    help: 'Tags that mark a conversation as handled by this sub agent, separated by commas.',
  }),
});
export type SubAgent = z.infer<typeof SubAgentSchema>;

export const HandoverRuleSchema = z.object({
  /** Names of sub agents; the rule matches when the conversation's sub agent is one of them. */
  subAgents: z.array(z.string().min(1)).min(1, 'Pick at least one sub agent').register(formMeta, { title: 'Sub agents' }),
  /** Optional extra condition; all given conditions must hold. */
  when: z
    .object({
      sentiment: z
        .enum(['negative', 'neutral', 'positive'])
        .optional()
        .register(formMeta, { title: 'Sentiment', choices: { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' } }),
      urgency: z
        .enum(['low', 'normal', 'high'])
        .optional()
        .register(formMeta, { title: 'Urgency', choices: { high: 'High', normal: 'Normal', low: 'Low' } }),
    })
    .default({})
    .register(formMeta, { title: 'Condition' }),
  target: TargetSchema.register(formMeta, { title: 'Target' }),
});
export type HandoverRule = z.infer<typeof HandoverRuleSchema>;

/** One author per line: ids, names and addresses are compared whole. */
const authors = (title: string, help: string) =>
  z.array(z.string()).default([]).register(formMeta, { title, help, codec: 'lines', rows: 2, verbatim: true });

export const BotIdentitySchema = z.object({
  ids: authors('Author ids', "The bot user's ids in this helpdesk, one per line."),
  names: authors('Names', 'Author names the bot posts as, one per line, e.g. Aissist Bot.'),
  emails: authors('Emails', "The bot user's email addresses, one per line."),
});
export type BotIdentity = z.infer<typeof BotIdentitySchema>;

export const PauseConfigSchema = z.object({
  /** (a) A stop-list tag the bot honours. Empty string disables it. */
  stopTag: tagText.default('sys_bot_paused').register(formMeta, {
    title: 'Stop-list tag',
    help: 'A tag your bot is set to ignore conversations with. Leave empty to not add one.',
    verbatim: true,
  }),
  /** (b) The bot's managing-point tags, removed on pause and restored on resume. */
  removeTags: z.array(tagName).default([]).register(formMeta, {
    title: 'Managing tags to remove',
    item: 'Tag',
    codec: 'tags',
    verbatim: true,
    help: 'Tags that hand the conversation to the bot, separated by commas. Removed on pause, put back on Return to bot.',
  }),
  /** (c) Front only: the bot's managing inbox; paused conversations leave it. */
  managingInboxId: z.string().optional().register(formMeta, { title: 'Managing inbox' }),
});
export type PauseConfig = z.infer<typeof PauseConfigSchema>;

const perPlatform = <T extends z.ZodTypeAny>(schema: T) => z.object({ front: schema, gorgias: schema, zendesk: schema });

const summarySchema = z
  .record(z.string().trim().min(1, 'Field names cannot be empty'), z.string())
  .refine((o) => Object.keys(o).length <= 40, 'At most 40 summary fields');

/** A default target per helpdesk: none means the agent picks one. */
const defaultTarget = () => TargetSchema.optional().register(formMeta, { codec: 'target' });

/**
 * Where the OpenAI key may be sent with every transcript: https anywhere, plain http only to this machine
 * (a local model server). Checked by the schema, so an import, a synced or a managed policy cannot point the
 * saved key at a plain-http or non-web address either.
 */
export function baseUrlProblem(text: string): string | null {
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
  scope: z.string().default('').register(formMeta, {
    title: 'What the bot is meant to handle',
    help: 'A sentence or two, e.g. order tracking, returns and billing for our online store.',
    control: 'textarea',
    rows: 3,
  }),
  subAgents: z.array(SubAgentSchema).default([]).register(formMeta, { title: 'Sub agents', item: 'Sub agent' }),
  signals: z
    .object({
      user_requested_human: z
        .boolean()
        .default(true)
        .register(formMeta, { title: 'The customer asks for a human', help: 'e.g. "can I talk to a person?", in any common language.' }),
      bot_handed_off: z.boolean().default(true).register(formMeta, {
        title: 'The bot hands off or says it cannot help',
        help: 'A handoff the bot is still preparing (asking for an order number) waits until it is confirmed.',
      }),
      out_of_scope: z
        .boolean()
        .default(true)
        .register(formMeta, { title: "The request is outside the bot's scope", help: 'Judged against the bot scope and sub agents.' }),
    })
    .default({ user_requested_human: true, bot_handed_off: true, out_of_scope: true })
    .register(formMeta, { title: 'Escalation signals' }),
  /** Team lead's customized escalation instruction; narrows or widens the check, never the bot's replies. */
  customInstruction: z.string().max(2000).default('').register(formMeta, {
    title: 'Your instruction for the escalation check',
    help: 'e.g. “Only escalate payment issues” or “Always escalate legal threats”. **This changes Baton’s checks, not what the bot replies to customers.**',
    control: 'textarea',
    rows: 3,
  }),
  tags: z
    .object({
      escalation: z.array(tagName).default(['sys_escalation']).register(formMeta, {
        title: 'Tags added on escalation',
        item: 'Tag',
        codec: 'tags',
        verbatim: true,
        help: 'Separated by commas, e.g. sys_escalation, vip. Tag names have no spaces.',
      }),
      /** Offered as suggestions: sys_human_help when the customer asked, sys_human_follow_up for bot handoffs. */
      suggest: z.boolean().default(true).register(formMeta, {
        title: 'Suggest sys_human_help and sys_human_follow_up',
        help: 'sys_human_help when the customer asked for a human; sys_human_follow_up when the bot handed off. Agents can remove them before escalating.',
      }),
    })
    .default({ escalation: ['sys_escalation'], suggest: true })
    .register(formMeta, { title: 'Tags' }),
  summarySchema: summarySchema.default({}).register(formMeta, {
    title: 'Summary schema',
    label: 'Fields (JSON: field name → what to put in it)',
    help: 'A JSON object, checked as you type. A field Baton cannot find in the conversation is left empty, never invented.',
    codec: 'json',
    rows: 8,
    mono: true,
    verbatim: true,
    placeholder: '{\n  "order_number": "the order number the customer mentions",\n  "refund_amount": "any amount of money mentioned"\n}',
    example: '{"order_number": "the order number the customer mentions"}',
  }),
  routing: z
    .object({
      defaultTargets: z
        .object({
          front: defaultTarget(),
          gorgias: defaultTarget(),
          zendesk: defaultTarget(),
        })
        .default({})
        .register(formMeta, { title: 'Default targets' }),
      rules: z
        .array(HandoverRuleSchema.register(formMeta, { codec: 'rule' }))
        .default([])
        .register(formMeta, { title: 'Handover rules', item: 'Handover rule' }),
    })
    .default({ defaultTargets: {}, rules: [] })
    .register(formMeta, { title: 'Routing' }),
  suspend: z
    .object({
      enabled: z.boolean().default(true).register(formMeta, {
        title: 'Pause the bot after escalating',
        help: 'Agents can still untick this for one conversation before escalating.',
      }),
      pause: perPlatform(PauseConfigSchema.default({ stopTag: 'sys_bot_paused', removeTags: [] })).register(formMeta, { title: 'Pause' }),
    })
    .default({
      enabled: true,
      pause: {
        front: { stopTag: 'sys_bot_paused', removeTags: [] },
        gorgias: { stopTag: 'sys_bot_paused', removeTags: [] },
        zendesk: { stopTag: 'sys_bot_paused', removeTags: [] },
      },
    })
    .register(formMeta, { title: 'Suspend afterwards' }),
  botIdentity: perPlatform(BotIdentitySchema.default({ ids: [], names: [], emails: [] }))
    .default({
      front: { ids: [], names: [], emails: [] },
      gorgias: { ids: [], names: [], emails: [] },
      zendesk: { ids: [], names: [], emails: [] },
    })
    .register(formMeta, { title: 'Bot identity' }),
  engine: z
    .object({
      kind: z.enum(['offline', 'openai']).default('offline').register(formMeta, { title: 'Engine' }),
      model: z.string().trim().default('gpt-4o-mini').register(formMeta, { title: 'Model' }),
      baseURL: z
        .string()
        .trim()
        .url('Base URL must be a full URL like https://api.openai.com/v1')
        .superRefine((u, ctx) => {
          const problem = baseUrlProblem(u);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .default('https://api.openai.com/v1')
        .register(formMeta, { title: 'Base URL', verbatim: true }),
    })
    .default({ kind: 'offline', model: 'gpt-4o-mini', baseURL: 'https://api.openai.com/v1' })
    .register(formMeta, { title: 'AI engine' }),
  /** The message offered to the agent for the customer, per language, knowing the team's hours. */
  customerMessage: CustomerMessageSchema.default(() => CustomerMessageSchema.parse({})).register(formMeta, {
    title: 'Message to the customer',
  }),
  /** Promise check and unclaimed timer. */
  followUp: FollowUpSchema.default(() => FollowUpSchema.parse({})).register(formMeta, { title: 'Follow-through' }),
  /** The local handoff log behind Insights. */
  handoffLog: HandoffLogSettingsSchema.default(() => HandoffLogSettingsSchema.parse({})).register(formMeta, { title: 'Handoff log' }),
  /** Webhooks told about each escalation. */
  notify: NotifySchema.default(() => NotifySchema.parse({})).register(formMeta, { title: 'Notifications' }),
});
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

export function defaultPolicy(): Policy {
  return PolicySchema.parse({ version: POLICY_VERSION });
}
