import { ApiError } from '../../http/errors';
import type { AdapterContext } from '../types';
import { TtlCache } from '../cache';
import { getAll, readTicket } from './api';
import { GroupMembershipsSchema, type ZMembership } from './schemas';

const cache = new TtlCache<ZMembership[]>(60_000);

/**
 * Every membership of an assignable group (spec ListAssignableGroupMemberships, pages of 100): who may be
 * assigned tickets of which group. Shared by routing and Check setup, kept a minute like the targets.
 */
export async function memberships(ctx: AdapterContext): Promise<ZMembership[]> {
  const key = `${ctx.ref.account}:${ctx.authMode}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const all = await getAll(
    ctx,
    '/group_memberships/assignable.json?page[size]=100',
    GroupMembershipsSchema,
    (p) => p.group_memberships,
    'list the group memberships',
  );
  cache.set(key, all);
  return all;
}

/**
 * The group to send with an agent: the ticket's own group when the agent belongs to it, else the agent's
 * default group, else any group of theirs. Zendesk refuses an assignee outside the ticket's group (422
 * "Assignee is not a member of the group": github.com/facetoe/zenpy/issues/628, where the maintainer's fix is
 * to send a group id as well), which is the normal case for a ticket parked in a bot's group.
 */
export async function groupFor(ctx: AdapterContext, agentId: string): Promise<number> {
  const [ticket, all] = await Promise.all([readTicket(ctx, 'read the ticket’s group'), memberships(ctx)]);
  const mine = all.filter((m) => String(m.user_id) === agentId);
  const pick = mine.find((m) => m.group_id === ticket.group_id) ?? mine.find((m) => m.default) ?? mine[0];
  if (!pick) {
    throw new ApiError(
      'This agent is not a member of any Zendesk group, and Zendesk refuses to assign a ticket to an agent outside its group. Ask a Zendesk admin to add them to a group, or route to a group instead; nothing was changed.',
      'invalid',
    );
  }
  return pick.group_id;
}
