import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ADMIN_PREFIX, handleAdmin, type SandboxModule } from './admin';
import { sandboxCertificate } from './cert';
import { errorBody, FaultTable, type Fault, type FaultApi } from './faults';
import { hostResolverRules } from './hosts';
import { isBudgeted, RateLimits } from './ratelimit';
import { readRequest } from './request';
import { corsHeaders, preflightHeaders, send } from './respond';
import { TrafficLog, type TrafficEntry } from './traffic';
import type { SandboxPlatform, SandboxRequest, SandboxResponse } from './types';

const DEFAULT_TRAFFIC_FILE = fileURLToPath(new URL('../../test-results/sandbox-traffic.jsonl', import.meta.url));

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  httpsPort?: number;
  httpPort?: number;
  /** JSONL traffic log, appended to; false keeps traffic in memory only. */
  trafficFile?: string | false;
  /** Defaults to Zendesk, Gorgias, Front, OpenAI and the webhook receiver. */
  platforms?: SandboxPlatform[];
}

export interface Sandbox {
  httpsPort: number;
  httpPort: number;
  httpsUrl: string;
  httpUrl: string;
  /** Chromium's --host-resolver-rules value for this sandbox. */
  hostResolverRules: string;
  platforms: Record<string, SandboxModule>;
  /** Platforms back to their seed, faults cleared, in-memory traffic cleared (the file is kept). */
  reset(): void;
  stop(): Promise<void>;
  traffic(): TrafficEntry[];
  faults: FaultApi;
  /** The helpdesks' request budgets (headers, 429s); also POST /__admin/rate-limits. */
  rateLimits: RateLimits;
}

/** Loaded on demand so a sandbox with its own platforms never depends on the real modules compiling. */
export async function defaultPlatforms(): Promise<SandboxPlatform[]> {
  const [{ createZendeskSandbox }, { createGorgiasSandbox }, { createFrontSandbox }, { createOpenAISandbox }, { createWebhookReceiver }] =
    await Promise.all([
      import('./platforms/zendesk'),
      import('./platforms/gorgias'),
      import('./platforms/front'),
      import('./openai'),
      import('./webhooks'),
    ]);
  return [createZendeskSandbox(), createGorgiasSandbox(), createFrontSandbox(), createOpenAISandbox(), createWebhookReceiver()];
}

/**
 * The sandbox helpdesk: one request handler behind two listeners on 127.0.0.1. Chromium reaches it over
 * HTTPS under the real hostnames (--host-resolver-rules), Node tests over plain HTTP with X-Sandbox-Host.
 */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const modules: SandboxModule[] = opts.platforms ?? (await defaultPlatforms());
  const faults = new FaultTable();
  const rateLimits = new RateLimits();
  const traffic = new TrafficLog(opts.trafficFile === false ? null : (opts.trafficFile ?? DEFAULT_TRAFFIC_FILE));
  // Cancels delayed answers still waiting, so stop() does not leave timers holding the process open.
  const waiting = new Set<() => void>();

  const reset = () => {
    for (const m of modules) m.reset();
    faults.clear();
    rateLimits.reset();
    traffic.clear();
  };

  const answer = async (mod: SandboxModule, req: SandboxRequest): Promise<SandboxResponse> =>
    (await mod.handle(req)) ?? { status: 404, body: errorBody(mod.name, 404, `The sandbox has no route for ${req.method} ${req.path}`) };

  function wait(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (completed: boolean) => {
        clearTimeout(timer);
        res.off('close', cancel);
        waiting.delete(cancel);
        resolve(completed);
      };
      const cancel = () => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      res.on('close', cancel);
      waiting.add(cancel);
    });
  }

  async function withFault(
    fault: Fault,
    mod: SandboxModule,
    req: SandboxRequest,
    raw: IncomingMessage,
    res: ServerResponse,
    cors: Record<string, string>,
  ) {
    const applied = fault.applyAfter ? await answer(mod, req) : undefined;
    if (fault.delayMs && !(await wait(fault.delayMs, res))) return;
    if (fault.drop) {
      raw.socket.destroy();
      return;
    }
    if (fault.status !== undefined) {
      const headers = fault.retryAfter === undefined ? undefined : { 'Retry-After': String(fault.retryAfter) };
      const body = fault.body !== undefined ? fault.body : errorBody(mod.name, fault.status);
      return send(res, { status: fault.status, headers, body }, cors);
    }
    send(res, applied ?? (await answer(mod, req)), cors);
  }

  async function serve(raw: IncomingMessage, res: ServerResponse) {
    const req = await readRequest(raw);
    const cors = corsHeaders(req.headers);
    if (req.method === 'OPTIONS') return send(res, { status: 204, headers: preflightHeaders(req.headers) });
    if (req.path.startsWith(ADMIN_PREFIX)) return send(res, await handleAdmin({ modules, faults, traffic, rateLimits, reset }, req), cors);

    const mod = modules.find((m) => m.handles(req.host));
    if (!mod) return send(res, { status: 404, body: { error: `No sandbox platform serves host "${req.host}"` } }, cors);
    traffic.record({ platform: mod.name, method: req.method, path: req.path, query: req.query, body: req.body });

    // Every API answer carries the budget the real helpdesk would announce; a spent budget is a 429.
    const budget = isBudgeted(mod.name, req.path) ? rateLimits.take(mod.name) : null;
    const withBudget = { ...cors, ...budget?.headers };
    if (budget && !budget.ok) return send(res, { status: 429, body: errorBody(mod.name, 429) }, withBudget);
    const fault = faults.take(mod.name, req.method, req.path);
    if (fault) return withFault(fault, mod, req, raw, res, withBudget);
    send(res, await answer(mod, req), withBudget);
  }

  const handler = (raw: IncomingMessage, res: ServerResponse) => {
    serve(raw, res).catch((e: unknown) => {
      // A client that hung up mid-request is not a sandbox failure.
      if (res.destroyed) return;
      console.error(`[sandbox] ${raw.method} ${raw.url} failed:`, e);
      send(res, { status: 500, body: { error: 'sandbox handler crashed', message: String(e) } });
    });
  };

  const httpsServer = https.createServer(sandboxCertificate(), handler);
  const httpServer = http.createServer(handler);
  try {
    await Promise.all([listen(httpsServer, opts.httpsPort ?? 0), listen(httpServer, opts.httpPort ?? 0)]);
  } catch (e) {
    await Promise.all([close(httpsServer), close(httpServer)]);
    throw e;
  }
  const httpsPort = (httpsServer.address() as AddressInfo).port;
  const httpPort = (httpServer.address() as AddressInfo).port;

  let stopping: Promise<void> | undefined;
  return {
    httpsPort,
    httpPort,
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    hostResolverRules: hostResolverRules(httpsPort),
    platforms: Object.fromEntries(modules.map((m) => [m.name, m])),
    reset,
    traffic: () => traffic.list(),
    faults,
    rateLimits,
    stop() {
      stopping ??= (async () => {
        for (const cancel of [...waiting]) cancel();
        await Promise.all([close(httpsServer), close(httpServer)]);
      })();
      return stopping;
    },
  };
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: http.Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
