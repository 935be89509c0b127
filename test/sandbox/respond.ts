import type { ServerResponse } from 'node:http';
import type { SandboxResponse } from './types';

const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-CSRF-Token', 'Accept', 'X-Requested-With'];
// Clients read these on errors (Retry-After on 429) and for paging; the browser hides them unless exposed.
const EXPOSED_HEADERS = [
  'Retry-After',
  'Location',
  'X-Rate-Limit',
  'X-Rate-Limit-Remaining',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-Gorgias-Account-Api-Call-Limit',
];

/**
 * Baton's worker calls the APIs with host permissions, so CORS should not matter; answering permissively
 * keeps page-context calls (and a future change of where requests are made) from failing for CORS reasons.
 */
export function corsHeaders(headers: Record<string, string>): Record<string, string> {
  const origin = headers.origin;
  if (!origin) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
    Vary: 'Origin',
  };
}

export function preflightHeaders(headers: Record<string, string>): Record<string, string> {
  const requested = (headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const allow = [...new Set([...ALLOWED_HEADERS, ...requested])];
  return {
    ...corsHeaders(headers),
    'Access-Control-Allow-Origin': headers.origin ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': allow.join(', '),
    'Access-Control-Max-Age': '600',
    // Chromium treats the mapped real hosts as 127.0.0.1, so it asks before any page may reach them.
    ...(headers['access-control-request-private-network'] === 'true' ? { 'Access-Control-Allow-Private-Network': 'true' } : {}),
  };
}

export function send(res: ServerResponse, out: SandboxResponse, extra: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string> = { ...extra, ...(out.headers ?? {}) };
  const hasContentType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
  let payload: string | undefined;
  const bodyless = out.status === 204 || out.status === 304 || out.body === undefined || out.body === null;
  if (!bodyless) {
    const text = typeof out.body === 'string';
    payload = text ? (out.body as string) : JSON.stringify(out.body);
    if (!hasContentType)
      headers['Content-Type'] = out.contentType ?? (text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}
