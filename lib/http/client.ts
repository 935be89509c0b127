import { sharedPacer, type RatePacer } from './budget';
import { ApiError, errorForStatus } from './errors';
import { TransportError, type HttpRequest, type HttpResponse, type Transport } from './types';

export interface HttpClientOptions {
  transport: Transport;
  /** The platform's label, shown in error sentences. */
  platformLabel: string;
  /** Added to every request (auth headers are added by the transport, never here). */
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Retries for idempotent requests on 5xx and network errors. */
  maxRetries?: number;
  /** Longest Retry-After Baton will wait inside one call before giving the error to the agent. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called with every response, e.g. to count requests. */
  onResponse?: (req: HttpRequest, res: HttpResponse) => void;
  /** Keeps requests under the budget the helpdesk's answers announce; the worker's shared one by default. */
  pacer?: RatePacer;
}

export interface CallOptions {
  /** What the agent would call this, used in error sentences: "add the tags". */
  action: string;
  /**
   * Safe to send twice. Non-idempotent writes (posting a note) are never retried blindly: a timeout
   * becomes an outcome-unknown error and the caller checks before sending again.
   */
  idempotent?: boolean;
  /** Status codes the caller handles itself (returned instead of thrown). */
  accept?: number[];
}

export interface HttpClient {
  call(req: HttpRequest, opts: CallOptions): Promise<HttpResponse>;
  /** Follows a cursor/page chain: `next` extracts the next request from a response, or null. */
  paginate<T>(
    first: HttpRequest,
    opts: CallOptions & { items: (res: HttpResponse) => T[]; next: (res: HttpResponse) => HttpRequest | null; maxPages?: number },
  ): Promise<T[]>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Parses Retry-After (seconds or HTTP date) or a reset timestamp header into milliseconds from now. */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
  const h = lower(headers);
  const ra = h['retry-after'];
  if (ra !== undefined) {
    const secs = Number(ra);
    if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
    const date = Date.parse(ra);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  // Some APIs send x-ratelimit-reset as a Unix timestamp (seconds), others ratelimit-reset as seconds to wait.
  const reset = h['x-ratelimit-reset'];
  if (reset !== undefined && Number.isFinite(Number(reset))) {
    const n = Number(reset);
    return Math.max(0, n > 1e9 ? n * 1000 - now : n * 1000);
  }
  const zreset = h['ratelimit-reset'];
  if (zreset !== undefined && Number.isFinite(Number(zreset))) return Math.max(0, Number(zreset) * 1000);
  return undefined;
}

function lower(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const {
    transport,
    platformLabel,
    timeoutMs = 15_000,
    maxRetries = 2,
    maxRetryAfterMs = 60_000,
    sleep = defaultSleep,
    random = Math.random,
    pacer = sharedPacer,
  } = options;
  // The longest Baton holds a request for the budget: past that, the helpdesk's own 429 decides.
  const maxPaceMs = maxRetryAfterMs;

  async function call(req: HttpRequest, opts: CallOptions): Promise<HttpResponse> {
    const idempotent = opts.idempotent ?? req.method === 'GET';
    const full: HttpRequest = {
      ...req,
      headers: {
        Accept: 'application/json',
        ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...options.headers,
        ...req.headers,
      },
      timeoutMs: req.timeoutMs ?? timeoutMs,
    };
    let attempt = 0;
    let rateLimitWaits = 0;
    for (;;) {
      let res: HttpResponse;
      const pace = Math.min(pacer.waitFor(full.url), maxPaceMs);
      if (pace > 0) await sleep(pace);
      try {
        res = await transport(full);
      } catch (e) {
        const kind = e instanceof TransportError ? e.kind : 'network';
        // The relay already waited for a tab; its sentence names the tab to open.
        if (kind === 'no_tab') throw new ApiError((e as Error).message, 'no_tab');
        // A write whose tab went away is not resent blindly: the executor checks what landed first.
        const retriable = kind === 'tab_gone' ? full.method === 'GET' : idempotent;
        if (retriable && attempt < maxRetries) {
          attempt++;
          await sleep(backoff(attempt));
          continue;
        }
        if (kind === 'tab_gone') {
          throw new ApiError(
            `The ${platformLabel} tab carrying the request to ${opts.action} closed or reloaded before ${platformLabel} answered. Baton checks what landed and finishes by itself once a ${platformLabel} tab is open again.`,
            'interrupted',
            undefined,
            !idempotent,
          );
        }
        throw new ApiError(
          kind === 'timeout'
            ? `${platformLabel} did not answer in time, so Baton does not know whether it could ${opts.action}. Retry checks before repeating it.`
            : `Could not reach ${platformLabel} to ${opts.action}: the connection failed. Check your network and retry.`,
          kind,
          undefined,
          // A dropped connection after sending is as uncertain as a timeout for writes.
          !idempotent,
        );
      }
      pacer.observe(full.url, res.headers);
      options.onResponse?.(full, res);
      if (opts.accept?.includes(res.status)) return res;
      if (res.status >= 200 && res.status < 300) return res;
      if (res.status === 429) {
        const wait = retryAfterMs(res.headers) ?? backoff(attempt + 1);
        // A 429 means the request was not processed, so waiting and resending is safe even for writes.
        if (wait <= maxRetryAfterMs && rateLimitWaits < 3) {
          rateLimitWaits++;
          await sleep(wait);
          continue;
        }
        throw errorForStatus(429, opts.action, platformLabel, res.body, wait);
      }
      if (res.status >= 500 && idempotent && attempt < maxRetries) {
        attempt++;
        await sleep(backoff(attempt));
        continue;
      }
      throw errorForStatus(res.status, opts.action, platformLabel, res.body);
    }
  }

  function backoff(attempt: number): number {
    const base = 300 * 2 ** (attempt - 1);
    return Math.round(base / 2 + random() * base);
  }

  async function paginate<T>(
    first: HttpRequest,
    opts: CallOptions & { items: (res: HttpResponse) => T[]; next: (res: HttpResponse) => HttpRequest | null; maxPages?: number },
  ): Promise<T[]> {
    const out: T[] = [];
    let req: HttpRequest | null = first;
    for (let page = 0; req && page < (opts.maxPages ?? 50); page++) {
      const res = await call(req, opts);
      out.push(...opts.items(res));
      req = opts.next(res);
    }
    return out;
  }

  return { call, paginate };
}

export interface FetchTransportOptions {
  /**
   * Which cookies ride along. Token requests must send none ('omit', the default): with the agent's session
   * cookie present, some helpdesks treat the call as a browser session and demand a CSRF token. Same-origin
   * session requests from the agent's tab pass 'same-origin' so the session is what authenticates them.
   */
  credentials?: RequestCredentials;
  /**
   * 'manual' for requests that carry a token: a redirect is answered, never followed, so the token's
   * destination is exactly the URL Baton checked. (A browser hides a redirect it did not follow; that answer
   * becomes a network error naming the redirect.)
   */
  redirect?: RequestRedirect;
}

/** Transport over the global fetch, used by the background worker, the agent's tab, the CLI and Node tests. */
export function fetchTransport(
  fetchImpl: typeof fetch = fetch,
  extraHeaders: Record<string, string> = {},
  { credentials = 'omit', redirect = 'follow' }: FetchTransportOptions = {},
): Transport {
  return async (req) => {
    const ctrl = new AbortController();
    const timer = req.timeoutMs ? setTimeout(() => ctrl.abort(), req.timeoutMs) : undefined;
    try {
      const res = await fetchImpl(req.url, {
        method: req.method,
        headers: { ...req.headers, ...extraHeaders },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: ctrl.signal,
        credentials,
        redirect,
      });
      if (res.type === 'opaqueredirect') {
        throw new TransportError(`${new URL(req.url).host} answered with a redirect, which Baton does not follow with a token`, 'network');
      }
      const text = await res.text();
      let body: unknown = null;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      return { status: res.status, headers, body, url: res.url };
    } catch (e) {
      if (ctrl.signal.aborted) throw new TransportError('timed out', 'timeout');
      throw new TransportError(e instanceof Error ? e.message : String(e), 'network');
    } finally {
      if (timer) clearTimeout(timer);
    }
  };
}
