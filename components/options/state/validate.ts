import { z } from 'zod';
import { zodIssues } from '@/lib/config/load-policy';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';
import { PLATFORM_METAS, fieldsFor, metaFor } from '@/lib/platforms/metas';
import { ACCOUNT_NAME_MESSAGE, ACCOUNT_NAME_RE, ConnectionsSchema, type Connections } from '@/lib/schema/connections';
import { POLICY_VERSION, PolicySchema, type Policy, type PolicyInput } from '@/lib/schema/policy';
import { WEEKDAYS, type Weekday } from '@/lib/schema/customer-message';
import { FORM_PLATFORMS, type Accounts, type ConnectionsForm, type FormState, type PolicyForm } from './form';

export interface Issue {
  /** Form path, e.g. "policy.routing.rules.0.target" or "connections.<platform>.account". */
  path: string;
  message: string;
}

export interface Validated {
  policy: Policy | null;
  connections: Connections | null;
  accounts: Accounts;
  issues: Issue[];
}

/** Tags cannot contain commas, so commas and new lines both separate them; spaces are left for zod to flag. */
export const splitTags = (text: string) =>
  text
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
export const splitLines = (text: string) =>
  text
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);

const SUMMARY_EXAMPLE = '{"order_number": "the order number the customer mentions"}';

export function parseSummarySchema(text: string): { value: Record<string, string> } | { error: string } {
  if (!text.trim()) return { value: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `This is not valid JSON: ${(e as Error).message}` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { error: `Write a JSON object of field name → description, like ${SUMMARY_EXAMPLE}` };
  }
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') return { error: `The field "${k}" needs its description as text in quotes, like ${SUMMARY_EXAMPLE}` };
  }
  return { value: raw as Record<string, string> };
}

/**
 * Builds the policy input from the form. `keepRule` lets the preview leave out rules still being edited;
 * issues found here (outside zod's reach) use form paths.
 */
export function policyInput(form: PolicyForm, keepRule: (i: number) => boolean = () => true): { input: PolicyInput; issues: Issue[] } {
  const issues: Issue[] = [];
  const summary = parseSummarySchema(form.summarySchema);
  if ('error' in summary) issues.push({ path: 'policy.summarySchema', message: summary.error });

  const names = new Map<string, number>();
  form.subAgents.forEach((s, i) => {
    const n = s.name.trim().toLowerCase();
    if (!n) return;
    if (names.has(n))
      issues.push({
        path: `policy.subAgents.${i}.name`,
        message: 'Another sub agent already has this name; handover rules pick sub agents by name',
      });
    else names.set(n, i);
  });

  const rules: NonNullable<NonNullable<PolicyInput['routing']>['rules']> = [];
  form.routing.rules.forEach((r, i) => {
    if (!keepRule(i)) return;
    const unknown = r.subAgents.filter((s) => !names.has(s.trim().toLowerCase()));
    if (unknown.length) {
      issues.push({
        path: `policy.routing.rules.${i}.subAgents`,
        message: `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a sub agent any more; untick it or add it under Sub agents`,
      });
    }
    if (!r.target) issues.push({ path: `policy.routing.rules.${i}.target`, message: 'Pick where this rule sends conversations' });
    rules.push({
      subAgents: r.subAgents,
      when: { ...(r.sentiment ? { sentiment: r.sentiment } : {}), ...(r.urgency ? { urgency: r.urgency } : {}) },
      // A placeholder keeps rule indexes aligned with the form; the issue above already blocks saving.
      target: r.target ?? { platform: r.platform, kind: 'team', id: '-', name: '-' },
    });
  });

  const perPlatform = <T>(fn: (p: Platform) => T) => Object.fromEntries(PLATFORMS.map((p) => [p, fn(p)])) as Record<Platform, T>;
  const input: PolicyInput = {
    version: POLICY_VERSION,
    scope: form.scope,
    subAgents: form.subAgents.map((s) => ({
      name: s.name,
      description: s.description,
      examples: splitLines(s.examples),
      tags: splitTags(s.tags),
    })),
    signals: form.signals,
    customInstruction: form.customInstruction,
    tags: { escalation: splitTags(form.tags.escalation), suggest: form.tags.suggest },
    summarySchema: 'value' in summary ? summary.value : {},
    routing: {
      defaultTargets: Object.fromEntries(
        FORM_PLATFORMS.flatMap((p) => (form.routing.defaultTargets[p] ? [[p, form.routing.defaultTargets[p]]] : [])),
      ),
      rules,
    },
    suspend: {
      enabled: form.suspend.enabled,
      pause: perPlatform((p) => {
        const c = form.suspend.pause[p];
        return {
          stopTag: c.stopTag.trim(),
          removeTags: splitTags(c.removeTags),
          ...(c.managingInboxId.trim() ? { managingInboxId: c.managingInboxId.trim() } : {}),
        };
      }),
    },
    botIdentity: perPlatform((p) => {
      const b = form.botIdentity[p];
      return { ids: splitLines(b.ids), names: splitLines(b.names), emails: splitLines(b.emails) };
    }),
    engine: {
      kind: form.engine.kind,
      model: form.engine.model.trim(),
      baseURL: form.engine.baseURL.trim(),
      ...(form.engine.timeoutSeconds.trim() ? { timeoutSeconds: Number(form.engine.timeoutSeconds.trim()) } : {}),
    },
    customerMessage: {
      messages: form.customerMessage.messages,
      hours: {
        enabled: form.customerMessage.hours.enabled,
        timeZone: form.customerMessage.hours.timeZone,
        week: Object.fromEntries(
          WEEKDAYS.map((d) => {
            const o = form.customerMessage.hours.week[d];
            return [d, { closed: o.closed, open: o.open.trim(), close: o.close.trim() }];
          }),
        ) as Record<Weekday, { closed: boolean; open: string; close: string }>,
      },
    },
    followUp: { claimTargetMinutes: toNumber(form.followUp.claimTargetMinutes) },
    handoffLog: { keepCustomerText: form.handoffLog.keepCustomerText, maxEntries: toNumber(form.handoffLog.maxEntries) },
    notify: { webhooks: form.notify.webhooks.map(({ kind, url }) => ({ kind, url })) },
  };
  return { input, issues };
}

