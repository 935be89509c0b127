import type { z } from 'zod';
import { STORAGE_VERSIONS } from '@/lib/config/migrations';
import { agentEditsOf } from '@/lib/retention/rules';
import { NoteDraftSchema, optionsDraftSchema, type NoteDraft } from '@/lib/schema/storage';
import { defineKeyedItems, defineVersionedItem } from './item';
import { DRAFT_PREFIX } from './keys';
import { writeWithRoom } from './room';

/** The sidebar's edits to note, tags, target and pause, per conversation (journal key), until escalated. */
export const noteDraftItem = defineKeyedItems('local', DRAFT_PREFIX, {
  schema: NoteDraftSchema.nullable(),
  fallback: () => null,
  version: STORAGE_VERSIONS.noteDraft,
  label: 'Unsent note draft',
});

/**
 * Stores what the agent changed (dated, so an abandoned draft expires). On a full storage the write gives
 * way after a clean-up (never an escalation): resolves false when it was dropped.
 */
export function saveNoteDraft(key: string, draft: NoteDraft, now = new Date()): Promise<boolean> {
  const value = agentEditsOf(draft, now);
  return writeWithRoom(() => noteDraftItem(key).set(value), { key: DRAFT_PREFIX + key, value, what: 'the note draft', essential: false });
}

/**
 * The options form as typed (never secrets). The form's schema is the options page's, so the page defines
 * the item with it, once, at module level.
 */
export function defineOptionsDraftItem<F extends z.ZodType>(form: F) {
  return defineVersionedItem('local:baton:optionsDraft', {
    schema: optionsDraftSchema(form).nullable(),
    fallback: () => null,
    version: STORAGE_VERSIONS.optionsDraft,
    label: 'Unsaved options',
  });
}
