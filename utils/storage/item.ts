import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';
import type { z } from 'zod';
import type { MigrationStep } from '@/lib/config/migrations';

/** A stored value as a reader gets it: always usable; `reason` says why it is the fallback, if it is. */
export type Read<T> = { value: T; reason?: string };

export interface VersionedItem<T, In = T> {
  readonly key: StorageItemKey;
  readonly version: number;
  /** The value, upgraded and parsed. Never throws: unreadable or invalid data gives the fallback and a reason. */
  read(): Promise<Read<T>>;
  /** `read()` without the reason, for callers that only need a usable value. */
  get(): Promise<T>;
  /** Parses before writing (filling defaults), so invalid data never reaches storage; throws a ZodError otherwise. */
  set(value: In): Promise<void>;
  /** Removes the value and its version metadata. */
  remove(): Promise<void>;
  /** Calls back with each new value, parsed like `read()`. Returns the function that stops watching. */
  watch(cb: (next: Read<T>) => void): () => void;
  /** Runs pending upgrades now (WXT also runs them when the item is defined). Never throws. */
  migrate(): Promise<void>;
  /** The version a real upgrade started from, kept until `clearMigrated()`, so a page can tell the user. */
  migratedFrom(): Promise<number | null>;
  clearMigrated(): Promise<void>;
}

export interface ItemOptions<S extends z.ZodType> {
  schema: S;
  /** Returned when nothing is stored or the stored value is unusable; a function so callers never share one object. */
  fallback: () => z.output<S>;
  version: number;
  /** Keyed by the version each step produces (WXT's convention). */
  migrations?: Record<number, MigrationStep | ((value: unknown) => Promise<unknown>)>;
  /** Keeps what is still usable of an invalid value (for lists); return null to fall back entirely. */
  salvage?: (raw: unknown) => { value: z.output<S>; dropped: string } | null;
  /** Names the item in reasons shown to users, e.g. "Saved policy". */
  label: string;
}

type Meta = { v?: number; migratedFrom?: number };

/**
 * A WXT storage item whose value is checked by a zod schema on every read. WXT keeps the version in the
 * item's metadata (`key$`) and runs the migrations; this wrapper adds parsing, a reason for every fallback
 * and a record of real upgrades.
 */
export function defineVersionedItem<S extends z.ZodType>(
  key: StorageItemKey,
  opts: ItemOptions<S>,
): VersionedItem<z.output<S>, z.input<S>> {
  type T = z.output<S>;
  let migrationProblem: string | undefined;
  let upgradedFrom: number | undefined;
  let pendingMeta: Promise<void> = Promise.resolve();

  const steps = opts.migrations && Object.keys(opts.migrations).length ? opts.migrations : undefined;
  const wrapped = steps
    ? Object.fromEntries(
        Object.entries(steps).map(([to, step]) => [
          Number(to),
          async (old: unknown) => {
            try {
              const next = await step(old);
              // A step that returns its input unchanged found the value already upgraded.
              if (next !== old && upgradedFrom === undefined) upgradedFrom = Number(to) - 1;
              return next;
            } catch (err) {
              migrationProblem = `could not be upgraded to version ${to}: ${message(err)}`;
              upgradedFrom = undefined;
              throw err;
            }
          },
        ]),
      )
    : undefined;

  const raw: WxtStorageItem<unknown, Meta> = storage.defineItem<unknown, Meta>(key, {
    version: opts.version,
    // Passing no migrations for v1 items keeps WXT from writing a `key$` metadata entry per journal and draft.
    ...(wrapped ? { migrations: wrapped } : {}),
    onMigrationComplete: () => {
      migrationProblem = undefined;
      const from = upgradedFrom;
      upgradedFrom = undefined;
      if (from !== undefined) pendingMeta = storage.setMeta(key, { migratedFrom: from }).catch(() => {});
    },
  });

  const parse = (value: unknown): Read<T> => {
    if (value == null) return { value: opts.fallback() };
    const parsed = opts.schema.safeParse(value);
    if (parsed.success) return { value: parsed.data };
    const why = migrationProblem ?? `is invalid (${describe(parsed.error)})`;
    const kept = opts.salvage?.(value);
    if (kept) return { value: kept.value, reason: `${opts.label} ${why}; ${kept.dropped}.` };
    return { value: opts.fallback(), reason: `${opts.label} ${why}; using defaults.` };
  };

  return {
    key,
    version: opts.version,
    async read() {
      try {
        const value = await raw.getValue();
        await pendingMeta;
        return parse(value);
      } catch (err) {
        return { value: opts.fallback(), reason: `${opts.label} could not be read (${message(err)}); using defaults.` };
      }
    },
    async get() {
      return (await this.read()).value;
    },
    async set(value) {
      const parsed = opts.schema.parse(value);
      // Stamping the version on every write keeps a value written after remove() from being upgraded again.
      if (opts.version > 1) await Promise.all([raw.setValue(parsed), raw.setMeta({ v: opts.version })]);
      else await raw.setValue(parsed);
    },
    async remove() {
      await raw.removeValue({ removeMeta: true });
    },
    watch(cb) {
      return raw.watch((next) => cb(parse(next)));
    },
    async migrate() {
      try {
        await raw.migrate();
      } catch {
        // Recorded in migrationProblem; read() reports it with the fallback.
      }
      await pendingMeta;
    },
    async migratedFrom() {
      try {
        await pendingMeta;
        const meta = await raw.getMeta();
        return typeof meta.migratedFrom === 'number' ? meta.migratedFrom : null;
      } catch {
        return null;
      }
    },
    async clearMigrated() {
      await raw.removeMeta(['migratedFrom']);
    },
  };
}

/**
 * One item per id under a common prefix (journals per conversation, drafts per conversation, sidebar state
 * per platform): WXT defines items per key, so each id gets its own, defined on first use and reused.
 */
export function defineKeyedItems<S extends z.ZodType>(
  area: 'local' | 'sync' | 'session',
  prefix: string,
  opts: ItemOptions<S> & { labelFor?: (id: string) => string },
): ((id: string) => VersionedItem<z.output<S>, z.input<S>>) & { prefix: string; list(): Promise<string[]> } {
  const cache = new Map<string, VersionedItem<z.output<S>, z.input<S>>>();
  const get = (id: string) => {
    let item = cache.get(id);
    if (!item) {
      // Keeps a long-lived background from holding one wrapper per conversation ever seen.
      if (cache.size >= 500) cache.delete(cache.keys().next().value!);
      item = defineVersionedItem(`${area}:${prefix}${id}`, { ...opts, label: opts.labelFor?.(id) ?? opts.label });
      cache.set(id, item);
    }
    return item;
  };
  return Object.assign(get, {
    prefix,
    /**
     * The ids that have a stored value. Reads the whole storage area, so call it from the background only
     * (storage.local also holds the secrets).
     */
    async list() {
      const all = await storage.snapshot(area);
      return Object.keys(all)
        .filter((k) => k.startsWith(prefix) && !k.endsWith('$'))
        .map((k) => k.slice(prefix.length));
    },
  });
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

const message = (err: unknown) => (err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err));
