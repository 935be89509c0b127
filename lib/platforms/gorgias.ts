import type { PlatformAdapter } from './types';
import { fetchCurrentUser } from './gorgias/api';
import { gorgiasDom } from './gorgias/dom';
import { escalationOps, resumeOps } from './gorgias/ops';
import { nameOf, readTicket } from './gorgias/read';
import { listTargets } from './gorgias/targets';
import { detectTicket, originOf } from './gorgias/urls';

/**
 * Gorgias: tickets on {account}.gorgias.com/api. Auth is the agent's own session (same-origin from the
 * tab, unverified on the real Gorgias) or email + API key (Basic), both added by the transport.
 */
export const gorgiasAdapter: PlatformAdapter = {
  platform: 'gorgias',
  label: 'Gorgias',
  detect: detectTicket,
  apiOrigin: (ref) => originOf(ref.account),

  async whoAmI(ctx) {
    // Test connection re-reads the user: it is also the note's sender, and the key may have changed.
    const user = await fetchCurrentUser(ctx, 'check the connection');
    return { id: String(user.id), name: nameOf(user) ?? String(user.id), ...(user.email ? { email: user.email } : {}) };
  },

  read: readTicket,
  listTargets,
  escalationOps,
  resumeOps,
  dom: gorgiasDom,
};
