import type { SandboxRequest, SandboxResponse } from '../../types';
import { match, parseBasic } from '../common';
import { SWITCHBOARD, type TicketSide } from './bots';

/**
 * The Sunshine Conversations API on the account host (`/sc/v2`), the part Baton uses: List Conversations
 * filtered by user and the switchboard's passControl. Basic auth with a Conversations API key id and secret
 * (developer.zendesk.com/documentation/conversations/how-to-guides/messaging-user-data-ai-agents-advanced);
 * the session cookie is not accepted. Errors use the v2 envelope `{errors: [{code, title}]}`.
 */
const error = (status: number, code: string, title: string): SandboxResponse => ({ status, body: { errors: [{ code, title }] } });

/** Every switchboard integration of the sandbox account, by name, with a stable id. */
const INTEGRATIONS: Record<string, string> = {
  [SWITCHBOARD.agentWorkspace]: 'sbi-agent-workspace',
  [SWITCHBOARD.bot]: 'sbi-answer-bot',
};
const byNameOrId = (v: string) => Object.entries(INTEGRATIONS).find(([name, id]) => name === v || id === v)?.[0];

export function switchboardApi(tickets: () => Map<number, TicketSide>) {
  const conversations = () =>
    [...tickets().entries()].filter(([, s]) => s.switchboard).map(([ticketId, s]) => ({ ticketId, sb: s.switchboard! }));

  const json = (c: { sb: NonNullable<TicketSide['switchboard']> }) => ({
    id: c.sb.conversationId,
    type: 'personal',
    activeSwitchboardIntegration: {
      id: INTEGRATIONS[c.sb.active],
      name: c.sb.active,
      integrationType: c.sb.active === SWITCHBOARD.agentWorkspace ? 'zd:agentWorkspace' : 'zd:answerBot',
    },
    lastUpdatedAt: '2026-11-20T10:05:00Z',
  });

  return function sc(req: SandboxRequest): SandboxResponse | null {
    if (parseBasic(req.headers.authorization) !== `${SWITCHBOARD.keyId}:${SWITCHBOARD.secret}`) {
      return error(401, 'unauthorized', 'Authorization is required');
    }
    let m: Record<string, string> | null;
    if (req.method === 'GET' && (m = match('/sc/v2/apps/:app/conversations', req.path))) {
      if (m.app !== SWITCHBOARD.appId) return error(404, 'app_not_found', 'App not found');
      const user = req.query['filter[userId]'];
      if (typeof user !== 'string') return error(400, 'bad_request', 'filter[userId] or filter[userExternalId] is required');
      return {
        status: 200,
        body: {
          conversations: conversations()
            .filter((c) => c.sb.userId === user)
            .map(json),
          meta: { hasMore: false },
        },
      };
    }
    if (req.method === 'POST' && (m = match('/sc/v2/apps/:app/conversations/:id/passControl', req.path))) {
      if (m.app !== SWITCHBOARD.appId) return error(404, 'app_not_found', 'App not found');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const extra = Object.keys(body).filter((k) => k !== 'switchboardIntegration' && k !== 'metadata');
      if (extra.length) return error(400, 'bad_request', `Unknown fields: ${extra.join(', ')}`);
      const target = typeof body.switchboardIntegration === 'string' ? byNameOrId(body.switchboardIntegration) : undefined;
      if (!target) return error(400, 'bad_request', 'switchboardIntegration must name a switchboard integration');
      const conv = conversations().find((c) => c.sb.conversationId === m!.id);
      if (!conv) return error(404, 'conversation_not_found', 'Conversation not found');
      conv.sb.active = target;
      return { status: 200, body: {} };
    }
    return null;
  };
}
