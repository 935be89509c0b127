import { storage } from 'wxt/utils/storage';
import { loadPolicy } from '@/lib/config/load-policy';
import { MIGRATIONS, STORAGE_VERSIONS } from '@/lib/config/migrations';
import { defaultPolicy, PolicySchema, type Policy, type PolicyInput } from '@/lib/schema/policy';
import { ManagedPolicySchema } from '@/lib/schema/storage';
import { defineVersionedItem, type Read } from './item';

/** storage.sync allows 8 KB per item; bigger policies live in storage.local. */
export const SYNC_ITEM_LIMIT = 8000;

const policyItem = (area: 'sync' | 'local') =>
  defineVersionedItem(`${area}:baton:policy`, {
    schema: PolicySchema,
    fallback: defaultPolicy,
    version: STORAGE_VERSIONS.policy,
    migrations: MIGRATIONS.policy,
    label: 'Saved policy',
  });

/** The team lead's policy: synced across their browsers when it fits, else kept in this browser (local wins). */
export const policySyncItem = policyItem('sync');
export const policyLocalItem = policyItem('local');

type EffectivePolicy = {
  policy: Policy;
  /** Top-level fields set by the administrator (storage.managed), shown locked in Options. */
  managed: string[];
  /** Why the policy (or part of the managed policy) was not used as stored. */
  problem?: string;
};

/**
 * The policy every part of Baton acts on: the saved one, with the administrator's managed fields on top.
 * Never throws; a field of the managed policy that would make the policy invalid is left out and named.
 */
async function read(): Promise<EffectivePolicy> {
  await Promise.all([upgradeByOwnVersion(policyLocalItem), upgradeByOwnVersion(policySyncItem)]);
  const [local, sync, managed] = await Promise.all([rawPresent(policyLocalItem), policySyncItem.read(), readManaged()]);
  const saved: Read<Policy> = local ?? sync;
  const problems = [saved.reason, managed.reason].filter(Boolean) as string[];
  let policy = saved.value;
  const applied: string[] = [];
  const rejected: string[] = [];
  for (const [field, value] of Object.entries(managed.value)) {
    if (field === 'version') continue;
    const next = PolicySchema.safeParse({ ...policy, [field]: value });
    if (next.success) {
      policy = next.data;
      applied.push(field);
    } else rejected.push(field);
  }
  if (rejected.length) problems.push(`The administrator's policy has invalid fields (${rejected.join(', ')}); they were ignored.`);
  return { policy, managed: applied, ...(problems.length ? { problem: problems.join(' ') } : {}) };
}

/**
 * A policy carries its own version. When it is older than the stored version metadata says (an older Baton
 * in another browser wrote it to storage.sync, which syncs the value but does not reset the metadata), it
 * is upgraded here with the same steps and the upgrade is recorded like any other.
 */
async function upgradeByOwnVersion(item: typeof policyLocalItem): Promise<void> {
  try {
    const raw = await storage.getItem<{ version?: unknown }>(item.key);
    const own = raw && typeof raw === 'object' ? raw.version : undefined;
    if (typeof own !== 'number' || own >= STORAGE_VERSIONS.policy) return;
    const res = loadPolicy(raw);
    if (!res.ok) return; // read() reports why the value is unusable
    await item.set(res.policy);
    await storage.setMeta(item.key, { migratedFrom: own });
  } catch {
    // Unreadable storage: read() falls back and says so.
  }
}

/** The local copy only counts when it exists: an absent local value must not hide the synced one. */
async function rawPresent(item: typeof policyLocalItem): Promise<Read<Policy> | null> {
  try {
    const got = await storage.getItem(item.key);
    if (got == null) return null;
  } catch {
    return null;
  }
  return item.read();
}

async function readManaged(): Promise<Read<Record<string, unknown>>> {
  try {
    const v = await storage.getItem('managed:policy');
    if (v == null) return { value: {} };
    const parsed = ManagedPolicySchema.safeParse(v);
    if (parsed.success) return { value: parsed.data };
    return { value: {}, reason: "The administrator's policy could not be read; it was ignored." };
  } catch {
    // No managed storage (not installed by policy, or Firefox without a managed manifest).
    return { value: {} };
  }
}

/** Saves to sync when it fits (and clears the local copy, which would otherwise win); else to local. */
async function write(policy: PolicyInput): Promise<void> {
  const parsed = PolicySchema.parse(policy);
  const size = new TextEncoder().encode(JSON.stringify(parsed)).length;
  if (size < SYNC_ITEM_LIMIT) {
    try {
      await policySyncItem.set(parsed);
      await policyLocalItem.remove();
      return;
    } catch {
      // Sync can be disabled or over quota; local always works.
    }
  }
  await policyLocalItem.set(parsed);
}

/** Calls back (with nothing: read again) when the saved or the managed policy changes. */
function watch(cb: () => void): () => void {
  const stops = [policySyncItem.watch(() => cb()), policyLocalItem.watch(() => cb())];
  try {
    stops.push(storage.watch('managed:policy', () => cb()));
  } catch {
    // No managed storage area in this browser.
  }
  return () => stops.forEach((stop) => stop());
}

/** The version a saved policy was upgraded from (for the options page's notice), until acknowledged. */
async function migratedFrom(): Promise<number | null> {
  const [local, sync] = await Promise.all([policyLocalItem.migratedFrom(), policySyncItem.migratedFrom()]);
  return local ?? sync;
}

async function clearMigrated(): Promise<void> {
  await Promise.all([policyLocalItem.clearMigrated(), policySyncItem.clearMigrated()]);
}

async function migrate(): Promise<void> {
  await Promise.all([policyLocalItem.migrate(), policySyncItem.migrate()]);
}

export const policyStore = { read, write, watch, migratedFrom, clearMigrated, migrate };
