import { z } from 'zod';

const HttpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** One HTTP request as data: it can cross from the background to the tab (session auth) and back. */
export const HttpRequestSchema = z.object({
  method: HttpMethodSchema,
  url: z.string(),
  headers: z.record(z.string(), z.string()).default({}),
  /** JSON body; serialised by the transport. */
  body: z.unknown().optional(),
  timeoutMs: z.number().optional(),
});
export type HttpRequest = z.input<typeof HttpRequestSchema>;

export const HttpResponseSchema = z.object({
  status: z.number(),
  headers: z.record(z.string(), z.string()),
  /** Parsed JSON when the body is JSON, the raw text otherwise, null when empty. */
  body: z.unknown(),
  /** Final URL after redirects (a merged conversation can answer with a 301). */
  url: z.string().optional(),
});
export type HttpResponse = z.infer<typeof HttpResponseSchema>;

/**
 * Sends one request and returns whatever status came back. Rejects only when no response arrived:
 * with a TransportError whose `kind` says whether the request may have reached the server.
 */
export type Transport = (req: HttpRequest) => Promise<HttpResponse>;

/**
 * timeout: sent, no answer in time (outcome unknown). network: connection refused or dropped.
 * tab_gone: a session request was handed to the agent's tab, and the tab reloaded, navigated or closed
 * before it answered: the request may have landed, and the network is not to blame.
 * no_tab: no tab of the account could carry a session request; nothing was sent.
 */
export type TransportErrorKind = 'timeout' | 'network' | 'tab_gone' | 'no_tab';

export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: TransportErrorKind,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
