import { ApiError } from '../../http/errors';
import { parseBody } from '../../http/parse';
import type { AdapterContext } from '../types';
import { readLog } from './api';
import { originOf } from './urls';
import { AGENT_WORKSPACE } from './read';
import { ScConversationsSchema } from './schemas';

/**
 * The Sunshine Conversations switchboard on the account's own host (`https://{subdomain}.zendesk.com/sc/v2`),
 * authenticated with a Conversations API key: Basic auth with the key id as user name and the secret as
 * password, the app id in the path (developer.zendesk.com/documentation/conversations/how-to-guides/
 * messaging-user-data-ai-agents-advanced, "Conversation API keys"). `passControl` with
 * `switchboardIntegration` set to an integration's name or id moves the conversation to it
 * (developer.zendesk.com/documentation/conversations/messaging-platform/programmable-conversations/switchboard;
 * the body `{"switchboardIntegration": "zd:agentWorkspace", "metadata": {...}}` is Zendesk's own example in
 * support.zendesk.com 4419179022874). The worker builds `ctx.control` only when the key is saved for this
 * account; the key never reaches a page.
 */
export const SETUP_SENTENCE =
  'A Zendesk AI agent holds this conversation and only lets go through the Sunshine Conversations switchboard: a Zendesk admin must create a Conversations API key (Admin Center → Apps and integrations → Conversations API) and enter its app ID, key ID and secret, with the Zendesk subdomain, in Baton’s Options → Connections; nothing was changed.';

const LABEL = 'Zendesk';

function appPath(ctx: AdapterContext, rest: string): string {
  const appId = String(ctx.connection?.switchboardAppId ?? '').trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(appId)) throw new ApiError(SETUP_SENTENCE, 'auth');
  return `${originOf(ctx.ref.account)}/sc/v2/apps/${encodeURIComponent(appId)}${rest}`;
}

export function requireControl(ctx: AdapterContext) {
  if (!ctx.control) throw new ApiError(SETUP_SENTENCE, 'auth');
  appPath(ctx, '');
  return ctx.control;
}

/**
 * The switchboard's conversation for this ticket: the end user's conversations ("List Conversations" with
 * `filter[userId]`, the messaging user id the conversation log gives each end-user event as
 * `zen:sunco:user_id`), the most recently active first. ASSUMED: that the ticket's chat is that user's most
 * recently active conversation (Zendesk threads a user's messages into their open ticket; the ticket itself
 * names no switchboard conversation id in any public source found).
 */
async function findConversation(ctx: AdapterContext, action: string): Promise<{ id: string; active: string | null }> {
  const http = requireControl(ctx);
  const events = await readLog(ctx, action);
  const userId = events.find((e) => e.author?.type === 'user' && e.author['zen:sunco:user_id'])?.author?.['zen:sunco:user_id'];
  if (!userId)
    throw new ApiError(`Zendesk's conversation log names no messaging user for this ticket, so Baton could not ${action}.`, 'invalid');
  const url = `${appPath(ctx, '/conversations')}?filter[userId]=${encodeURIComponent(userId)}`;
  const res = await http.call({ method: 'GET', url }, { action });
  const list = parseBody(ScConversationsSchema, res.body, LABEL, action).conversations;
  const newest = [...list].sort((a, b) => Date.parse(b.lastUpdatedAt ?? '') - Date.parse(a.lastUpdatedAt ?? '') || 0)[0];
  if (!newest)
    throw new ApiError(`The switchboard has no conversation for this ticket's customer, so Baton could not ${action}.`, 'not_found');
  const active = newest.activeSwitchboardIntegration;
  return { id: newest.id, active: active?.name ?? active?.id ?? null };
}

/** Moves the conversation to `integration` (a name such as zd:agentWorkspace, or the bot's), once. */
async function passControl(ctx: AdapterContext, conversationId: string, integration: string, action: string): Promise<void> {
  const http = requireControl(ctx);
  const url = appPath(ctx, `/conversations/${encodeURIComponent(conversationId)}/passControl`);
  await http.call({ method: 'POST', url, body: { switchboardIntegration: integration } }, { action, idempotent: true });
}

/** Takes control for the Agent Workspace (escalation) or gives it to the bot (Return to bot); true when it moved. */
export async function moveControl(ctx: AdapterContext, to: string, action: string): Promise<boolean> {
  const conv = await findConversation(ctx, action);
  if (conv.active === to) return false;
  await passControl(ctx, conv.id, to, action);
  return true;
}

export const controlIsWith = async (ctx: AdapterContext, who: string, action: string) =>
  (await findConversation(ctx, action)).active === who;

export { AGENT_WORKSPACE };
