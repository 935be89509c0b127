import { browser } from 'wxt/browser';
import { fetchTransport } from '../../lib/http/client';
import { TransportError, type HttpRequest, type Transport } from '../../lib/http/types';
import { SessionFetchResultSchema } from '../../lib/schema/messages';
import type { ConversationRef } from '../../lib/schema/conversation';
import type { Connections, Secrets } from '../../lib/schema/connections';
import { authModeOf, metaFor } from '../../lib/platforms/metas';
import type { AuthMode, PlatformAdapter } from '../../lib/platforms/types';

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
 * elsewhere. Session mode asks the agent's tab to make a same-origin request with its own cookies.
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
  const apiBase = typeof connection.apiBase === 'string' ? connection.apiBase : undefined;
  const origin = new URL(adapter.apiOrigin(fullRef, apiBase)).origin;
  const authMode = authModeOf(meta, connection);
  if (authMode === 'session') return { authMode, transport: sessionTransport(origin, tabId) };
  const headers = meta.authHeaders(connection, secrets as Record<string, string | undefined>);
  return { authMode, transport: tokenTransport(origin, headers, meta.missingCredentials, fetchImpl) };
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
): Transport {
  const base = fetchTransport(fetchImpl, authHeaders ?? {}, { credentials: 'omit' });
  return async (req: HttpRequest) => {
    if (new URL(req.url).origin !== origin) throw new TransportError(`Refusing to send credentials to ${new URL(req.url).host}`, 'network');
    if (!authHeaders) {
      // Answer like the platform would, so the agent gets the usual "check the token in Options" sentence.
      return { status: 401, headers: {}, body: { message: missing } };
    }
    return base({ ...req, headers: { ...req.headers } });
  };
}

/** Same-origin request made by the content script in the agent's tab, so the helpdesk session is used. */
function sessionTransport(origin: string, tabId: number | undefined): Transport {
  return async (req: HttpRequest) => {
    if (new URL(req.url).origin !== origin) throw new TransportError('Session requests must stay on the helpdesk origin', 'network');
    const tab = tabId ?? (await findTab(origin));
    if (tab === undefined) {
      throw new TransportError(`Open ${new URL(origin).host} in a tab so Baton can use your session`, 'network');
    }
    let raw: unknown;
    try {
      raw = await browser.tabs.sendMessage(tab, { type: 'sessionFetch', request: req });
    } catch (e) {
      throw new TransportError(`The helpdesk tab did not answer (${(e as Error).message})`, 'network');
    }
    const res = SessionFetchResultSchema.safeParse(raw);
    if (!res.success) throw new TransportError('The helpdesk tab sent a malformed answer', 'network');
    if (!res.data.ok) throw new TransportError(res.data.message, res.data.kind);
    return res.data.response;
  };
}

async function findTab(origin: string): Promise<number | undefined> {
  const tabs = await browser.tabs.query({ url: `${origin}/*` });
  return tabs.find((t) => t.id !== undefined)?.id;
}
