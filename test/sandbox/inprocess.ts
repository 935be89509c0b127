import type { HttpRequest, Transport } from '../../lib/http/types';
import type { SandboxPlatform, SandboxRequest } from './types';

/**
 * A Transport that hands requests straight to sandbox platform modules, without sockets. Unit tests of
 * adapters use it; faults, TLS and the traffic log belong to the real server (server.ts).
 * `seen` collects every request for contract checks.
 */
export function inProcessTransport(
  modules: SandboxPlatform[],
  opts: { cookies?: Record<string, string>; seen?: SandboxRequest[] } = {},
): Transport {
  return async (req: HttpRequest) => {
    const url = new URL(req.url);
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of url.searchParams) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
    const sreq: SandboxRequest = {
      method: req.method,
      host: url.host,
      path: url.pathname,
      query,
      headers,
      body: req.body === undefined ? null : JSON.parse(JSON.stringify(req.body)),
      cookies: opts.cookies ?? {},
    };
    opts.seen?.push(sreq);
    const mod = modules.find((m) => m.handles(url.hostname));
    const res = mod ? await mod.handle(sreq) : null;
    if (!res) return { status: 404, headers: {}, body: { error: 'NotFound' }, url: req.url };
    const resHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers ?? {})) resHeaders[k.toLowerCase()] = v;
    return { status: res.status, headers: resHeaders, body: res.body ?? null, url: req.url };
  };
}
