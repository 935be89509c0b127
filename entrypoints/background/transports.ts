import { tabRelay, type TabRelay } from './relay';
import { fetchTransport } from '@/lib/http/client';
import { TransportError, type HttpRequest, type Transport } from '@/lib/http/types';
import { SessionFetchResultSchema } from '@/lib/schema/messages';
import type { ConversationRef } from '@/lib/schema/conversation';
import type { Connections, Secrets } from '@/lib/schema/connections';
import { authModeOf, metaFor } from '@/lib/platforms/metas';
import type { AuthMode, PlatformAdapter, PlatformMeta } from '@/lib/platforms/types';
import { ApiError } from '@/lib/http/errors';

export interface AuthedTransport {
  transport: Transport;
  authMode: AuthMode;
}

/** This platform's slice of the connection settings, as the generic record adapters and metas read. */
export function connectionOf(connections: Connections, platform: ConversationRef['platform']): Record<string, unknown> {
  return { ...(connections[platform] as Record<string, unknown> | undefined) };
}

/**
 * Picks how requests for a platform are sent. Token modes run here in the worker, the only place that
 * reads secrets, and refuse any URL outside the platform's own API origin so a token can never be sent
 * elsewhere. That origin comes from the saved connection only (its account, or a fixed account's API address), never
 * from the request: a request about another account (a pasted, unsaved value, or another company's tenant
 * open in a tab) is refused in token mode. Session mode asks the agent's tab to make a same-origin request
 * with its own cookies.
 */
export function transportFor(
  adapter: PlatformAdapter,
  ref: Pick<ConversationRef, 'platform' | 'account'> & { conversationId?: string },
  connections: Connections,
  secrets: Secrets,
  tabId: number | undefined,
  fetchImpl: typeof fetch = fetch,
): AuthedTransport {
  const meta = metaFor(ref.platform);
  const connection = connectionOf(connections, ref.platform);
  const fullRef = { idIsGuess: false, conversationId: '', ...ref };
  const authMode = authModeOf(meta, connection);
  if (authMode === 'token') requireSavedAccount(meta, ref.account, connection);
  // The adapters' URL builders refuse an account or API address that could name another host.
  const origin = new URL(adapter.apiOrigin(fullRef, connection)).origin;
  if (authMode === 'session') {
    // Named from the registry: "Open a <label> tab of <account> to connect".
    const noTab = `Open a ${meta.label} tab of ${ref.account} to connect.`;
    return { authMode, transport: sessionTransport(origin, tabId, noTab) };
  }
  const headers = meta.authHeaders(connection, secrets as Record<string, string | undefined>);
  const redirect = meta.tokenFollowsRedirects ? 'follow' : 'manual';
  return { authMode, transport: tokenTransport(origin, headers, meta.missingCredentials, fetchImpl, redirect) };
}

/**
 * The bot-control API's transport (`PlatformMeta.control`): its keys go only to the account saved in Options
 * (never to another tenant a tab may show), only under the API's own path, and without cookies. Null when
 * the platform has none or its keys are not saved for this account: the adapter then says what to set up.
 */
export function controlTransport(
  adapter: PlatformAdapter,
  ref: Pick<ConversationRef, 'platform' | 'account'>,
  connections: Connections,
  secrets: Secrets,
  fetchImpl: typeof fetch = fetch,
): Transport | null {
  const meta = metaFor(ref.platform);
  if (!meta.control) return null;
  const connection = connectionOf(connections, ref.platform);
  const saved = typeof connection.account === 'string' ? connection.account.toLowerCase() : '';
  if (!saved || saved !== ref.account.toLowerCase()) return null;
  const headers = meta.control.authHeaders(connection, secrets as Record<string, string | undefined>);
  if (!headers) return null;
  const origin = new URL(adapter.apiOrigin({ idIsGuess: false, conversationId: '', ...ref })).origin;
  const prefix = meta.control.pathPrefix;
  const inner = tokenTransport(origin, headers, meta.missingCredentials, fetchImpl);
  return (req) => {
    if (!new URL(req.url).pathname.startsWith(prefix))
      throw new TransportError(`Refusing to send the control keys outside ${prefix}`, 'network');
    return inner(req);
  };
}

/** Throws the sentence the sidebar or Options shows when a token request names an account other than the saved one. */
function requireSavedAccount(meta: PlatformMeta, requested: string, connection: Record<string, unknown>): void {
  if (!meta.account) return; // one fixed account: its API address comes from the saved, checked connection
  const saved = typeof connection.account === 'string' ? connection.account.toLowerCase() : '';
  if (!saved) {
    throw new ApiError(
      `Enter the ${meta.account.label} in Baton's Options: the ${meta.label} API token is used only for the account saved there.`,
      'auth',
    );
  }
  if (requested.toLowerCase() !== saved) {
    throw new ApiError(
      `Baton uses the ${meta.label} API token only for ${saved}, the account saved in Options, not for "${requested}".`,
      'auth',
    );
  }
}

/**
 * Token requests carry the token and nothing else: no cookies. The agent is usually signed in to the same
 * helpdesk in this browser, and a request that carries both a token and the session cookie is treated as a
 * browser session, which then demands a CSRF token and fails.
 */
export function tokenTransport(
  origin: string,
  authHeaders: Record<string, string> | null,
  missing: string,
  fetchImpl: typeof fetch = fetch,
  redirect: RequestRedirect = 'manual',
): Transport {
  const base = fetchTransport(fetchImpl, authHeaders ?? {}, { credentials: 'omit', redirect });
  return async (req: HttpRequest) => {
    if (new URL(req.url).origin !== origin) throw new TransportError(`Refusing to send credentials to ${new URL(req.url).host}`, 'network');
    if (!authHeaders) {
      // Answer like the platform would, so the agent gets the usual "check the token in Options" sentence.
      return { status: 401, headers: {}, body: { message: missing } };
    }
    const res = await base({ ...req, headers: { ...req.headers } });
    // A followed redirect that ended elsewhere: the browser dropped the token on the way, and the answer is not the API's.
    if (res.url && URL.canParse(res.url) && new URL(res.url).origin !== origin) {
      throw new TransportError(`Refusing an answer redirected to ${new URL(res.url).host}`, 'network');
    }
    return res;
  };
}

/**
 * Same-origin request made by the content script in a ready tab of the account, so the helpdesk session is
 * used. The relay picks the tab (the asking tab when it is on that origin), waits briefly for one that is
 * still loading, and tells a request that never reached a tab (`no_tab`) from one whose tab went away while
 * it was in flight (`tab_gone`): neither blames the network.
 */
function sessionTransport(origin: string, tabId: number | undefined, noTab: string, relay: TabRelay = tabRelay()): Transport {
  return async (req: HttpRequest) => {
    if (new URL(req.url).origin !== origin) throw new TransportError('Session requests must stay on the helpdesk origin', 'network');
    const raw = await relay.send(origin, tabId, { type: 'sessionFetch', request: req }, noTab);
    const res = SessionFetchResultSchema.safeParse(raw);
    if (!res.success) throw new TransportError('The helpdesk tab sent a malformed answer', 'network');
    if (!res.data.ok) throw new TransportError(res.data.message, res.data.kind);
    return res.data.response;
  };
}