/** Typed digits become a number; anything else (even empty) stays for zod to name the problem at the field. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

export function parsePolicyForm(form: PolicyForm, keepRule?: (i: number) => boolean): { policy: Policy | null; issues: Issue[] } {
  const { input, issues } = policyInput(form, keepRule);
  const parsed = PolicySchema.safeParse(input);
  if (!parsed.success) issues.push(...withItemNames(zodIssues(parsed.error), input).map((i) => ({ ...i, path: `policy.${i.path}` })));
  return { policy: issues.length ? null : (parsed.data ?? null), issues };
}

/** "sys escalation: Tag names cannot contain spaces" says which item of a list field is wrong. */
function withItemNames(issues: { path: string; message: string }[], input: unknown): { path: string; message: string }[] {
  return issues.map((i) => {
    const parts = i.path.split('.');
    const last = parts[parts.length - 1];
    const value = parts.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), input);
    if (typeof value === 'string' && /^\d+$/.test(last ?? '') && value) return { ...i, message: `"${value}": ${i.message}` };
    if (parts[0] === 'summarySchema' && parts.length > 1)
      return { ...i, path: 'summarySchema', message: `Field "${parts.slice(1).join('.')}": ${i.message}` };
    return i;
  });
}

/**
 * One platform's stored connection slice from the form: the auth mode, the account when the platform has
 * one, and every connection field of its meta, normalised; empty optional fields are left out.
 */
export function connectionSlice(form: ConnectionsForm, platform: Platform): Record<string, unknown> {
  const meta = metaFor(platform);
  const f = form[platform];
  const slice: Record<string, unknown> = { authMode: f.authMode };
  if (meta.account) slice.account = meta.account.normalize(f.account);
  for (const field of meta.connectionFields) {
    const raw = f[field.key] ?? '';
    const value = field.normalize ? field.normalize(raw) : raw.trim();
    if (value || field.required) slice[field.key] = value;
  }
  return slice;
}

/** Checks every platform's connection fields, as its meta describes them, at their form paths. */
export function parseConnectionsForm(form: ConnectionsForm): { connections: Connections | null; accounts: Accounts; issues: Issue[] } {
  const issues: Issue[] = [];
  const accounts: Accounts = {};
  for (const meta of PLATFORM_METAS) {
    const p = meta.platform;
    const base = `connections.${p}`;
    const slice = connectionSlice(form, p);
    if (meta.account) {
      const account = String(slice.account ?? '');
      accounts[p] = account;
      if (account && !ACCOUNT_NAME_RE.test(account)) {
        issues.push({ path: `${base}.account`, message: ACCOUNT_NAME_MESSAGE });
      }
    }
    for (const field of fieldsFor(meta, form[p].authMode)) {
      const value = typeof slice[field.key] === 'string' ? (slice[field.key] as string) : '';
      const path = `${base}.${field.key}`;
      if (!value) {
        if (field.required) issues.push({ path, message: `${field.label} is required. ${field.hint}` });
        continue;
      }
      if (field.type === 'email' && !z.email().safeParse(value).success)
        issues.push({ path, message: 'Enter an email address like agent@example.com' });
      else if (field.type === 'url' && !URL.canParse(value)) issues.push({ path, message: 'Enter a web address starting with https://' });
      else {
        const problem = field.problem?.(value);
        if (problem) issues.push({ path, message: problem });
      }
    }
  }
  const parsed = ConnectionsSchema.safeParse(Object.fromEntries(PLATFORMS.map((p) => [p, connectionSlice(form, p)])));
  if (!parsed.success) {
    const known = new Set(issues.map((i) => i.path));
    for (const i of zodIssues(parsed.error)) if (!known.has(`connections.${i.path}`)) issues.push({ ...i, path: `connections.${i.path}` });
  }
  return { connections: issues.length ? null : (parsed.data ?? null), accounts, issues };
}

const memo = new WeakMap<FormState, Validated>();

/** Validation runs on every keystroke; the form object only changes when something was edited. */
export function validateForm(form: FormState): Validated {
  const hit = memo.get(form);
  if (hit) return hit;
  const p = parsePolicyForm(form.policy);
  const c = parseConnectionsForm(form.connections);
  const result = { policy: p.policy, connections: c.connections, accounts: c.accounts, issues: [...c.issues, ...p.issues] };
  memo.set(form, result);
  return result;
}

/** Issues that belong to a field: its own path and anything inside it (a list field owns its items). */
export function issuesAt(issues: Issue[], path: string): Issue[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
}
