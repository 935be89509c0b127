import type { z } from 'zod';
import { PolicySchema, type Policy } from '../schema/policy';
import { MIGRATIONS, STORAGE_VERSIONS } from './migrations';

export type PolicyLoad = { ok: true; policy: Policy; migratedFrom?: number } | { ok: false; issues: { path: string; message: string }[] };

/**
 * Parses a policy file (an export, the CLI's --policy) of any version Baton ever wrote into the current
 * one, through the same upgrade steps stored policies take (lib/config/migrations/). Never throws.
 */
export function loadPolicy(raw: unknown): PolicyLoad {
  const current = STORAGE_VERSIONS.policy;
  let value: unknown = raw ?? { version: current };
  // A file carries its version in the policy itself; one without a version field was written by current code.
  const stated = (value as { version?: unknown })?.version;
  const from = typeof stated === 'number' && Number.isInteger(stated) && stated >= 1 && stated < current ? stated : current;
  for (let v = from + 1; v <= current; v++) {
    const step = MIGRATIONS.policy[v];
    if (!step) continue;
    try {
      value = step(value);
    } catch (e) {
      return { ok: false, issues: [{ path: '(root)', message: (e as Error).message }] };
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && (value as { version?: unknown }).version === undefined) {
    value = { ...value, version: current };
  }
  const parsed = PolicySchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  return { ok: true, policy: parsed.data, ...(from < current ? { migratedFrom: from } : {}) };
}

/** Zod issues with a dotted field path, for showing each error at its field. */
export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}
