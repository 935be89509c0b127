import { loadPolicy } from '@/lib/config/load-policy';
import { PolicySchema, type Policy } from '@/lib/schema/policy';
import type { Issue } from './validate';

export type ImportResult = { ok: true; policy: Policy; migratedFrom?: number } | { ok: false; issues: Issue[] };

/** Any version Baton ever exported is accepted and upgraded; issue paths are the file's own policy paths. */
export function parseImport(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '(root)', message: `This is not valid JSON: ${(e as Error).message}` }] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: '(root)', message: 'The file must hold one policy object, as exported by Baton' }] };
  }
  const res = loadPolicy(raw);
  return res.ok ? { ok: true, policy: res.policy, migratedFrom: res.migratedFrom } : { ok: false, issues: res.issues };
}

/** Parsed through the schema so nothing but policy fields (never connections or secrets) can leave. */
export function exportJson(policy: Policy): string {
  return `${JSON.stringify(PolicySchema.parse(policy), null, 2)}\n`;
}

export function exportFileName(now = new Date()): string {
  return `baton-policy-${now.toISOString().slice(0, 10)}.json`;
}
