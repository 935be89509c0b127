import { z } from 'zod';
import { PLATFORMS, PlatformSchema, type Platform } from '@/lib/schema/conversation';
import { PLATFORM_METAS, accountFor, authModeOf, labelOf, metaFor } from '@/lib/platforms/metas';
import type { Connections, Secrets } from '@/lib/schema/connections';
import type { Policy } from '@/lib/schema/policy';
import { LANGUAGES, WEEKDAYS, type Language, type Weekday } from '@/lib/schema/customer-message';
import { WebhookKindSchema } from '@/lib/schema/notify';
import { TargetSchema } from '@/lib/schema/target';

/**
 * The options form keeps lists as the text the team lead typed (one per line, or comma-separated tags)
 * so a half-typed value survives re-renders and drafts exactly as typed; it becomes a policy only when
 * validated. Field paths mirror the policy's own paths so zod issues land on the right field.
 */
export const PLATFORM_LABELS = Object.fromEntries(PLATFORMS.map((p) => [p, labelOf(p)])) as Record<Platform, string>;
export const FORM_PLATFORMS: readonly Platform[] = PLATFORMS;

export type SecretKey = keyof Secrets;
/** Every platform's token secrets (from the registry), then the AI engine's key. */
export const SECRET_KEYS: readonly SecretKey[] = [
  ...PLATFORM_METAS.flatMap((m) => m.secrets.map((s) => s.key as SecretKey)),
  'openaiApiKey',
];

const SentimentSchema = z.enum(['negative', 'neutral', 'positive']);
const UrgencySchema = z.enum(['low', 'normal', 'high']);
export type Sentiment = z.infer<typeof SentimentSchema>;
export type Urgency = z.infer<typeof UrgencySchema>;
const eachPlatform = <T extends z.ZodTypeAny>(s: T) => z.record(PlatformSchema, s);

export const SubAgentFormSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  /** One example request per line. */
  examples: z.string(),
  /** Comma- or line-separated tags. */
  tags: z.string(),
});
export type SubAgentForm = z.infer<typeof SubAgentFormSchema>;

export const RuleFormSchema = z.object({
  key: z.string(),
  subAgents: z.array(z.string()),
  sentiment: z.union([SentimentSchema, z.literal('')]),
  urgency: z.union([UrgencySchema, z.literal('')]),
  /** Which helpdesk's list the target is picked from, before a target is chosen. */
  platform: PlatformSchema,
  target: TargetSchema.nullable(),
});
export type RuleForm = z.infer<typeof RuleFormSchema>;

const PauseFormSchema = z.object({ stopTag: z.string(), removeTags: z.string(), managingInboxId: z.string() });
export type PauseForm = z.infer<typeof PauseFormSchema>;
const IdentityFormSchema = z.object({ ids: z.string(), names: z.string(), emails: z.string() });
export type IdentityForm = z.infer<typeof IdentityFormSchema>;

export const PolicyFormSchema = z.object({
  scope: z.string(),
  subAgents: z.array(SubAgentFormSchema),
  signals: z.object({ user_requested_human: z.boolean(), bot_handed_off: z.boolean(), out_of_scope: z.boolean() }),
  customInstruction: z.string(),
  tags: z.object({ escalation: z.string(), suggest: z.boolean() }),
  /** JSON text of field → description. */
  summarySchema: z.string(),
  routing: z.object({ defaultTargets: eachPlatform(TargetSchema.nullable()), rules: z.array(RuleFormSchema) }),
  suspend: z.object({ enabled: z.boolean(), pause: eachPlatform(PauseFormSchema) }),
  botIdentity: eachPlatform(IdentityFormSchema),
  engine: z.object({
    kind: z.enum(['offline', 'openai']),
    model: z.string(),
    baseURL: z.string(),
    /** Whole seconds as typed; empty: the host's default. */
    timeoutSeconds: z.string().default(''),
  }),
  customerMessage: z.object({
    messages: z.record(z.enum(LANGUAGES), z.object({ inside: z.string(), outside: z.string(), wait: z.string() })),
    hours: z.object({
      enabled: z.boolean(),
      timeZone: z.string(),
      /** A closed day keeps the hours last typed, so ticking it open again restores them. */
      week: z.record(z.enum(WEEKDAYS), z.object({ closed: z.boolean(), open: z.string(), close: z.string() })),
    }),
  }),
  /** Numbers are kept as typed text; zod says what is wrong with them when the policy is built. */
  followUp: z.object({ claimTargetMinutes: z.string() }),
  handoffLog: z.object({ keepCustomerText: z.boolean(), maxEntries: z.string() }),
  notify: z.object({ webhooks: z.array(z.object({ key: z.string(), kind: WebhookKindSchema, url: z.string() })) }),
});
export type PolicyForm = z.infer<typeof PolicyFormSchema>;

const AuthModeSchema = z.enum(['session', 'token']);
export type AuthMode = z.infer<typeof AuthModeSchema>;

/**
 * One platform's connection as typed: the account (when the platform has one), the auth mode, and every
 * connection field of its meta under the field's own key, so form paths match the stored connection's paths.
 */
