import { z } from 'zod';
import type { HttpResponse } from '../../lib/http/types';
import type { SandboxRequest } from '../sandbox/types';

/**
 * Gorgias has no current official OpenAPI file (shared/specs/gorgias/openapi.json is the obsolete 2016 one),
 * so the contract Baton and the sandbox are held to is written down here: every route with its method, path,
 * query, body and response shapes, each with its source in shared/research/api-contracts.md §3.
 * A request that matches no row, or breaks its row, is a bug in the adapter; a response that breaks its row
 * is a bug in the sandbox.
 */
const SRC = 'shared/research/api-contracts.md §3 Gorgias';

/** Message channel and via values (Gorgias reference, as the 3P client G-MCP enumerates them); the sandbox refuses others. */
export const CHANNELS = [
  'aircall',
  'api',
  'chat',
  'contact_form',
  'email',
  'facebook',
  'facebook-mention',
  'facebook-messenger',
  'facebook-recommendations',
  'help-center',
  'instagram-ad-comment',
  'instagram-comment',
  'instagram-direct-message',
  'instagram-mention',
  'internal-note',
  'phone',
  'sms',
  'twitter',
  'twitter-direct-message',
  'whatsapp',
  'yotpo-review',
] as const;
export const VIAS = [
  'aircall',
  'api',
  'chat',
  'contact_form',
  'email',
  'facebook',
  'facebook-mention',
  'facebook-messenger',
  'facebook-recommendations',
  'form',
  'gorgias_chat',
  'help-center',
  'helpdesk',
  'instagram',
  'instagram-ad-comment',
  'instagram-comment',
  'instagram-direct-message',
  'instagram-mention',
  'internal-note',
  'offline_capture',
  'phone',
  'rule',
  'self_service',
  'shopify',
  'sms',
  'twilio',
  'twitter',
  'twitter-direct-message',
  'whatsapp',
  'yotpo',
  'yotpo-review',
  'zendesk',
] as const;

const int = z.number().int();
const intString = z.string().regex(/^\d+$/);
const datetime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/, 'ISO 8601 datetime');
const nullableText = z.string().nullable();

/** Cursor paging on every list [doc G-PAG]: limit 1..100 (default 30), opaque cursor. */
const limit = z.string().regex(/^(?:[1-9]\d?|100)$/, 'limit must be 1..100');
const pageQuery = { cursor: z.string().min(1).optional(), limit: limit.optional() };
const page = <T extends z.ZodType>(item: T) =>
  z.strictObject({ data: z.array(item), meta: z.strictObject({ prev_cursor: z.string().nullable(), next_cursor: z.string().nullable() }) });

const person = z.object({
  id: int,
  email: nullableText,
  name: nullableText,
  firstname: nullableText.optional(),
  lastname: nullableText.optional(),
});
const tag = z.object({
  id: int,
  name: z.string().min(1).max(256),
  decoration: z.object({ color: z.string().nullish() }).nullable().optional(),
});

const message = z.object({
  id: int,
  ticket_id: int,
  channel: z.enum(CHANNELS),
  via: z.enum(VIAS),
  from_agent: z.boolean(),
  public: z.boolean(),
  sender: person,
  receiver: person.nullable(),
  subject: nullableText,
  body_text: nullableText,
  body_html: nullableText,
  stripped_text: nullableText,
  attachments: z.array(z.unknown()),
  created_datetime: datetime,
  sent_datetime: datetime.nullable(),
});

const ticket = z.object({
  id: int,
  status: z.enum(['open', 'closed']),
  priority: z.enum(['critical', 'high', 'normal', 'low']),
  channel: z.string(),
  via: z.string(),
  subject: nullableText,
  customer: person,
  assignee_user: person.nullable(),
  assignee_team: z.object({ id: int, name: z.string() }).nullable(),
  tags: z.array(tag),
  messages: z.array(message),
  created_datetime: datetime,
  updated_datetime: datetime,
  last_message_datetime: datetime.nullable(),
});

