import type { ConversationRef } from '../schema/conversation';
import type { PlatformAdapter } from './types';
import { apiBaseOf, detectFrontUrl } from './front/ids';
import { getJson } from './front/api';
import { readConversation } from './front/read';
import { listTargets } from './front/targets';
import { escalationOps, resumeOps } from './front/ops';
import { frontDom } from './front/dom';
import type { FrontIdentity } from './front/types';

/**
 * Front through its Core API with a Bearer token (added by the worker's transport, never here): the
 * conversation, its messages and internal comments; tags by name; a Markdown comment as the note; a move
 * to an inbox or a teammate assignment; the pause as tags and, when configured, leaving the bot's inbox.
 */
export const frontAdapter: PlatformAdapter = {
  platform: 'front',
  label: 'Front',
  detect: detectFrontUrl,
  apiOrigin: (_ref: ConversationRef, apiBase?: string) => apiBaseOf(apiBase),

  async whoAmI(ctx) {
    // GET /me describes the API token: the company it belongs to.
    const me = await getJson<FrontIdentity>(ctx, '/me', 'check the connection');
    return { id: me.id, name: me.name };
  },

  read: readConversation,
  listTargets,
  escalationOps,
  resumeOps,
  dom: frontDom,
};