export const PlatformConnectionFormSchema = z.object({ account: z.string(), authMode: AuthModeSchema }).catchall(z.string());
export type PlatformConnectionForm = z.infer<typeof PlatformConnectionFormSchema>;
export const ConnectionsFormSchema = eachPlatform(PlatformConnectionFormSchema);
export type ConnectionsForm = z.infer<typeof ConnectionsFormSchema>;

/** Also the shape of a restored draft, so a draft from an older build is rejected rather than crashing. */
export const FormStateSchema = z.object({ policy: PolicyFormSchema, connections: ConnectionsFormSchema });
export type FormState = z.infer<typeof FormStateSchema>;

/** The account name of each platform that has one (the others have a fixed account). */
export type Accounts = Partial<Record<Platform, string>>;

let counter = 0;
/** Stable React keys for list rows; unique enough within one page and its restored draft. */
export function newKey(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

const lines = (items: string[]) => items.join('\n');
const commas = (items: string[]) => items.join(', ');

export function policyToForm(policy: Policy): PolicyForm {
  const perPlatform = <T>(fn: (p: Platform) => T) => Object.fromEntries(FORM_PLATFORMS.map((p) => [p, fn(p)])) as Record<Platform, T>;
  return {
    scope: policy.scope,
    subAgents: policy.subAgents.map((s) => ({
      key: newKey('sub'),
      name: s.name,
      description: s.description,
      examples: lines(s.examples),
      tags: commas(s.tags),
    })),
    signals: { ...policy.signals },
    customInstruction: policy.customInstruction,
    tags: { escalation: commas(policy.tags.escalation), suggest: policy.tags.suggest },
    summarySchema: JSON.stringify(policy.summarySchema, null, 2),
    routing: {
      defaultTargets: perPlatform((p) => policy.routing.defaultTargets[p] ?? null),
      rules: policy.routing.rules.map((r) => ({
        key: newKey('rule'),
        subAgents: [...r.subAgents],
        sentiment: r.when.sentiment ?? '',
        urgency: r.when.urgency ?? '',
        platform: r.target.platform,
        target: r.target,
      })),
    },
    suspend: {
      enabled: policy.suspend.enabled,
      pause: perPlatform((p) => {
        const c = policy.suspend.pause[p];
        return { stopTag: c.stopTag, removeTags: commas(c.removeTags), managingInboxId: c.managingInboxId ?? '' };
      }),
    },
    botIdentity: perPlatform((p) => {
      const b = policy.botIdentity[p];
      return { ids: lines(b.ids), names: lines(b.names), emails: lines(b.emails) };
    }),
    engine: {
      kind: policy.engine.kind,
      model: policy.engine.model,
      baseURL: policy.engine.baseURL,
      timeoutSeconds: policy.engine.timeoutSeconds?.toString() ?? '',
    },
    customerMessage: {
      messages: Object.fromEntries(LANGUAGES.map((l) => [l, { ...policy.customerMessage.messages[l] }])) as Record<
        Language,
        { inside: string; outside: string; wait: string }
      >,
      hours: {
        enabled: policy.customerMessage.hours.enabled,
        timeZone: policy.customerMessage.hours.timeZone,
        week: Object.fromEntries(WEEKDAYS.map((d) => [d, { ...policy.customerMessage.hours.week[d] }])) as Record<
          Weekday,
          { closed: boolean; open: string; close: string }
        >,
      },
    },
    followUp: { claimTargetMinutes: String(policy.followUp.claimTargetMinutes) },
    handoffLog: { keepCustomerText: policy.handoffLog.keepCustomerText, maxEntries: String(policy.handoffLog.maxEntries) },
    notify: { webhooks: policy.notify.webhooks.map((w) => ({ key: newKey('hook'), ...w })) },
  };
}

export function connectionsToForm(c: Connections, accounts: Accounts): ConnectionsForm {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const one = (p: Platform): PlatformConnectionForm => {
    const meta = metaFor(p);
    const slice = c[p] as Record<string, unknown>;
    return {
      ...Object.fromEntries(meta.connectionFields.map((f) => [f.key, text(slice[f.key])])),
      account: meta.account ? (accounts[p] ?? '') : '',
      authMode: authModeOf(meta, slice),
    };
  };
  return Object.fromEntries(PLATFORMS.map((p) => [p, one(p)])) as ConnectionsForm;
}

export function newSubAgent(): SubAgentForm {
  return { key: newKey('sub'), name: '', description: '', examples: '', tags: '' };
}

export function newRule(platform: Platform): RuleForm {
  return { key: newKey('rule'), subAgents: [], sentiment: '', urgency: '', platform, target: null };
}

/** The helpdesk account a request is about: a platform without accounts has one fixed account. */
export function accountOf(form: ConnectionsForm, platform: Platform): string {
  return accountFor(platform, form[platform].account);
}

/** Team leads paste whatever they have at hand: "acme", "acme.<helpdesk>.com" or a whole agent URL. */
export function normalizeAccount(text: string, platform: Platform): string {
  return metaFor(platform).account?.normalize(text) ?? '';
}
