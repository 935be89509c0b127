import { browser } from 'wxt/browser';
import { KEYS } from '../lib/config/keys';
import { loadPolicy } from '../lib/config/migrate';
import { defaultPolicy, type Policy } from '../lib/schema/policy';
import { ConnectionsSchema, SecretsSchema, type Connections, type Secrets } from '../lib/schema/connections';
import { JournalSchema, type Journal } from '../lib/schema/plan';
import type { JournalStore } from '../lib/executor/run';

/** storage.sync allows 8 KB per item; bigger policies live in storage.local. */
const SYNC_ITEM_LIMIT = 8000;

/**
 * The effective policy: the managed (enterprise) policy's fields override the team lead's saved policy.
 * Invalid stored data never crashes a reader: it falls back to defaults and reports why.
 */
export async function readPolicy(): Promise<{ policy: Policy; problem?: string; managed: string[] }> {
  const [sync, local, managed] = await Promise.all([
    browser.storage.sync.get(KEYS.policy).catch(() => ({}) as Record<string, unknown>),
    browser.storage.local.get(KEYS.policy),
    readManaged(),
  ]);
  const stored = (local[KEYS.policy] ?? sync[KEYS.policy]) as unknown;
  const merged = managed ? { ...(stored as object), ...managed } : stored;
  const res = loadPolicy(merged ?? undefined);
  const managedFields = managed ? Object.keys(managed).filter((k) => k !== 'version') : [];
  if (!res.ok) {
    return {
      policy: defaultPolicy(),
      problem: `Saved policy is invalid (${res.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}); using defaults.`,
      managed: managedFields,
    };
  }
  if (res.migratedFrom !== undefined) await writePolicy(res.policy);
  return { policy: res.policy, managed: managedFields };
}

async function readManaged(): Promise<Record<string, unknown> | null> {
  try {
    const m = await browser.storage.managed.get('policy');
    const v = m?.policy;
    if (typeof v === 'string') return JSON.parse(v);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    // No managed storage (not installed by policy, or Firefox without a managed manifest).
    return null;
  }
}

export async function writePolicy(policy: Policy): Promise<void> {
  const size = new TextEncoder().encode(JSON.stringify(policy)).length;
  if (size < SYNC_ITEM_LIMIT) {
    try {
      await browser.storage.sync.set({ [KEYS.policy]: policy });
      await browser.storage.local.remove(KEYS.policy);
      return;
    } catch {
      // Sync can be disabled or over quota; local always works.
    }
  }
  await browser.storage.local.set({ [KEYS.policy]: policy });
}

export function onPolicyChange(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>) => {
    if (KEYS.policy in changes) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export async function readConnections(): Promise<Connections> {
  const v = await browser.storage.sync.get(KEYS.connections).catch(() => ({}) as Record<string, unknown>);
  const parsed = ConnectionsSchema.safeParse(v[KEYS.connections] ?? {});
  return parsed.success ? parsed.data : ConnectionsSchema.parse({});
}

export async function writeConnections(c: Connections): Promise<void> {
  await browser.storage.sync.set({ [KEYS.connections]: ConnectionsSchema.parse(c) });
}

/** Background worker only. */
export async function readSecrets(): Promise<Secrets> {
  const v = await browser.storage.local.get(KEYS.secrets);
  const parsed = SecretsSchema.safeParse(v[KEYS.secrets] ?? {});
  return parsed.success ? parsed.data : {};
}

/** Merges: an empty string clears a secret, undefined keeps it (secret fields are write-only in Options). */
export async function writeSecrets(patch: Partial<Secrets>): Promise<void> {
  const current = await readSecrets();
  const next: Record<string, string | undefined> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    next[k] = v === '' ? undefined : v;
  }
  await browser.storage.local.set({ [KEYS.secrets]: SecretsSchema.parse(next) });
}

export const journalStore: JournalStore = {
  async get(key) {
    const v = await browser.storage.local.get(KEYS.journal(key));
    const parsed = JournalSchema.safeParse(v[KEYS.journal(key)]);
    return parsed.success ? parsed.data : null;
  },
  async put(journal: Journal) {
    await browser.storage.local.set({ [KEYS.journal(journal.key)]: journal });
  },
};
