import { z } from 'zod';
import { zodIssues } from '@/lib/config/load-policy';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';
import { PLATFORM_METAS, fieldsFor, metaFor } from '@/lib/platforms/metas';
import { ACCOUNT_NAME_MESSAGE, ACCOUNT_NAME_RE, ConnectionsSchema, type Connections } from '@/lib/schema/connections';
import { PolicySchema, type Policy, type PolicyInput } from '@/lib/schema/policy';
import type { Accounts, ConnectionsForm, FormState, PolicyForm } from './form';
import { formToPolicyInput, policyNodesAlong, type Issue } from './schema-form';

export type { Issue };

export interface Validated {
  policy: Policy | null;
  connections: Connections | null;
  accounts: Accounts;
  issues: Issue[];
}

/**
 * Builds the policy input from the form. `keepRule` lets the preview leave out rules still being edited.
 * Issues found here (outside zod's reach: names shared by two sub agents, rules naming a removed one) use
 * form paths.
 */
export function policyInput(form: PolicyForm, keepRule: (i: number) => boolean = () => true): { input: PolicyInput; issues: Issue[] } {
  const kept = form.routing.rules.every((_, i) => keepRule(i))
    ? form
    : { ...form, routing: { ...form.routing, rules: form.routing.rules.filter((_, i) => keepRule(i)) } };
  const { input, issues } = formToPolicyInput(kept);

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
  form.routing.rules.forEach((r, i) => {
    if (!keepRule(i)) return;
    const unknown = r.subAgents.filter((s) => !names.has(s.trim().toLowerCase()));
    if (unknown.length) {
      issues.push({
        path: `policy.routing.rules.${i}.subAgents`,
        message: `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a sub agent any more; untick it or add it under Sub agents`,
      });
    }
  });
  return { input, issues };
}

export function parsePolicyForm(form: PolicyForm, keepRule?: (i: number) => boolean): { policy: Policy | null; issues: Issue[] } {
  const { input, issues } = policyInput(form, keepRule);
  const parsed = PolicySchema.safeParse(input);
  if (!parsed.success) issues.push(...withItemNames(zodIssues(parsed.error), input).map((i) => ({ ...i, path: `policy.${i.path}` })));
  return { policy: issues.length ? null : (parsed.data ?? null), issues };
}

/**
 * "sys escalation: Tag names cannot contain spaces" says which item of a list field is wrong; a problem
 * inside a JSON field ("Field "a": …") belongs to the JSON text, the one control the team lead has.
 */
function withItemNames(issues: { path: string; message: string }[], input: unknown): { path: string; message: string }[] {
  return issues.map((i) => {
    const parts = i.path.split('.');
    const last = parts[parts.length - 1];
    const value = parts.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), input);
    if (typeof value === 'string' && /^\d+$/.test(last ?? '') && value) return { ...i, message: `"${value}": ${i.message}` };
    const json = policyNodesAlong(parts).findIndex((n) => n?.meta.codec === 'json');
    if (json >= 0 && parts.length > json + 1)
      return { ...i, path: parts.slice(0, json + 1).join('.'), message: `Field "${parts.slice(json + 1).join('.')}": ${i.message}` };
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
