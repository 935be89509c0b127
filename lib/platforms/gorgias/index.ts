import { changedSince } from './changed';
import { listChanged } from './watch';
import type { PlatformAdapter } from '../types';
import { checkSetup } from './check';
import { currentUser, fetchCurrentUser } from './api';
import { gorgiasDom } from './dom';
import { gorgiasMeta } from './meta';
import { GORGIAS_LAYOUT, escalationOps, resumeOps } from './ops';
import { nameOf, readTicket } from './read';
import { listTargets } from './targets';
import { detectTicket, originOf, ticketUrl } from './urls';
import { listHandoffs } from './handoffs';

/**
 * Gorgias: tickets on {account}.gorgias.com/api. Auth is the agent's own session (same-origin from the
 * tab; unverified on the real Gorgias, so refused writes point to the API key) or email + API key (Basic),
 * both added by the transport. Files: urls (pages and hosts), api (calls, errors, paging), schemas (every
 * response read), read, targets, ops (the 2-request escalation), note (rich note + marker), dom (the agent
 * app's thread), filters (views routable by a tag), meta (what the rest of Baton may know).
 */
export const gorgiasAdapter: PlatformAdapter = {
  platform: 'gorgias',
  label: gorgiasMeta.label,
  detect: detectTicket,
  apiOrigin: (ref) => originOf(ref.account),
  conversationUrl: ticketUrl,

  async whoAmI(ctx) {
    // Test connection re-reads the user: it is also the note's sender, and the key may have changed.
    const user = await fetchCurrentUser(ctx, 'check the connection');
    return { id: String(user.id), name: nameOf(user) ?? String(user.id), ...(user.email ? { email: user.email } : {}) };
  },

  // The note's sender is the current user, kept once read.
  async noteAuthor(ctx) {
    const user = await currentUser(ctx, 'find who the note is written by');
    return { id: String(user.id), name: nameOf(user) ?? String(user.id), ...(user.email ? { email: user.email } : {}) };
  },

  read: readTicket,
  listHandoffs,
  changedSince,
  listChanged,
  listTargets,
  escalationOps,
  stepLayout: GORGIAS_LAYOUT,
  resumeOps,
  checkSetup,
  dom: gorgiasDom,
};
