import { OutboxSchema } from '@/lib/notify/outbox';
import { defineVersionedItem } from './item';

/**
 * Every notification of every escalation to every webhook, with its state (lib/notify/outbox.ts). Written
 * only by the background; the sidebar watches it to say whether the team was told.
 */
export const notifyOutboxItem = defineVersionedItem('local:baton:notify-outbox', {
  schema: OutboxSchema,
  fallback: () => [],
  version: 1,
  label: 'Notification outbox',
});
