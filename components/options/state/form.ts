import { z } from 'zod';
import { PLATFORMS, PlatformSchema, type Platform } from '@/lib/schema/conversation';
import { PLATFORM_METAS, accountFor, authModeOf, labelOf, metaFor } from '@/lib/platforms/metas';
import type { Connections, Secrets } from '@/lib/schema/connections';
import { newKey, PolicyFormSchema, type PolicyForm } from './schema-form';

/**
 * The options form keeps lists as the text the team lead typed (one per line, or comma-separated tags)
 * so a half-typed value survives re-renders and drafts exactly as typed; it becomes a policy only when
 * validated. Field paths mirror the policy's own paths so zod issues land on the right field. The policy
 * part of the form is derived from the policy schema (schema-form.ts); connections come from the registry.
 */
export const PLATFORM_LABELS = Object.fromEntries(PLATFORMS.map((p) => [p, labelOf(p)])) as Record<Platform, string>;
export const FORM_PLATFORMS: readonly Platform[] = PLATFORMS;

export type SecretKey = keyof Secrets;
/** Every platform's token secrets (from the registry), then the AI engine's key. */
export const SECRET_KEYS: readonly SecretKey[] = [
  ...PLATFORM_METAS.flatMap((m) => m.secrets.map((s) => s.key as SecretKey)),
  'openaiApiKey',
];

export { policyToForm, type PolicyForm } from './schema-form';
export type SubAgentForm = PolicyForm['subAgents'][number];
export type RuleForm = PolicyForm['routing']['rules'][number];

const eachPlatform = <T extends z.ZodTypeAny>(s: T) => z.record(PlatformSchema, s);

const AuthModeSchema = z.enum(['session', 'token']);
export type AuthMode = z.infer<typeof AuthModeSchema>;

/**
 * One platform's connection as typed: the account (when the platform has one), the auth mode, and every
 * connection field of its meta under the field's own key, so form paths match the stored connection's paths.
 */
const PlatformConnectionFormSchema = z.object({ account: z.string(), authMode: AuthModeSchema }).catchall(z.string());
type PlatformConnectionForm = z.infer<typeof PlatformConnectionFormSchema>;
const ConnectionsFormSchema = eachPlatform(PlatformConnectionFormSchema);
export type ConnectionsForm = z.infer<typeof ConnectionsFormSchema>;

/** Also the shape of a restored draft, so a draft from an older build is rejected rather than crashing. */
export const FormStateSchema = z.object({ policy: PolicyFormSchema, connections: ConnectionsFormSchema });
export type FormState = z.infer<typeof FormStateSchema>;

/** The account name of each platform that has one (the others have a fixed account). */
export type Accounts = Partial<Record<Platform, string>>;

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
