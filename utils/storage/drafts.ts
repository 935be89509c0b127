import type { z } from 'zod';
import { STORAGE_VERSIONS } from '@/lib/config/migrations';
import { NoteDraftSchema, optionsDraftSchema } from '@/lib/schema/storage';
import { defineKeyedItems, defineVersionedItem } from './item';

/** The sidebar's edits to note, tags, target and pause, per conversation (journal key), until escalated. */
export const noteDraftItem = defineKeyedItems('local', 'baton:draft:', {
  schema: NoteDraftSchema.nullable(),
  fallback: () => null,
  version: STORAGE_VERSIONS.noteDraft,
  label: 'Unsent note draft',
});

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