const user = z.object({
  id: int,
  email: z.string(),
  name: nullableText,
  firstname: nullableText,
  lastname: nullableText,
  active: z.boolean(),
  role: z.object({ name: z.string() }),
  created_datetime: datetime,
  deactivated_datetime: datetime.nullable(),
});

const team = z.object({ id: int, name: z.string().min(1), description: nullableText, members: z.array(person) });

const view = z.object({
  id: int,
  name: z.string(),
  type: z.literal('ticket-list'),
  visibility: z.enum(['public', 'shared', 'private']),
  filters: z.string(),
  order_by: z.string(),
  order_dir: z.enum(['asc', 'desc']),
});

const tagNames = z.strictObject({ ids: z.array(int).optional(), names: z.array(z.string().trim().min(1).max(256)).optional() });
const someTags = tagNames.refine((b) => (b.ids?.length ?? 0) + (b.names?.length ?? 0) > 0, 'at least one of ids or names');
const assigneeRef = z.strictObject({ id: int.nullable() }).nullable();

/** Error envelope seen in Gorgias's own app code: {"error": {"msg", "data"?: {field: [reasons]}}} [§3 Errors]. */
export const errorEnvelope = z.strictObject({
  error: z.strictObject({ msg: z.string().min(1), data: z.record(z.string(), z.array(z.string())).optional() }),
});

interface ContractRow {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: RegExp;
  query: z.ZodType;
  /** null: the request carries no body. */
  body: z.ZodType | null;
  /** Success status → body schema (null: no body). */
  success: Record<number, z.ZodType | null>;
  source: string;
}

