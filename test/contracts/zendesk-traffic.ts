import { loadSpec, validateRequest } from './openapi';

/** What the sandbox's traffic log keeps of a request (test/sandbox/traffic.ts), enough to check it. */
export interface SentRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
}

/**
 * The Sunshine Conversations calls Baton makes, as Zendesk documents them: List Conversations needs
 * `filter[userId]` (or `filter[userExternalId]`), and passControl takes `switchboardIntegration` (a name, an
 * id or "next") and an optional flat `metadata` object (developer.zendesk.com switchboard guide; Zendesk's
 * own example body in support.zendesk.com 4419179022874; the Sunshine Conversations clients' PassControlBody,
 * zendesk/sunshine-conversations-ruby). That API is not in the Support spec under ../shared/specs.
 */
function switchboardProblems(r: SentRequest): string[] {
  const where = `${r.method} ${r.path}`;
  if (r.method === 'GET' && /^\/sc\/v2\/apps\/[^/]+\/conversations$/.test(r.path)) {
    const q = r.query ?? {};
    const unknown = Object.keys(q).filter((k) => !/^filter\[(userId|userExternalId)\]$|^page\[(after|before|size)\]$/.test(k));
    if (unknown.length) return [`${where}: undocumented query ${unknown.join(', ')}`];
    return q['filter[userId]'] || q['filter[userExternalId]'] ? [] : [`${where}: filter[userId] is required`];
  }
  if (r.method === 'POST' && /^\/sc\/v2\/apps\/[^/]+\/conversations\/[^/]+\/passControl$/.test(r.path)) {
    const b = (r.body ?? {}) as Record<string, unknown>;
    const out: string[] = [];
    const extra = Object.keys(b).filter((k) => k !== 'switchboardIntegration' && k !== 'metadata');
    if (extra.length) out.push(`${where}: body has undocumented ${extra.join(', ')}`);
    if (typeof b.switchboardIntegration !== 'string' || !b.switchboardIntegration) out.push(`${where}: switchboardIntegration is required`);
    const meta = b.metadata;
    if (meta !== undefined && (typeof meta !== 'object' || meta === null || Object.values(meta).some((v) => typeof v === 'object'))) {
      out.push(`${where}: metadata must be a flat object`);
    }
    return out;
  }
  return [`${where}: not a documented switchboard call`];
}

/**
 * Every Zendesk API request against the official Support spec (../shared/specs/zendesk): the operation, its
 * query and body schema, and, since that spec lets unknown ticket fields through, each ticket-update key
 * against the documented TicketUpdateInput properties. Agent pages and the sandbox's admin API are not API calls.
 */
export function zendeskTrafficProblems(requests: readonly SentRequest[]): string[] {
  const spec = loadSpec('zendesk');
  const schemas = (spec.router as unknown as { definition: { components: { schemas: Record<string, { properties?: object }> } } })
    .definition.components.schemas;
  const documented = new Set(Object.keys(schemas.TicketUpdateInput?.properties ?? {}));
  if (!documented.has('safe_update')) return ['the spec copy has no TicketUpdateInput.safe_update: wrong spec file?'];
  const problems: string[] = [];
  for (const r of requests) {
    if (r.path.startsWith('/sc/')) {
      problems.push(...switchboardProblems(r));
      continue;
    }
    if (!r.path.startsWith('/api/')) continue;
    const check = validateRequest(spec, { method: r.method, path: r.path, query: r.query, body: r.body ?? undefined });
    problems.push(...check.errors.map((e) => `${r.method} ${r.path}: ${e}`));
    const ticket = (r.body as { ticket?: Record<string, unknown> } | null | undefined)?.ticket;
    if (ticket && typeof ticket === 'object') {
      for (const key of Object.keys(ticket))
        if (!documented.has(key)) problems.push(`${r.method} ${r.path}: ticket.${key} is not in the spec`);
    }
  }
  return [...new Set(problems)];
}
