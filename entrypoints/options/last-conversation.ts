import { browser } from 'wxt/browser';
import { z } from 'zod';
import { KEYS } from '../../lib/config/keys';
import { MessageSchema, PlatformSchema } from '../../lib/schema/conversation';

/** The sidebar keeps the last conversation it checked, so a team lead can preview the policy on real data. */
export const LastConversationSchema = z.object({ platform: PlatformSchema, messages: z.array(MessageSchema).min(1) });
export type LastConversation = z.infer<typeof LastConversationSchema>;

export async function readLastConversation(): Promise<LastConversation | null> {
  const got = await browser.storage.local.get(KEYS.lastConversation);
  const parsed = LastConversationSchema.safeParse(got[KEYS.lastConversation]);
  return parsed.success ? parsed.data : null;
}
