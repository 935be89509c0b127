/**
 * Contract between the sandbox core (server.ts: HTTPS, host routing, admin API, faults, traffic log)
 * and each platform module (platforms/{front,gorgias,zendesk}.ts, openai.ts).
 */
export interface SandboxRequest {
  method: string;
  /** Host the browser asked for, e.g. acme.zendesk.com (from Host, or X-Sandbox-Host for Node tests). */
  host: string;
  /** Path without query, as the real API has it: /api/v2/tickets/12/tags */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** Parsed JSON body, or null. */
  body: unknown;
  /** Cookies sent by the browser. */
  cookies: Record<string, string>;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Object → JSON; string → sent as is (HTML pages use contentType). */
  body?: unknown;
  contentType?: string;
}

export interface SandboxPlatform {
  /** "front" | "gorgias" | "zendesk" | "openai" | "webhooks": the traffic log's platform field. */
  name: 'front' | 'gorgias' | 'zendesk' | 'openai' | 'webhooks';
  /** Does this module serve the host? */
  handles(host: string): boolean;
  /** Returns null when the route is unknown (the core answers 404 and logs it). */
  handle(req: SandboxRequest): SandboxResponse | null | Promise<SandboxResponse | null>;
  /** Back to the seeded state. */
  reset(): void;
  /** In-memory state, for tests: conversations with tags, notes, assignee, etc. */
  state(): unknown;
}
