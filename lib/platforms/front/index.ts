import { changedSince } from './changed';
import { listChanged } from './watch';
import type { ConversationRef } from '../../schema/conversation';
import { checkSetup } from './check';
import type { PlatformAdapter } from '../types';
import { apiBaseOf, detectFrontUrl, openUrl } from './urls';
import { getParsed } from './api';
import { readConversation } from './read';
import { listTargets, teammates } from './targets';
import { noteAuthor } from './note';
import { FRONT_LAYOUT, escalationOps, readInbox, resumeOps } from './ops';
import { frontDom } from './dom';
import { FIdentitySchema, teammateName } from './schemas';
import { listHandoffs } from './handoffs';

/**
 * Front through its Core API with a Bearer token (added by the worker's transport, never here): the
 * conversation, its messages and internal comments; tags by id; a Markdown comment written as the agent;
 * a move to an inbox or a teammate assignment; the pause as tags and, when configured, leaving the bot's inbox.
 */
export const frontAdapter: PlatformAdapter = {
  platform: 'front',
  label: 'Front',
  detect: detectFrontUrl,
  apiOrigin: (_ref: ConversationRef, connection?: Record<string, unknown>) => apiBaseOf(connection?.apiBase),
  conversationUrl: openUrl,

  async whoAmI(ctx) {
    // GET /me describes the API token: the company it belongs to.
    const me = await getParsed(ctx, '/me', FIdentitySchema, 'check the connection');
    return { id: me.id, name: me.name };
  },

  // The comment's author_id: "your Front teammate" from Options, named from the teammates list (cached).
  async noteAuthor(ctx) {
    const id = await noteAuthor(ctx).catch(() => null);
    if (!id) return null;
    if (id.startsWith('alt:email:')) return { id, name: id.slice('alt:email:'.length) };
    const me = (await teammates(ctx).catch(() => [])).find((t) => t.id === id);
    return { id, name: (me && teammateName(me)) ?? id, ...(me?.email ? { email: me.email } : {}) };
  },

  read: readConversation,
  listHandoffs,
  changedSince,
  listChanged,
  listTargets,
  escalationOps,
  stepLayout: FRONT_LAYOUT,
  resumeOps,
  readInbox,
  checkSetup,
  dom: frontDom,
};
