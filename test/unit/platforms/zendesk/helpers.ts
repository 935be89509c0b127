import { expect } from 'vitest';
import { createHttpClient } from '@/lib/http/client';
import type { HttpRequest, HttpResponse, Transport } from '@/lib/http/types';
import type { AdapterContext, AuthMode } from '@/lib/platforms/types';
import { expireCaches } from '@/lib/platforms/cache';
import type { BotIdentity } from '@/lib/schema/policy';
import { inProcessTransport } from '@/test/sandbox/inprocess';
import { createZendeskSandbox, SWITCHBOARD, ZENDESK_SANDBOX } from '@/test/sandbox/platforms/zendesk';
import type { SandboxRequest } from '@/test/sandbox/types';
import { zendeskTrafficProblems } from '@/test/contracts/zendesk-traffic';

const NO_IDENTITY: BotIdentity = { ids: [], names: [], emails: [] };
export const basicAuth = () => `Basic ${Buffer.from(`${ZENDESK_SANDBOX.email}/token:${ZENDESK_SANDBOX.token}`).toString('base64')}`;
export const SESSION = { _zendesk_session: ZENDESK_SANDBOX.session };

export interface HarnessOptions {
  authMode?: AuthMode;
  /** The cookies the browser would attach (session mode: the agent's session). */
  cookies?: Record<string, string>;
  /** Wraps each request, e.g. to answer 409 after the sandbox applied it. */
  intercept?: (req: HttpRequest, send: Transport) => Promise<HttpResponse>;
  botIdentity?: BotIdentity;
  /** The switchboard's key is saved (the worker would then build `ctx.control`). */
  switchboard?: boolean;
}

/** The Zendesk adapter against an in-process sandbox; every request it sends is kept in `seen`. */
export function zendeskHarness(opts: HarnessOptions = {}) {
  expireCaches();
  const sandbox = createZendeskSandbox();
  const seen: SandboxRequest[] = [];
  const authMode = opts.authMode ?? 'token';
  const cookies = opts.cookies ?? (authMode === 'session' ? SESSION : {});
  const inner = inProcessTransport([sandbox], { seen, cookies });
  const transport: Transport = opts.intercept ? (req) => opts.intercept!(req, inner) : inner;
  const http = createHttpClient({
    transport,
    platformLabel: 'Zendesk',
    headers: authMode === 'token' ? { Authorization: basicAuth() } : {},
    sleep: async () => {},
  });
  // Like the worker's control transport: the key's own Basic auth, and no cookie.
  const control = opts.switchboard
    ? createHttpClient({
        transport: inProcessTransport([sandbox], { seen, cookies: {} }),
        platformLabel: 'Zendesk',
        headers: { Authorization: `Basic ${Buffer.from(`${SWITCHBOARD.keyId}:${SWITCHBOARD.secret}`).toString('base64')}` },
        sleep: async () => {},
      })
    : undefined;
  const ctx = (conversationId: string): AdapterContext => ({
    ref: { platform: 'zendesk', account: 'acme', conversationId, idIsGuess: false },
    http,
    authMode,
    botIdentity: opts.botIdentity ?? NO_IDENTITY,
    connection: { switchboardAppId: SWITCHBOARD.appId },
    pause: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] },
    ...(control ? { control } : {}),
  });
  const writes = (since = 0) => seen.slice(since).filter((r) => r.method !== 'GET');
  /** More than 100 groups, agents and views, until the next reset (the sandbox's own admin call). */
  const addManyTargets = () =>
    sandbox.admin({
      method: 'POST',
      host: 'localhost',
      path: '/__admin/zendesk/many-targets',
      query: {},
      headers: {},
      body: null,
      cookies: {},
    });
  return { sandbox, seen, ctx, writes, addManyTargets };
}

/** Every request sent uses only what the official spec declares (test/contracts/zendesk-traffic.ts). */
export function expectInSpec(requests: SandboxRequest[]) {
  expect(zendeskTrafficProblems(requests)).toEqual([]);
}