const GORGIAS_CONTRACT: ContractRow[] = [
  {
    name: 'Read ticket',
    method: 'GET',
    path: /^\/api\/tickets\/\d+$/,
    query: z.strictObject({}),
    body: null,
    success: { 200: ticket },
    source: `${SRC}, Endpoints "Read ticket" (3P G-MCP: includes messages, tags, assignees)`,
  },
  {
    name: 'List tickets',
    method: 'GET',
    path: /^\/api\/tickets$/,
    query: z.strictObject({
      ...pageQuery,
      order_by: z.enum(['created_datetime:asc', 'created_datetime:desc', 'updated_datetime:asc', 'updated_datetime:desc']).optional(),
      customer_id: intString.optional(),
      view_id: intString.optional(),
    }),
    body: null,
    success: { 200: page(ticket) },
    source:
      `3P G-MCP src/tools/tickets.ts "List Tickets" (@4432c5e5): GET /api/tickets, order_by created_datetime|updated_datetime ` +
      `asc|desc (default created_datetime:desc), cursor, limit ≤ 100, customer_id, view_id, rule_id, ticket_ids; no tag filter`,
  },
  {
    name: 'List messages of a ticket',
    method: 'GET',
    path: /^\/api\/messages$/,
    query: z.strictObject({
      ticket_id: intString,
      order_by: z.enum(['created_datetime:asc', 'created_datetime:desc']).optional(),
      ...pageQuery,
    }),
    body: null,
    success: { 200: page(message) },
    source: `${SRC}, Endpoints "List messages of a ticket" (3P G-MCP) and Pagination (doc G-PAG)`,
  },
  {
    name: 'Current user / user',
    method: 'GET',
    path: /^\/api\/users\/\d+$/,
    query: z.strictObject({}),
    body: null,
    success: { 200: user },
    source: `${SRC}, Endpoints "List users; GET /api/users/0 returns the current user" (3P G-MCP)`,
  },
  {
    name: 'List users',
    method: 'GET',
    path: /^\/api\/users$/,
    query: z.strictObject(pageQuery),
    body: null,
    success: { 200: page(user) },
    source: `${SRC}, Endpoints "List users" (3P G-MCP) and Pagination (doc G-PAG)`,
  },
  {
    name: 'List tags',
    method: 'GET',
    path: /^\/api\/tags$/,
    query: z.strictObject(pageQuery),
    body: null,
    success: { 200: page(tag) },
    source: `${SRC}, Endpoints "List tags / create tag: GET /api/tags" (3P G-MCP, G-WITHONE) and Pagination (doc G-PAG)`,
  },
  {
    name: 'List teams',
    method: 'GET',
    path: /^\/api\/teams$/,
    query: z.strictObject(pageQuery),
    body: null,
    success: { 200: page(team) },
    source: `${SRC}, Endpoints "List teams" (3P G-MCP) and Pagination (doc G-PAG)`,
  },
  {
    name: 'List views',
    method: 'GET',
    path: /^\/api\/views$/,
    query: z.strictObject({ ...pageQuery, order_by: z.enum(['created_datetime:asc', 'created_datetime:desc']).optional() }),
    body: null,
    success: { 200: page(view) },
    source: `${SRC}, Endpoints "List views" and "views are a filters expression" (3P G-MCP)`,
  },
  {
    name: 'Add tags',
    method: 'POST',
    path: /^\/api\/tickets\/\d+\/tags$/,
    query: z.strictObject({}),
    body: someTags,
    success: { 201: null },
    source: `${SRC}, Endpoints "Add tags": {"ids"} and/or {"names"} → 201, no body (doc-derived 3P G-WITHONE, G-MCP)`,
  },
  {
    name: 'Set tags',
    method: 'PUT',
    path: /^\/api\/tickets\/\d+\/tags$/,
    query: z.strictObject({}),
    body: tagNames,
    success: { 202: null },
    source: `${SRC}, Endpoints "Set tags" → 202 (3P G-WITHONE, G-MCP)`,
  },
  {
    name: 'Remove tags',
    method: 'DELETE',
    path: /^\/api\/tickets\/\d+\/tags$/,
    query: z.strictObject({}),
    body: someTags,
    success: { 204: null },
    source: `${SRC}, Endpoints "Remove tags" → 204 (3P G-WITHONE, G-MCP)`,
  },
  {
    name: 'Internal note',
    method: 'POST',
    path: /^\/api\/tickets\/\d+\/messages$/,
    query: z.strictObject({}),
    body: z
      .strictObject({
        channel: z.enum(CHANNELS),
        via: z.enum(VIAS),
        from_agent: z.boolean(),
        sender: z.strictObject({ id: int.optional(), email: z.string().optional() }).nullable().optional(),
        receiver: z.strictObject({ id: int.optional(), email: z.string().optional() }).nullable().optional(),
        body_text: nullableText.optional(),
        body_html: nullableText.optional(),
        public: z.boolean().optional(),
        subject: nullableText.optional(),
        mention_ids: z.array(int).nullable().optional(),
      })
      .refine((b) => !!(b.body_text?.trim() || b.body_html?.trim()), 'a message has body_text or body_html')
      .refine((b) => b.channel !== 'internal-note' || b.public !== true, 'an internal note is not public')
      .refine((b) => !b.mention_ids || b.channel === 'internal-note', 'mention_ids only on internal notes'),
    success: { 201: message },
    source: `${SRC}, Endpoints "Internal note": channel "internal-note", via, from_agent required (doc G-MSG; body shape 3P G-MCP)`,
  },
  {
    name: 'Update ticket (assignee, tags)',
    method: 'PUT',
    path: /^\/api\/tickets\/\d+$/,
    query: z.strictObject({}),
    body: z
      .strictObject({
        assignee_user: assigneeRef.optional(),
        assignee_team: assigneeRef.optional(),
        status: z.enum(['open', 'closed']).optional(),
        priority: z.enum(['critical', 'high', 'normal', 'low']).optional(),
        subject: z.string().max(998).optional(),
        // Replaces ALL the ticket's tags: a writer must send the full list it wants.
        tags: z
          .array(
            z.strictObject({ name: z.string().trim().min(1).max(256), decoration: z.object({ color: z.string().nullish() }).nullish() }),
          )
          .optional(),
      })
      .refine((b) => Object.keys(b).length > 0, 'an update changes something')
      .refine((b) => !b.tags || new Set(b.tags.map((t) => t.name)).size === b.tags.length, 'each tag once'),
    success: { 202: ticket },
    source:
      `${SRC}, Endpoints "Assign user / team": {"assignee_user": {"id"}} / {"assignee_team": {"id"}}, null clears (doc G-UPD, 3P G-WITHONE); ` +
      `"PUT /api/tickets/{id} with tags replaces all tags" (3P G-MCP src/tools/tickets.ts "Update Ticket": tags [{name ≤256, decoration?}], "Only the fields provided will be updated"; ` +
      `3P Pipedream gorgias_oauth update-ticket action: assigneeTeamId / assigneeUserId on the same PUT)`,
  },
  // Queue watch: the tickets of a view, by update time.
  {
    name: 'List tickets',
    method: 'GET',
    path: /^\/api\/tickets$/,
    query: z.strictObject({
      ...pageQuery,
      view_id: intString.optional(),
      order_by: z.enum(['created_datetime:asc', 'created_datetime:desc', 'updated_datetime:asc', 'updated_datetime:desc']).optional(),
    }),
    body: null,
    success: { 200: page(ticket) },
    source:
      `${SRC}, Endpoints "List views; tickets in a view" and Pagination (doc G-PAG); List tickets' view_id and ` +
      `order_by updated_datetime as Gorgias's List tickets reference names them (ASSUMED: not in the written sources)`,
  },
];

