import { STORAGE_VERSIONS } from '@/lib/config/migrations';
import { LAST_CONVERSATION_MESSAGES } from '@/lib/retention/rules';
import type { Message, Platform } from '@/lib/schema/conversation';
import { LastConversationSchema, SidebarOpenSchema } from '@/lib/schema/storage';
import { defineKeyedItems, defineVersionedItem } from './item';
import { LAST_CONVERSATION_KEY } from './keys';
import { writeWithRoom } from './room';

/** Written by the background after each check; the options page previews the summary schema on it. */
export const lastConversationItem = defineVersionedItem(`local:${LAST_CONVERSATION_KEY}`, {
  schema: LastConversationSchema.nullable(),
  fallback: () => null,
  version: STORAGE_VERSIONS.lastConversation,
  label: 'Last checked conversation',
});

/**
 * Keeps the conversation's latest messages for the Options preview, only when the team lead lets Baton keep
 * customer text (otherwise any copy from before is removed). A full storage drops it rather than anything else.
 */
export async function saveLastConversation(platform: Platform, messages: Message[], keepCustomerText: boolean): Promise<void> {
  if (!keepCustomerText) return lastConversationItem.remove();
  const value = { platform, messages: messages.slice(-LAST_CONVERSATION_MESSAGES) };
  await writeWithRoom(() => lastConversationItem.set(value), {
    key: LAST_CONVERSATION_KEY,
    value,
    what: 'the last conversation (Options preview)',
    essential: false,
  });
}

const sidebarOpen = defineKeyedItems('local', 'baton:sidebarOpen:', {
  schema: SidebarOpenSchema,
  fallback: () => true,
  version: STORAGE_VERSIONS.sidebarOpen,
  label: 'Sidebar state',
});

/** Whether the sidebar is open on a platform's tabs; open until the agent closes it. */
export const sidebarOpenItem = (platform: Platform) => sidebarOpen(platform);
