import type { Conversation } from '../../schema/conversation';
import type { AdapterContext } from '../types';
import { readTicket } from './api';

/**
 * The ticket alone (one request): Zendesk moves `updated_at` on every new comment and on every change to
 * tags, group or assignee, which is everything a verdict or the follow-through reads.
 */
export async function changedSince(ctx: AdapterContext, since: Conversation): Promise<boolean> {
  if (!since.updatedStamp) return true;
  const ticket = await readTicket(ctx, 'check whether the ticket changed');
  return ticket.updated_at !== since.updatedStamp;
}
