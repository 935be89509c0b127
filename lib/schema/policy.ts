import { z } from 'zod';
import { TargetSchema } from './target';
import { CustomerMessageSchema } from './customer-message';
import { FollowUpSchema } from './follow-up';
import { HandoffLogSettingsSchema } from './handoff-log';
import { NotifySchema } from './notify';
import { RecordSettingsSchema } from './record-settings';
import { formMeta } from './form-meta';
import { WatchSettingsSchema } from './watch';

export const POLICY_VERSION = 3;

/** Helpdesks split tags at spaces and commas, so such a "tag" would be added as several and never removed as one. */
const tagText = z
  .string()
  .trim()
  .max(80, 'Tag names are at most 80 characters')
  .regex(/^[^\s,]*$/, 'Tag names cannot contain spaces or commas');
const tagName = tagText.min(1, 'Tag names cannot be empty');

const SubAgentSchema = z.object({
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

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** This machine: localhost, 127.0.0.0/8 and [::1]. */
function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true;
  const v4 = IPV4.exec(host);
  return !!v4 && v4[1] === '127';
}

/**
 * A host only a private network can reach: RFC 1918 and link-local IPv4, IPv6 unique-local and link-local,
 * and the names reserved for local networks (.local, .internal, .home.arpa). A public name or address is not.
 */
function isPrivateNetwork(host: string): boolean {
  const v4 = IPV4.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (host.startsWith('[')) return /^\[f[cd][0-9a-f]{0,2}:/i.test(host) || /^\[fe[89ab][0-9a-f]?:/i.test(host);
  return host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.home.arpa');
}

/**
 * Where the LLM key and every transcript may be sent: https anywhere, plain http only to this machine or a
 * private-network host (a local or LAN model server; the Options page warns about the latter). Checked by the
 * schema, so an import, a synced or a managed policy cannot point the saved key at a public plain-http or
 * non-web address either.
 */
export function baseUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null; // the URL check names a malformed address
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && (isLoopback(url.hostname) || isPrivateNetwork(url.hostname))) return null;
  return 'Use an https:// address (plain http works only for this machine or a private-network host)';
}

/** What to tell the team lead about an accepted base URL, or null: plain http that leaves this machine. */
export function baseUrlWarning(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || isLoopback(url.hostname) || !isPrivateNetwork(url.hostname)) return null;
  return `Plain http to ${url.host}: conversations (and the API key, if any) cross your network unencrypted. Use https if the server offers it.`;
}

/** Whether a base URL needs an API key: OpenAI's API does; a local or self-hosted server often runs without one. */
export function engineNeedsKey(baseURL: string): boolean {
  try {
    return new URL(baseURL.trim()).hostname === 'api.openai.com';
  } catch {
    return true;
  }
}

/** Longest wait for a model answer a team lead can set; beyond it the sidebar's refinement is not worth waiting for. */
export const MAX_ENGINE_TIMEOUT_SECONDS = 600;

/**
 * One switch per signal a team lead may turn off. Their words on the options page are the signal registry's
 * (lib/signals/registry.ts declares them on these fields), so the switch, the sidebar and Insights name a
 * signal the same way.
 */
export const SignalSwitchesSchema = z.object({
  user_requested_human: z.boolean().default(true),
  bot_handed_off: z.boolean().default(true),
  out_of_scope: z.boolean().default(true),
});

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
  signals: SignalSwitchesSchema.default({ user_requested_human: true, bot_handed_off: true, out_of_scope: true }).register(formMeta, {
    title: 'Escalation signals',
  }),
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
      /**
       * Return to bot takes the escalation's tags off with the rest of the escalation (the notes' records and
       * Insights keep the history). On: they stay, and the promise check ignores them once the conversation
       * was returned, so a new promise by the bot is flagged again.
       */
      keepTagsOnReturn: z.boolean().default(false).register(formMeta, {
        title: 'Keep the escalation tags as history on Return to bot',
        help: 'Off: Return to bot puts the tags back as they were before the escalation. On: the escalation tags stay; a new promise by the bot after the return is still flagged.',
      }),
    })
    .default({
      enabled: true,
      keepTagsOnReturn: false,
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
      /** How long to wait for the model; unset: 20 s for api.openai.com, 120 s for any other host. */
      timeoutSeconds: z
        .number({ error: 'Give the timeout in whole seconds' })
        .int('Use whole seconds')
        .min(5, 'At least 5 seconds')
        .max(MAX_ENGINE_TIMEOUT_SECONDS, `At most ${MAX_ENGINE_TIMEOUT_SECONDS} seconds`)
        .optional()
        .register(formMeta, { title: 'Timeout (seconds)' }),
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
  /** The reason tag and record written into the helpdesk, and the loop guard that reads them back. */
  record: RecordSettingsSchema.default(() => RecordSettingsSchema.parse({})).register(formMeta, { title: 'Handoff record' }),
  /** Queue watch: the bot's open conversations checked in the background, listed under "Needs a human". */
  watch: WatchSettingsSchema.default(() => WatchSettingsSchema.parse({})).register(formMeta, { title: 'Queue watch' }),
});
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

export function defaultPolicy(): Policy {
  return PolicySchema.parse({ version: POLICY_VERSION });
}
