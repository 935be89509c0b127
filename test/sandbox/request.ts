import type { IncomingMessage } from 'node:http';
import type { SandboxRequest } from './types';

/** Node tests reach every host through one plain-HTTP port and name the host they mean here. */
const HOST_OVERRIDE_HEADER = 'x-sandbox-host';

function parseQuery(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  // Keys stay literal (page[size], role[]): that is how the real APIs name them.
  for (const [k, v] of new URLSearchParams(search)) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return query;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const raw = part
      .slice(i + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // A malformed escape is kept as sent rather than failing the request.
    }
    cookies[part.slice(0, i).trim()] = value;
  }
  return cookies;
}

/** JSON whatever the method (DELETE bodies carry tag lists); anything else is null, as the contract says. */
function parseJsonBody(raw: string): unknown {
  if (!raw.trim()) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function hostOf(headers: Record<string, string>): string {
  const host = headers[HOST_OVERRIDE_HEADER] || headers.host || '';
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

export async function readRequest(req: IncomingMessage): Promise<SandboxRequest> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  // Split by hand: new URL() would read a path starting with // as a host.
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    host: hostOf(headers),
    path: q < 0 ? target : target.slice(0, q),
    query: parseQuery(q < 0 ? '' : target.slice(q + 1)),
    headers,
    body: parseJsonBody(Buffer.concat(chunks).toString('utf8')),
    cookies: parseCookies(headers.cookie),
  };
}