function rowFor(method: string, path: string): ContractRow | undefined {
  return GORGIAS_CONTRACT.find((r) => r.method === method && r.path.test(path));
}

const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
};

/** Problems with one request Baton sent; [] when it is in the contract. */
export function checkRequest(req: SandboxRequest): string[] {
  const where = `${req.method} ${req.path}`;
  if (!/^[a-z0-9-]+\.gorgias\.com$/.test(req.host)) return [`${where}: not sent to {account}.gorgias.com but to ${req.host}`];
  const row = rowFor(req.method, req.path);
  if (!row) return [`${where}: not in the Gorgias contract`];
  const out = issues(row.query, req.query).map((i) => `${where} query ${i}`);
  if (row.body === null) {
    if (req.body !== null) out.push(`${where}: sends a body, the contract has none`);
  } else {
    out.push(...issues(row.body, req.body).map((i) => `${where} body ${i}`));
  }
  const auth = req.headers.authorization;
  const session = Object.keys(req.cookies).length > 0;
  if (auth ? !/^Basic [A-Za-z0-9+/]+=*$/.test(auth) : !session)
    out.push(`${where}: neither Basic API-key auth nor a session cookie [§3 Base URL and auth]`);
  if (req.body !== null && !/^application\/json/.test(req.headers['content-type'] ?? ''))
    out.push(`${where}: JSON body without Content-Type: application/json`);
  return out;
}

/** Problems with one sandbox response to a request; [] when it is what the contract says Gorgias answers. */
export function checkResponse(req: SandboxRequest, res: Pick<HttpResponse, 'status' | 'body'>): string[] {
  const where = `${req.method} ${req.path} → ${res.status}`;
  if (res.status >= 400) return issues(errorEnvelope, res.body).map((i) => `${where} error envelope ${i}`);
  const row = rowFor(req.method, req.path);
  if (!row) return [`${where}: answered a route that is not in the contract`];
  if (!(res.status in row.success)) return [`${where}: the contract says ${Object.keys(row.success).join('/')}`];
  const schema = row.success[res.status];
  if (schema === null)
    return res.body === null || res.body === undefined || res.body === '' ? [] : [`${where}: has a body, the contract has none`];
  return issues(schema, res.body).map((i) => `${where} ${i}`);
}
