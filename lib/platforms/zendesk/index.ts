import { changedSince } from './changed';
import { listChanged } from './watch';
import type { AdapterContext, PlatformAdapter, WhoAmI } from '../types';
import { checkSetup } from './check';
import { fetchMe } from './api';
import { zendeskDom } from './dom';
import { ZENDESK_LAYOUT, escalationOps, resumeOps } from './ops';
import { preferPage, readConversation } from './read';
import { listTargets } from './targets';
import { detectTicket, originOf, ticketUrl } from './urls';
import { ApiError } from '../../http/errors';
import { TtlCache } from '../cache';

const authors = new TtlCache<WhoAmI>(10 * 60_000);
import { listHandoffs } from './handoffs';

async function me(ctx: AdapterContext, action: string): Promise<WhoAmI> {
  const u = await fetchMe(ctx, action);
  if (u.id === null) throw new ApiError('Zendesk answered, but not as a signed-in agent. Sign in or check the token.', 'auth', 401);
  return { id: String(u.id), name: u.name ?? String(u.id), ...(u.email ? { email: u.email } : {}) };
}

/**
 * Zendesk Support on {subdomain}.zendesk.com/api/v2. Auth is the agent's own session (same-origin from the
 * tab, writes with the X-CSRF-Token from users/me) or email + API token (Basic, added by the worker's
 * transport, sent without cookies). An escalation is one ticket update guarded by safe_update.
 */
export const zendeskAdapter: PlatformAdapter = {
  platform: 'zendesk',
  label: 'Zendesk',
  detect: detectTicket,
  apiOrigin: (ref) => originOf(ref.account),
  conversationUrl: ticketUrl,

  whoAmI: (ctx) => me(ctx, 'check the connection'),

  // The ticket update is sent as the signed-in agent (or the token's user): the same users/me.
  async noteAuthor(ctx) {
    // Who signed in changes with the session, not between two escalations: one users/me per account and mode.
    const key = `${ctx.ref.account.toLowerCase()}|${ctx.authMode}`;
    const known = authors.get(key);
    if (known) return known;
    const who = await me(ctx, 'find who the note is written by');
    authors.set(key, who);
    return who;
  },

  read: readConversation,
  listHandoffs,
  changedSince,
  listChanged,
  listTargets,
  escalationOps,
  stepLayout: ZENDESK_LAYOUT,
  resumeOps,
  checkSetup,
  preferPage,
  dom: zendeskDom,
};
