import { expect } from 'vitest';
import { createHttpClient } from '@/lib/http/client';
import type { HttpRequest, HttpResponse, Transport } from '@/lib/http/types';
import { expireCaches } from '@/lib/platforms/cache';
import type { AdapterContext, AuthMode } from '@/lib/platforms/types';
import type { BotIdentity } from '@/lib/schema/policy';
import { inProcessTransport } from '@/test/sandbox/inprocess';
import { createGorgiasSandbox, GORGIAS_SANDBOX, gorgiasBasicAuth, gorgiasTicketId } from '@/test/sandbox/platforms/gorgias';
import type { SandboxRequest } from '@/test/sandbox/types';
import { checkRequest, checkResponse } from '@/test/contracts/gorgias';

const NO_IDENTITY: BotIdentity = { ids: [], names: [], emails: [] };

export interface Exchange {
  request: SandboxRequest;
  response: HttpResponse;
}

export interface HarnessOptions {
  maxPageSize?: number;
  authMode?: AuthMode;
  /** Session mode: the cookie jar the agent's tab would send (defaults to a signed-in session). */
  cookies?: Record<string, string>;
  /** Token mode: the Authorization header (defaults to the sandbox's API key). */
  authorization?: string;
  botIdentity?: BotIdentity;
  /** Wraps each request, e.g. to lose the answer after the sandbox applied it. */
  intercept?: (req: HttpRequest, send: Transport) => Promise<HttpResponse>;
}

/**
 * The Gorgias adapter against an in-process sandbox, with every request and answer recorded (through
 * inProcessTransport's `seen`) for the contract check.
 */
export function gorgiasHarness(opts: HarnessOptions = {}) {
  expireCaches();
  const sandbox = createGorgiasSandbox({ maxPageSize: opts.maxPageSize });
  const authMode = opts.authMode ?? 'token';
  const seen: SandboxRequest[] = [];
  const exchanges: Exchange[] = [];
  const cookies = authMode === 'session' ? (opts.cookies ?? { [GORGIAS_SANDBOX.sessionCookie]: GORGIAS_SANDBOX.session }) : {};
  const inner = inProcessTransport([sandbox], { seen, cookies });
  const recorded: Transport = async (req) => {
    const at = seen.length;
    const pending = inner(req);
    // inProcessTransport records the request synchronously, before it awaits the sandbox.
    const request = seen[at];
    const response = await pending;
    exchanges.push({ request, response });
    return response;
  };
  const transport: Transport = opts.intercept ? (req) => opts.intercept!(req, recorded) : recorded;
  const http = createHttpClient({
    transport,
    platformLabel: 'Gorgias',
    headers: authMode === 'token' ? { Authorization: opts.authorization ?? gorgiasBasicAuth() } : {},
    sleep: async () => {},
  });
  const ctx = (key = 'human_request', account = GORGIAS_SANDBOX.account): AdapterContext => ({
    ref: { platform: 'gorgias', account, conversationId: String(gorgiasTicketId(key)), idIsGuess: false },
    http,
    authMode,
    botIdentity: opts.botIdentity ?? NO_IDENTITY,
  });
  return {
    sandbox,
    seen,
    exchanges,
    ctx,
    /** "METHOD /path" of the requests sent from index `from` on. */
    since: (from: number) => seen.slice(from).map((r) => `${r.method} ${r.path}`),
    ticket: (key: string) => sandbox.state().conversations.find((c) => c.key === key)!,
  };
}

/** Every request in the contract, every answer shaped as the contract says. */
export function expectContract(exchanges: Exchange[]) {
  const problems = exchanges.flatMap((x) => [...checkRequest(x.request), ...checkResponse(x.request, x.response)]);
  expect(problems).toEqual([]);
}
