import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeCertificate } from './cert';
import { errorBody, FaultTable, type FaultSpec } from './faults';
import { TrafficLog, type TrafficEntry } from './traffic';
import type { SandboxPlatform, SandboxRequest, SandboxResponse } from './types';
import { createFrontSandbox } from './platforms/front';
import { createGorgiasSandbox } from './platforms/gorgias';
import { createZendeskSandbox } from './platforms/zendesk';
import { createOpenAISandbox } from './openai';

export interface SandboxOptions {
  httpsPort?: number;
  httpPort?: number;
  trafficFile?: string;
  platforms?: SandboxPlatform[];
}

type AdminCapable = SandboxPlatform & { admin?(req: SandboxRequest): SandboxResponse | null | Promise<SandboxResponse | null> };

export interface Sandbox {
  httpsPort: number;
  httpPort: number;
  httpsUrl: string;
  httpUrl: string;
  platforms: Record<string, AdminCapable>;
  reset(): void;
  stop(): Promise<void>;
  traffic(): TrafficEntry[];
  faults: { add(spec: FaultSpec): { id: string }; clear(): void };
}

export function defaultPlatforms(): SandboxPlatform[] {
  return [createZendeskSandbox(), createGorgiasSandbox(), createFrontSandbox(), createOpenAISandbox()];
}

/**
 * The sandbox helpdesk: one server, reached over HTTPS by Chromium (real hostnames mapped here with
 * --host-resolver-rules) and over plain HTTP by Node tests (X-Sandbox-Host names the host).
 */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const modules = (opts.platforms ?? defaultPlatforms()) as AdminCapable[];
  const byName = Object.fromEntries(modules.map((m) => [m.name, m]));
  const faults = new FaultTable();
  const traffic = new TrafficLog(opts.trafficFile);

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void serve(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(e) }));
    });
  };

  async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const sreq = await toSandboxRequest(req);
    const cors = corsHeaders(req);
    if (sreq.method === 'OPTIONS') {
      res.writeHead(204, cors);
      return res.end();
    }
    if (sreq.path.startsWith('/__admin/')) return send(res, await adminRoute(sreq), cors);

    const mod = modules.find((m) => m.handles(sreq.host));
    if (!mod) return send(res, { status: 404, body: { error: `No sandbox platform serves ${sreq.host}` } }, cors);
    const isPage = !sreq.path.startsWith('/api') && mod.name !== 'openai' && !sreq.host.startsWith('api');
    if (!isPage) traffic.record({ platform: mod.name, method: sreq.method, path: sreq.path, query: sreq.query, body: sreq.body });

    const fault = isPage ? null : faults.take(mod.name, sreq.method, sreq.path);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.drop) {
      if (fault.applyAfter) await mod.handle(sreq);
      req.socket.destroy();
      return;
    }
    if (fault?.status) {
      if (fault.applyAfter) await mod.handle(sreq);
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
      return send(res, { status: fault.status, headers, body: fault.body ?? errorBody(mod.name, fault.status, `Injected ${fault.status}`) }, cors);
    }
    const out = await mod.handle(sreq);
    send(res, out ?? { status: 404, body: errorBody(mod.name, 404, `No route for ${sreq.method} ${sreq.path}`) }, cors);
  }

  async function adminRoute(r: SandboxRequest): Promise<SandboxResponse> {
    const p = r.path.replace(/^\/__admin/, '');
    if (p === '/state' && r.method === 'GET') return { status: 200, body: Object.fromEntries(modules.map((m) => [m.name, m.state()])) };
    const stateOne = p.match(/^\/state\/([a-z]+)$/);
    if (stateOne) return byName[stateOne[1]] ? { status: 200, body: byName[stateOne[1]].state() } : { status: 404, body: {} };
    if (p === '/reset' && r.method === 'POST') {
      reset();
      return { status: 200, body: { ok: true } };
    }
    if (p === '/traffic' && r.method === 'GET') return { status: 200, body: traffic.entries };
    if (p === '/traffic/clear' && r.method === 'POST') {
      traffic.clear();
      return { status: 200, body: { ok: true } };
    }
    if (p === '/faults') {
      if (r.method === 'POST') return { status: 201, body: faults.add(r.body as FaultSpec) };
      if (r.method === 'GET') return { status: 200, body: faults.list() };
      if (r.method === 'DELETE') {
        faults.clear();
        return { status: 204 };
      }
    }
    const oneFault = p.match(/^\/faults\/(\w+)$/);
    if (oneFault && r.method === 'DELETE') {
      faults.remove(oneFault[1]);
      return { status: 204 };
    }
    const passthrough = p.match(/^\/([a-z]+)\//);
    const mod = passthrough && byName[passthrough[1]];
    if (mod?.admin) return (await mod.admin(r)) ?? { status: 404, body: { error: 'unknown admin route' } };
    return { status: 404, body: { error: 'unknown admin route' } };
  }

  function reset() {
    for (const m of modules) m.reset();
    faults.clear();
    traffic.clear();
  }

  const { key, cert } = makeCertificate();
  const httpsServer = https.createServer({ key, cert }, handler);
  const httpServer = http.createServer(handler);
  await Promise.all([
    new Promise<void>((r) => httpsServer.listen(opts.httpsPort ?? 0, '127.0.0.1', r)),
    new Promise<void>((r) => httpServer.listen(opts.httpPort ?? 0, '127.0.0.1', r)),
  ]);
  const httpsPort = (httpsServer.address() as AddressInfo).port;
  const httpPort = (httpServer.address() as AddressInfo).port;

  return {
    httpsPort,
    httpPort,
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    platforms: byName,
    reset,
    traffic: () => traffic.entries,
    faults: { add: (s) => faults.add(s), clear: () => faults.clear() },
    async stop() {
      httpsServer.closeAllConnections();
      httpServer.closeAllConnections();
      await Promise.all([new Promise((r) => httpsServer.close(r)), new Promise((r) => httpServer.close(r))]);
    },
  };
}

async function toSandboxRequest(req: http.IncomingMessage): Promise<SandboxRequest> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  let body: unknown = null;
  if (raw) {
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  const host = (headers['x-sandbox-host'] ?? headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const cookies: Record<string, string> = {};
  for (const part of (headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) cookies[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return { method: (req.method ?? 'GET').toUpperCase(), host, path: url.pathname, query, headers, body, cookies };
}

function corsHeaders(req: http.IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-CSRF-Token, Accept',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  };
}

function send(res: http.ServerResponse, out: SandboxResponse, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...extra, ...(out.headers ?? {}) };
  let payload: string | undefined;
  if (out.body !== undefined && out.body !== null && out.status !== 204) {
    if (typeof out.body === 'string') {
      payload = out.body;
      headers['Content-Type'] ??= out.contentType ?? 'text/plain; charset=utf-8';
    } else {
      payload = JSON.stringify(out.body);
      headers['Content-Type'] ??= 'application/json; charset=utf-8';
    }
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}
