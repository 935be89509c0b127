import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxModule } from '@/test/sandbox/admin';
import type { SandboxRequest, SandboxResponse } from '@/test/sandbox/types';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
  peerSubjectAltName?: string;
}

export interface CallOptions {
  port: number;
  tls?: boolean;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** TLS server name, as Chromium sends it for the real hostname. */
  servername?: string;
}

/** One request on a fresh connection (no pooling between tests), self-signed certificate accepted. */
export function call(o: CallOptions): Promise<Reply> {
  const payload = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (payload !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const base = { host: '127.0.0.1', port: o.port, method: o.method ?? 'GET', path: o.path, headers, agent: false as const };
  return new Promise((resolve, reject) => {
    const onResponse = (res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        const peer = o.tls ? (res.socket as import('node:tls').TLSSocket).getPeerCertificate?.()?.subjectaltname : undefined;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, peerSubjectAltName: peer });
      });
    };
    const req = o.tls
      ? https.request({ ...base, rejectUnauthorized: false, servername: o.servername }, onResponse)
      : http.request(base, onResponse);
    req.on('error', reject);
    req.end(payload);
  });
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'baton-sandbox-test-'));

export type Stub = SandboxModule & { count: number; resets: number; adminPaths: string[] };

/**
 * A tiny platform: echoes what the core parsed, counts POST /api/items (state the tests can watch change),
 * and has admin routes /__admin/<name>/bump (counts) and /__admin/<name>/nothing (returns null).
 */
function stubPlatform(name: SandboxModule['name'], handles: (host: string) => boolean, withAdmin = true): Stub {
  const stub: Stub = {
    name,
    count: 0,
    resets: 0,
    adminPaths: [],
    handles,
    handle(req: SandboxRequest): SandboxResponse | null {
      if (req.path === '/api/items' && req.method === 'POST') {
        stub.count++;
        return { status: 201, body: { count: stub.count } };
      }
      if (req.path.startsWith('/api/echo') || req.path.startsWith('/v1/echo')) {
        const { method, host, path, query, body, cookies } = req;
        return { status: 200, body: { platform: name, method, host, path, query, body, cookies, auth: req.headers.authorization ?? null } };
      }
      if (req.path === '/page') return { status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><p>page</p>' };
      if (req.path === '/api/empty') return { status: 204 };
      return null;
    },
    reset() {
      stub.count = 0;
      stub.resets++;
    },
    state: () => ({ name, count: stub.count }),
  };
  if (withAdmin) {
    stub.admin = (req) => {
      stub.adminPaths.push(req.path);
      if (req.path === `/__admin/${name}/bump` && req.method === 'POST') {
        stub.count += Number((req.body as { by?: number } | null)?.by ?? 1);
        return { status: 201, body: { count: stub.count } };
      }
      return null;
    };
  }
  return stub;
}

export function stubPlatforms() {
  return {
    zendesk: stubPlatform('zendesk', (h) => h.endsWith('.zendesk.com')),
    front: stubPlatform('front', (h) => h === 'app.frontapp.com' || h === 'api2.frontapp.com'),
    gorgias: stubPlatform('gorgias', (h) => h.endsWith('.gorgias.com')),
    openai: stubPlatform('openai', (h) => h === 'api.openai.com', false),
  };
}
