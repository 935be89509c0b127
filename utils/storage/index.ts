/**
 * Everything Baton stores, one versioned WXT storage item per stored thing. Read with `read()` (value plus
 * the reason it fell back, if it did) or `get()`, write with `set()`, follow with `watch()`. Nothing else
 * should call browser.storage. Versions and upgrade steps: lib/config/migrations/.
 */
export { defineVersionedItem, defineKeyedItems, type Read, type VersionedItem } from './item';
export { policyStore, policySyncItem, policyLocalItem, SYNC_ITEM_LIMIT, type EffectivePolicy } from './policy';
export { connectionsItem, legacyAccountsItem, secretsItem, secretsStore } from './connections';
export { journalItem, journalStorage } from './journals';
export { noteDraftItem, defineOptionsDraftItem } from './drafts';
export { escalationRecordsItem, appendEscalationRecord, MAX_ESCALATION_RECORDS } from './records';
export { lastConversationItem, sidebarOpenItem } from './ui-state';
