import { browser } from 'wxt/browser';
import { fetchTransport } from '../../lib/http/client';
import { TransportError, type HttpRequest, type Transport } from '../../lib/http/types';
import { SessionFetchResultSchema } from '../../lib/schema/messages';
import type { ConversationRef } from '../../lib/schema/conversation';
import type { Connections, Secrets } from '../../lib/schema/connections';
import type { AuthMode, PlatformAdapter } from '../../lib/platforms/types';

export interface AuthedTransport {
  transport: Transport;
  authMode: AuthMode;
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
): AuthedTransport {
  const fullRef = { idIsGuess: false, conversationId: '', ...ref };
  const origin = new URL(adapter.apiOrigin(fullRef, connections.front.apiBase)).origin;
  switch (ref.platform) {
    case 'front': {
      const token = secrets.frontToken;
      return { authMode: 'token', transport: guarded(origin, token ? { Authorization: `Bearer ${token}` } : null, 'Front API token') };
    }
    case 'zendesk': {
      const c = connections.zendesk;
      if (c.authMode === 'session') return { authMode: 'session', transport: sessionTransport(origin, tabId) };
      const auth = secrets.zendeskToken && c.email ? { Authorization: `Basic ${b64(`${c.email}/token:${secrets.zendeskToken}`)}` } : null;
      return { authMode: 'token', transport: guarded(origin, auth, 'Zendesk email and API token') };
    }
    case 'gorgias': {
      const c = connections.gorgias;
      if (c.authMode === 'session') return { authMode: 'session', transport: sessionTransport(origin, tabId) };
      const auth = secrets.gorgiasApiKey && c.email ? { Authorization: `Basic ${b64(`${c.email}:${secrets.gorgiasApiKey}`)}` } : null;
      return { authMode: 'token', transport: guarded(origin, auth, 'Gorgias email and API key') };
    }
  }
}

function b64(s: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(s)));
}

function guarded(origin: string, authHeaders: Record<string, string> | null, what: string): Transport {
  const base = fetchTransport(fetch, authHeaders ?? {});
  return async (req: HttpRequest) => {
    if (new URL(req.url).origin !== origin) throw new TransportError(`Refusing to send credentials to ${new URL(req.url).host}`, 'network');
    if (!authHeaders) {
      // Answer like the platform would, so the agent gets the usual "check the token in Options" sentence.
      return { status: 401, headers: {}, body: { message: `No ${what} is set in Baton's Options.` } };
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
