/**
 * storage.local keys (without WXT's `local:` area prefix) of the things Baton cleans up, shared by their
 * items and the clean-up, which reads them raw.
 */
export const JOURNAL_PREFIX = 'baton:journal:';
export const DRAFT_PREFIX = 'baton:draft:';
export const LAST_CONVERSATION_KEY = 'baton:lastConversation';
