import { changedSince } from './changed';
import { listChanged } from './watch';
import type { PlatformAdapter } from '../types';
import { checkSetup } from './check';
import { fetchMe } from './api';
import { zendeskDom } from './dom';
import { ZENDESK_LAYOUT, escalationOps, resumeOps } from './ops';
import { preferPage, readConversation } from './read';
import { listTargets } from './targets';
import { detectTicket, originOf, ticketUrl } from './urls';
import { ApiError } from '../../http/errors';

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

  async whoAmI(ctx) {
    const u = await fetchMe(ctx, 'check the connection');
    if (u.id === null) throw new ApiError('Zendesk answered, but not as a signed-in agent. Sign in or check the token.', 'auth', 401);
    return { id: String(u.id), name: u.name ?? String(u.id), ...(u.email ? { email: u.email } : {}) };
  },

  read: readConversation,
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
