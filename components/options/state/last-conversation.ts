import type { LastConversation } from '@/lib/schema/storage';
import { lastConversationItem } from '@/utils/storage';

export type { LastConversation };

/** The sidebar keeps the last conversation it checked, so a team lead can preview the policy on real data. */
export function readLastConversation(): Promise<LastConversation | null> {
  return lastConversationItem.get();
}
