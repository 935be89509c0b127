import { z } from 'zod';
import { PlatformSchema, type Platform } from '../../lib/schema/conversation';
import type { Connections, Secrets } from '../../lib/schema/connections';
import type { Policy } from '../../lib/schema/policy';
import { TargetSchema } from '../../lib/schema/target';

/**
 * The options form keeps lists as the text the team lead typed (one per line, or comma-separated tags)
 * so a half-typed value survives re-renders and drafts exactly as typed; it becomes a policy only when
 * validated. Field paths mirror the policy's own paths so zod issues land on the right field.
 */
export const PLATFORM_LABELS: Record<Platform, string> = { front: 'Front', gorgias: 'Gorgias', zendesk: 'Zendesk' };
export const FORM_PLATFORMS: readonly Platform[] = ['front', 'gorgias', 'zendesk'];

export type SecretKey = keyof Secrets;
export const SECRET_KEYS: readonly SecretKey[] = ['frontToken', 'zendeskToken', 'gorgiasApiKey', 'openaiApiKey'];

const SentimentSchema = z.enum(['negative', 'neutral', 'positive']);
const UrgencySchema = z.enum(['low', 'normal', 'high']);
export type Sentiment = z.infer<typeof SentimentSchema>;
export type Urgency = z.infer<typeof UrgencySchema>;
const eachPlatform = <T extends z.ZodTypeAny>(s: T) => z.object({ front: s, gorgias: s, zendesk: s });

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
  engine: z.object({ kind: z.enum(['offline', 'openai']), model: z.string(), baseURL: z.string() }),
  handoffMessage: z.string(),
  expectedWait: z.string(),
});
export type PolicyForm = z.infer<typeof PolicyFormSchema>;

const AuthModeSchema = z.enum(['session', 'token']);
export type AuthMode = z.infer<typeof AuthModeSchema>;

export const ConnectionsFormSchema = z.object({
  zendesk: z.object({ account: z.string(), authMode: AuthModeSchema, email: z.string() }),
  gorgias: z.object({ account: z.string(), authMode: AuthModeSchema, email: z.string() }),
  front: z.object({ apiBase: z.string() }),
});
export type ConnectionsForm = z.infer<typeof ConnectionsFormSchema>;

/** Also the shape of a restored draft, so a draft from an older build is rejected rather than crashing. */
export const FormStateSchema = z.object({ policy: PolicyFormSchema, connections: ConnectionsFormSchema });
export type FormState = z.infer<typeof FormStateSchema>;

export type Accounts = { zendesk: string; gorgias: string };

let counter = 0;
/** Stable React keys for list rows; unique enough within one page and its restored draft. */
export function newKey(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

const lines = (items: string[]) => items.join('\n');
const commas = (items: string[]) => items.join(', ');

export function policyToForm(policy: Policy): PolicyForm {
  const perPlatform = <T>(fn: (p: Platform) => T) =>
    Object.fromEntries(FORM_PLATFORMS.map((p) => [p, fn(p)])) as Record<Platform, T>;
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
    engine: { ...policy.engine },
    handoffMessage: policy.handoffMessage,
    expectedWait: policy.expectedWait,
  };
}

export function connectionsToForm(c: Connections, accounts: Accounts): ConnectionsForm {
  return {
    zendesk: { account: accounts.zendesk, authMode: c.zendesk.authMode, email: c.zendesk.email },
    gorgias: { account: accounts.gorgias, authMode: c.gorgias.authMode, email: c.gorgias.email },
    front: { apiBase: c.front.apiBase },
  };
}

export function newSubAgent(): SubAgentForm {
  return { key: newKey('sub'), name: '', description: '', examples: '', tags: '' };
}

export function newRule(platform: Platform): RuleForm {
  return { key: newKey('rule'), subAgents: [], sentiment: '', urgency: '', platform, target: null };
}

/** The helpdesk account a request is about: Front has one API per company, so its account is fixed. */
export function accountOf(form: ConnectionsForm, platform: Platform): string {
  return platform === 'front' ? 'app' : normalizeAccount(form[platform].account, platform);
}

/** Team leads paste whatever they have at hand: "acme", "acme.zendesk.com" or a whole agent URL. */
export function normalizeAccount(text: string, platform: 'zendesk' | 'gorgias'): string {
  const host = text.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/?#]/)[0] ?? '';
  const suffix = `.${platform}.com`;
  return host.endsWith(suffix) ? host.slice(0, -suffix.length) : host;
}
