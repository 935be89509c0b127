import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createHttpClient } from '@/lib/http/client';
import type { HttpResponse } from '@/lib/http/types';
import type { AdapterContext } from '@/lib/platforms/types';
import { expireCaches } from '@/lib/platforms/cache';
import type { BotIdentity } from '@/lib/schema/policy';
import { loadSpec, specFile, validateRequest, validateResponse } from '@/test/contracts/openapi';
import { inProcessTransport } from '@/test/sandbox/inprocess';
import { createFrontSandbox, frontConversation, FRONT_SANDBOX, type FrontSandboxOptions } from '@/test/sandbox/platforms/front';
import type { SandboxRequest, SandboxResponse } from '@/test/sandbox/types';

export interface Exchange {
  req: SandboxRequest;
  res: SandboxResponse | null;
}

export const NO_IDENTITY: BotIdentity = { ids: [], names: [], emails: [] };

/**
 * The sandbox Front in-process, Baton's HTTP client over it with the token the worker would add, and
 * every request with the sandbox's answer, for request counts and contract checks.
 */
/** The signed-in agent of the sandbox company, as the agent sets it once in Options. */
const AS_DANA = { authorEmail: FRONT_SANDBOX.teammates.dana.email };

export function frontHarness(
  opts: FrontSandboxOptions & {
    token?: string | null;
    apiBase?: string;
    sleep?: (ms: number) => Promise<void>;
    connection?: Record<string, unknown>;
    /** Answers a request instead of the sandbox (faults); null lets the sandbox answer. */
    intercept?: (req: SandboxRequest) => SandboxResponse | null;
  } = {},
) {
  expireCaches();
  const sandbox = createFrontSandbox(opts);
  const exchanges: Exchange[] = [];
  const recording = {
    ...sandbox,
    handle: async (req: SandboxRequest) => {
      const res = opts.intercept?.(req) ?? (await sandbox.handle(req));
      if (req.host !== 'app.frontapp.com') exchanges.push({ req, res });
      return res;
    },
  };
  const token = opts.token === undefined ? FRONT_SANDBOX.token : opts.token;
  const responses: HttpResponse[] = [];
  const http = createHttpClient({
    transport: inProcessTransport([recording]),
    platformLabel: 'Front',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    sleep: opts.sleep ?? (async () => {}),
    onResponse: (_req, res) => responses.push(res),
  });
  const ctx = (key = 'human_request', identity: BotIdentity = NO_IDENTITY): AdapterContext => ({
    ref: { platform: 'front', account: 'app', conversationId: key.startsWith('cnv_') ? key : frontConversation(key).id, idIsGuess: false },
    http,
    authMode: 'token',
    botIdentity: identity,
    connection: { ...(opts.connection ?? AS_DANA), ...(opts.apiBase ? { apiBase: opts.apiBase } : {}) },
  });
  return {
    sandbox,
    http,
    ctx,
    exchanges,
    /** Requests since a mark, as "METHOD /path". */
    since(mark: number) {
      return exchanges.slice(mark).map((e) => `${e.req.method} ${e.req.path}`);
    },
    conv(key: string) {
      return sandbox.state().conversations.find((c) => c.key === key)!;
    },
  };
}

/**
 * Properties the spec declares as `{"nullable": true, "$ref": …}` (a conversation's assignee). The shared
 * validator resolves the $ref and loses the sibling `nullable`, so a null there (an unassigned
 * conversation, as Front sends it) would be reported although the spec allows it.
 */
const NULLABLE_REFS: Set<string> = (() => {
  const raw = JSON.parse(readFileSync(specFile('front'), 'utf8')) as {
    components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
  };
  const names = new Set<string>();
  for (const schema of Object.values(raw.components.schemas)) {
    for (const [name, prop] of Object.entries(schema.properties ?? {}))
      if (prop.nullable === true && typeof prop.$ref === 'string') names.add(name);
  }
  return names;
})();

function allowedNull(error: string, body: unknown): boolean {
  const m = /^response\.([\w.]+) must be object$/.exec(error);
  if (!m) return false;
  const path = m[1].split('.');
  const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], body);
  return value === null && NULLABLE_REFS.has(path.at(-1)!);
}

/** Every request against Front's spec, and every answer against the operation's documented response. */
export function expectContract(exchanges: Exchange[]) {
  const spec = loadSpec('front');
  const problems: string[] = [];
  for (const { req, res } of exchanges) {
    const check = validateRequest(spec, {
      method: req.method,
      path: req.path,
      query: req.query,
      body: req.body ?? undefined,
      headers: req.headers,
    });
    for (const e of check.errors) problems.push(`${req.method} ${req.path}: ${e}`);
    if (check.operationId && res) {
      for (const e of validateResponse(spec, check.operationId, res.status, res.body ?? undefined)) {
        if (!allowedNull(e, res.body)) problems.push(`${req.method} ${req.path} → ${res.status}: ${e}`);
      }
    }
  }
  expect(problems).toEqual([]);
}
