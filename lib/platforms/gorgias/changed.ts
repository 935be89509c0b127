import type { Conversation } from '../../schema/conversation';
import type { AdapterContext } from '../types';
import { call, parse, url } from './api';
import { GTicketSchema } from './schemas';
import { ticketPath } from './urls';

const ACTION = 'check whether the ticket changed';

/**
 * The ticket alone (one request), never the message list: the agent app's thread is virtualised, so what
 * the page shows changes as the agent scrolls while the ticket does not. Changed when its update time moved
 * or its newest message is newer than the newest one read.
 */
export async function changedSince(ctx: AdapterContext, since: Conversation): Promise<boolean> {
  if (!since.updatedStamp) return true;
  const res = await call(ctx, { method: 'GET', url: url(ctx, ticketPath(ctx.ref.conversationId)) }, { action: ACTION });
  const t = parse(GTicketSchema, res.body, ACTION);
  if (t.updated_datetime !== since.updatedStamp) return true;
  const newest = Date.parse(t.last_message_datetime ?? '');
  const known = Math.max(-Infinity, ...since.messages.map((m) => Date.parse(m.createdAt ?? '')).filter((x) => !Number.isNaN(x)));
  return !Number.isNaN(newest) && newest > known;
}
