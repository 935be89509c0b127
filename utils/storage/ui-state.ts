import { STORAGE_VERSIONS } from '@/lib/config/migrations';
import type { Platform } from '@/lib/schema/conversation';
import { LastConversationSchema, SidebarOpenSchema } from '@/lib/schema/storage';
import { defineKeyedItems, defineVersionedItem } from './item';

/** Written by the background after each check; the options page previews the summary schema on it. */
export const lastConversationItem = defineVersionedItem('local:baton:lastConversation', {
  schema: LastConversationSchema.nullable(),
  fallback: () => null,
  version: STORAGE_VERSIONS.lastConversation,
  label: 'Last checked conversation',
});

const sidebarOpen = defineKeyedItems('local', 'baton:sidebarOpen:', {
  schema: SidebarOpenSchema,
  fallback: () => true,
  version: STORAGE_VERSIONS.sidebarOpen,
  label: 'Sidebar state',
});

/** Whether the sidebar is open on a platform's tabs; open until the agent closes it. */
export const sidebarOpenItem = (platform: Platform) => sidebarOpen(platform);
