import type { Conversation } from '../../schema/conversation';
import type { AdapterContext } from '../types';
import { getConversation } from './api';

/**
 * The conversation alone (one request): changed when its `updated_at` moved, it was merged into another,
 * or its newest message (`_links.related.last_message`, the spec's link to it) is not one Baton read.
 */
export async function changedSince(ctx: AdapterContext, since: Conversation): Promise<boolean> {
  const conv = await getConversation(ctx, ctx.ref.conversationId);
  if (conv.id !== since.id) return true;
  const stamp = conv.updated_at === undefined || conv.updated_at === null ? undefined : String(conv.updated_at);
  if (!stamp || stamp !== since.updatedStamp) return true;
  const last = /\/((?:msg)_[0-9a-z]+)$/i.exec(conv._links?.related?.last_message ?? '')?.[1];
  return !!last && !since.messages.some((m) => m.id === last);
}
