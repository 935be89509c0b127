import { expect } from 'vitest';
import { createHttpClient } from '@/lib/http/client';
import type { HttpRequest, HttpResponse, Transport } from '@/lib/http/types';
import type { AdapterContext, AuthMode } from '@/lib/platforms/types';
import { expireCaches } from '@/lib/platforms/cache';
import type { BotIdentity } from '@/lib/schema/policy';
import { inProcessTransport } from '@/test/sandbox/inprocess';
import { createZendeskSandbox, ZENDESK_SANDBOX } from '@/test/sandbox/platforms/zendesk';
import type { SandboxRequest } from '@/test/sandbox/types';
import { loadSpec, validateRequest } from '@/test/contracts/openapi';

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
  const ctx = (conversationId: string): AdapterContext => ({
    ref: { platform: 'zendesk', account: 'acme', conversationId, idIsGuess: false },
    http,
    authMode,
    botIdentity: opts.botIdentity ?? NO_IDENTITY,
  });
  const writes = (since = 0) => seen.slice(since).filter((r) => r.method !== 'GET');
  return { sandbox, seen, ctx, writes };
}

/**
 * Zendesk's 2025-06 spec copy lets unknown ticket fields through, so the keys are also checked against the
 * documented TicketUpdateInput properties. additional_tags/remove_tags are newer than that copy (see
 * ../shared/research/api-contracts.md: the current official spec's TicketsUpdateRequest has them).
 */
const NEWER_THAN_SPEC_COPY = ['additional_tags', 'remove_tags'];

export function expectInSpec(requests: SandboxRequest[]) {
  const spec = loadSpec('zendesk');
  const definition = (spec.router as unknown as { definition: { components?: { schemas?: Record<string, { properties?: object }> } } })
    .definition;
  const documented = Object.keys(definition.components?.schemas?.TicketUpdateInput?.properties ?? {});
  expect(documented).toContain('safe_update');
  for (const r of requests) {
    const check = validateRequest(spec, { method: r.method, path: r.path, query: r.query, body: r.body ?? undefined });
    expect(check.errors, `${r.method} ${r.path}`).toEqual([]);
    const ticket = (r.body as { ticket?: Record<string, unknown> } | null)?.ticket;
    if (ticket && documented.length) {
      for (const key of Object.keys(ticket)) expect([...documented, ...NEWER_THAN_SPEC_COPY], `ticket.${key}`).toContain(key);
    }
  }
}
