import { connectionsV1ToV2 } from './connections/v1-to-v2';
import { policyV1ToV2 } from './policy/v1-to-v2';
import { policyV2ToV3 } from './policy/v2-to-v3';

/**
 * Every stored item's current version and the steps that reach it, one file per step
 * (`<item>/v<n-1>-to-v<n>.ts`). A step is keyed by the version it produces, as WXT storage expects.
 *
 * Rules for a step: pure (no browser), tolerant of a value already in the newer shape (values stored before
 * WXT kept versions have no version metadata, so WXT treats them as v1), and it returns the very same
 * object when it changed nothing, which is how the storage layer tells a real upgrade from a pass-through.
 * Throw with a plain reason when the old value cannot be read; the reader then falls back and reports it.
 *
 * Bumping a version: add the step file, add it here, change the schema, add an example of the old version
 * to test/unit/storage/.
 */
export type MigrationStep = (value: unknown) => unknown;

export const STORAGE_VERSIONS = {
  policy: 3,
  connections: 2,
  secrets: 1,
  journal: 1,
  noteDraft: 1,
  optionsDraft: 1,
  escalationRecords: 1,
  lastConversation: 1,
  sidebarOpen: 1,
  legacyAccounts: 1,
} as const satisfies Record<string, number>;
export type StoredItemName = keyof typeof STORAGE_VERSIONS;

/** Steps that need only the item's own value. Connections' step also reads the legacy accounts key. */
export const MIGRATIONS: { [K in StoredItemName]: Record<number, MigrationStep> } = {
  policy: { 2: policyV1ToV2, 3: policyV2ToV3 },
  connections: { 2: (v) => connectionsV1ToV2(v) },
  secrets: {},
  journal: {},
  noteDraft: {},
  optionsDraft: {},
  escalationRecords: {},
  lastConversation: {},
  sidebarOpen: {},
  legacyAccounts: {},
};

export { connectionsV1ToV2 };
