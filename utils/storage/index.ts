/**
 * Everything Baton stores, one versioned WXT storage item per stored thing. Read with `read()` (value plus
 * the reason it fell back, if it did) or `get()`, write with `set()`, follow with `watch()`. Nothing else
 * should call browser.storage. Versions and upgrade steps: lib/config/migrations/.
 */
export { type VersionedItem } from './item';
export { policyStore, policySyncItem, policyLocalItem, SYNC_ITEM_LIMIT } from './policy';
export { connectionsItem, legacyAccountsItem, secretsItem } from './connections';
export { secretsStore } from './secrets';
export { journalItem, journalStorage } from './journals';
export { noteDraftItem, saveNoteDraft, defineOptionsDraftItem } from './drafts';
export { escalationRecordsItem } from './records';
export { lastConversationItem, saveLastConversation, sidebarOpenItem } from './ui-state';
export { runUpkeep } from './upkeep';

import { connectionsItem as connections } from './connections';
import { policyStore as policy } from './policy';
import { migrateSecrets as secrets } from './secrets';

/**
 * Runs every pending upgrade (WXT starts them when the items are defined; this waits for them). The
 * background calls it at startup so old values are upgraded before any page reads them.
 */
export async function migrateStorage(): Promise<void> {
  // Secrets from older versions leave storage.local (content scripts can read it) for the extension's IndexedDB.
  await Promise.all([policy.migrate(), connections.migrate(), secrets().catch(() => {})]);
}
