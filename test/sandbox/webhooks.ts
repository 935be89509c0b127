import type { SandboxModule } from './admin';
import type { SandboxRequest, SandboxResponse } from './types';

/** Hosts the fake receiver answers: Slack's incoming webhooks and a generic JSON endpoint. */
const WEBHOOK_HOSTS = ['hooks.slack.com', 'hooks.example.test'] as const;

/** One POST as the receiver saw it, and what it answered. */
export interface ReceivedWebhook {
  host: string;
  path: string;
  /** Lower-cased header names, as Node gives them. */
  headers: Record<string, string>;
  body: unknown;
  answered: number;
}

/** Makes the next POSTs fail: a server error, or a 429 asking the sender to wait `retryAfter` seconds. */
interface WebhookFailure {
  times: number;
  status: number;
  retryAfter?: number;
  /** Only POSTs to this host fail; any host when absent. */
  host?: string;
}

export interface WebhookReceiver extends SandboxModule {
  received(): ReceivedWebhook[];
  failNext(f: WebhookFailure): void;
  state(): { received: ReceivedWebhook[]; failing: WebhookFailure | null };
}

const ADMIN = '/__admin/webhooks/';

/**
 * A stand-in for Slack and any JSON receiver: records every POST (headers and body, failed ones included)
 * and answers like Slack does (200 "ok"). The admin API reads and clears the record and arms failures:
 * GET /__admin/webhooks/received, POST /__admin/webhooks/clear, POST /__admin/webhooks/fail {times, status, retryAfter}.
 * CORS preflights are answered by the sandbox core, so a delivery also works without a host permission.
 */
export function createWebhookReceiver(): WebhookReceiver {
  let received: ReceivedWebhook[] = [];
  let failing: WebhookFailure | null = null;

  const answer = (req: SandboxRequest): SandboxResponse => {
    if (failing && failing.times > 0 && (!failing.host || failing.host === req.host)) {
      const { status, retryAfter } = failing;
      if (--failing.times === 0) failing = null;
      return {
        status,
        headers: retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) },
        body: status === 429 ? 'rate_limited' : 'internal_error',
        contentType: 'text/plain',
      };
    }
    if (req.body === null || typeof req.body !== 'object') return { status: 400, body: 'invalid_payload', contentType: 'text/plain' };
    return { status: 200, body: 'ok', contentType: 'text/plain' };
  };

  return {
    name: 'webhooks',
    handles: (host) => (WEBHOOK_HOSTS as readonly string[]).includes(host),
    handle(req) {
      if (req.method !== 'POST') return { status: 405, body: 'method_not_allowed', contentType: 'text/plain' };
      const res = answer(req);
      received.push({ host: req.host, path: req.path, headers: { ...req.headers }, body: req.body, answered: res.status });
      return res;
    },
    admin(req) {
      const route = `${req.method} ${req.path.slice(ADMIN.length).replace(/\/+$/, '')}`;
      if (route === 'GET received') return { status: 200, body: received };
      if (route === 'POST clear') {
        received = [];
        failing = null;
        return { status: 200, body: { ok: true } };
      }
      if (route === 'POST fail') {
        const b = (req.body ?? {}) as Partial<WebhookFailure>;
        if (!Number.isInteger(b.times) || !Number.isInteger(b.status))
          return { status: 400, body: { error: 'fail needs integer times and status' } };
        this.failNext({ times: b.times!, status: b.status!, retryAfter: b.retryAfter, host: b.host });
        return { status: 200, body: { ok: true } };
      }
      return null;
    },
    failNext(f) {
      failing = f.times > 0 ? { ...f } : null;
    },
    received: () => received.map((r) => ({ ...r })),
    reset() {
      received = [];
      failing = null;
    },
    state: () => ({ received: received.map((r) => ({ ...r })), failing }),
  };
}
