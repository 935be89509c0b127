import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenAISandbox, type OpenAISandbox } from '@/test/sandbox/openai';
import type { SandboxRequest } from '@/test/sandbox/types';

/**
 * A tiny node:http server around the fake OpenAI handler, so the engine is tested with the real `openai` SDK
 * over a real socket (the full sandbox server is not needed for that).
 */
export async function startLlmServer(): Promise<{ sandbox: OpenAISandbox; baseURL: string; close(): Promise<void> }> {
  const sandbox = createOpenAISandbox();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const url = new URL(req.url ?? '/', 'http://llm.test');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const sreq: SandboxRequest = {
      method: req.method ?? 'GET',
      host: 'api.openai.com',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      cookies: {},
    };
    try {
      const out = await sandbox.handle(sreq);
      const status = out?.status ?? 404;
      res.writeHead(status, { 'content-type': 'application/json', ...(out?.headers ?? {}) });
      res.end(JSON.stringify(out?.body ?? { error: { message: 'not found', type: 'invalid_request_error', code: null } }));
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(e), type: 'server_error', code: null } }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    sandbox,
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
