import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { OpenAPIRouter, OpenAPIValidator, type Operation } from 'openapi-backend';
import YAML from 'yaml';

export type SpecName = 'front' | 'zendesk';

export interface ContractSpec {
  name: SpecName;
  file: string;
  router: OpenAPIRouter;
  validator: OpenAPIValidator;
}

export interface ContractRequest {
  method: string;
  /** Path as sent, e.g. /api/v2/tickets/12.json; a query string or a full URL is accepted too. */
  path: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RequestCheck {
  operationId?: string;
  errors: string[];
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

// shared/ is not part of the repository: CI clones the repository next to a copy of it.
const SPEC_FILES: Record<SpecName, string> = {
  front: '../shared/specs/front/core-api.json',
  zendesk: '../shared/specs/zendesk/openapi-src.yaml',
};

/**
 * Query parameters the platform documents for all list endpoints (pagination, sorting) but the spec does
 * not repeat on each operation. Only accepted where the operation does not declare them itself.
 */
const GLOBAL_QUERY: Record<SpecName, string[]> = {
  zendesk: ['page', 'per_page', 'page[size]', 'page[after]', 'page[before]', 'sort', 'sort_by', 'sort_order'],
  front: [],
};

const FORMATS = {
  'date-time': /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i,
  datetime: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  email: /^[^\s@]+@[^\s@]+$/,
  url: /^[a-z][a-z0-9+.-]*:\S+$/i,
  uri: /^[a-z][a-z0-9+.-]*:\S+$/i,
  // Descriptive "formats" these specs use that constrain nothing.
  string: true,
  text: true,
  integer: true,
  binary: true,
} as const;

const cache = new Map<SpecName, ContractSpec>();

export function specFile(name: SpecName): string {
  return resolve(REPO_ROOT, SPEC_FILES[name]);
}

/** Parsed, dereferenced and routed once per process; validators compile per operation on first use. */
export function loadSpec(name: SpecName): ContractSpec {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = specFile(name);
  if (!existsSync(file)) {
    throw new Error(`Contract spec missing at ${file}: the shared/ folder must sit next to the repository (as in CI).`);
  }
  const text = readFileSync(file, 'utf8');
  const doc = normalise(dereference(name === 'zendesk' ? parseYaml(text) : JSON.parse(text)));
  const router = new OpenAPIRouter({ definition: doc });
  // The router rebuilds its operation list on every match; the spec never changes, so build it once.
  const operations = router.getOperations();
  router.getOperations = () => operations;
  const validator = new OpenAPIValidator({
    definition: doc,
    router,
    lazyCompileValidators: true,
    ajvOpts: { strict: false, allErrors: true, formats: FORMATS },
  });
  const spec = { name, file, router, validator };
  cache.set(name, spec);
  return spec;
}

function parseYaml(text: string): unknown {
  // YAML 1.1 readers resolve a bare "=" (Zendesk trigger examples, ~line 25486) to this tag; keep it a string.
  const valueTag = { tag: 'tag:yaml.org,2002:value', resolve: (s: string) => s };
  return YAML.parse(text, { customTags: [valueTag], maxAliasCount: -1 });
}

/** Replaces local $refs by the objects they point to, in place; cycles stay object cycles. */
function dereference<T>(doc: T): T {
  const root = doc as Record<string, unknown>;
  const seen = new WeakSet<object>();
  const target = (ref: string): unknown => {
    let node: unknown = root;
    for (const raw of ref.replace(/^#\/?/, '').split('/')) {
      if (raw === '') continue;
      node = (node as Record<string, unknown>)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
    return node;
  };
  const resolveRef = (node: unknown): unknown => {
    for (let hops = 0; isRef(node); hops++) {
      if (hops > 50) throw new Error(`$ref loop at ${node.$ref}`);
      node = target(node.$ref);
    }
    return node;
  };
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const obj = node as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      obj[key] = resolveRef(obj[key]);
      walk(obj[key]);
    }
  };
  walk(root);
  return doc;
}

const isRef = (n: unknown): n is { $ref: string } =>
  !!n && typeof n === 'object' && typeof (n as { $ref?: unknown }).$ref === 'string' && (n as { $ref: string }).$ref.startsWith('#');

/**
 * Where a spec's schema contradicts its own words, follow the words, since that is what the API accepts:
 * - Zendesk declares `role[]` (sent as role[]=agent&role[]=admin) with a string schema; a repeated key is an
 *   array, so the schema becomes an array of that string.
 * - Front documents "Set it to null to unassign" on string fields that are not marked nullable.
 */
function normalise<T>(doc: T): T {
  const paths = (doc as { paths?: Record<string, Record<string, { parameters?: Param[] }>> }).paths ?? {};
  const arrayed = new WeakSet<object>();
  for (const item of Object.values(paths)) {
    for (const op of [item, ...Object.values(item)]) {
      for (const p of (op as { parameters?: Param[] })?.parameters ?? []) {
        if (p.in === 'query' && p.name.endsWith('[]') && p.schema && p.schema.type !== 'array' && !arrayed.has(p)) {
          p.schema = { type: 'array', items: p.schema };
          arrayed.add(p);
        }
      }
    }
  }
  // Zendesk's spec lists some collection paths with the parameters of their nested aliases (ListGroups
  // requires `user_id` from /users/{user_id}/groups, ListGroupMemberships `group_id` and `user_id`): a path
  // parameter the path itself has no place for is dropped, as the request cannot carry it.
  for (const [path, item] of Object.entries(paths)) {
    for (const op of Object.values(item)) {
      const o = op as { parameters?: Param[] } | undefined;
      if (!o || !Array.isArray(o.parameters)) continue;
      o.parameters = o.parameters.filter((p) => p.in !== 'path' || path.includes(`{${p.name}}`));
    }
  }
  const seen = new WeakSet<object>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const s = node as Record<string, unknown>;
    if (typeof s.type === 'string' && typeof s.description === 'string' && /set (it )?to null/i.test(s.description)) s.nullable = true;
    for (const v of Object.values(s)) walk(v);
  };
  walk(doc);
  return doc;
}

interface Param {
  name: string;
  in: string;
  schema?: { type?: string } & Record<string, unknown>;
}

function splitTarget(req: ContractRequest): { path: string; query: Record<string, string | string[]> } {
  let path = req.path.replace(/^[a-z]+:\/\/[^/]+/i, '') || '/';
  const query: Record<string, string | string[]> = {};
  const q = path.indexOf('?');
  if (q >= 0) {
    for (const [k, v] of new URLSearchParams(path.slice(q + 1))) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    path = path.slice(0, q);
  }
  return { path, query: { ...query, ...(req.query ?? {}) } };
}

/** Zendesk accepts /tickets/1 and /tickets/1.json; the spec lists most paths without .json, a few with it. */
function findOperation(spec: ContractSpec, method: string, path: string): { op: Operation; path: string } | undefined {
  const candidates = spec.name === 'zendesk' && path.endsWith('.json') ? [path.slice(0, -'.json'.length), path] : [path];
  for (const p of candidates) {
    const op = spec.router.matchOperation({ method, path: p, headers: {} });
    if (op) return { op, path: p };
  }
  return undefined;
}

export function validateRequest(spec: ContractSpec, req: ContractRequest): RequestCheck {
  const method = req.method.toUpperCase();
  const { path, query } = splitTarget(req);
  const found = findOperation(spec, method, path);
  if (!found) return { errors: [`no operation for ${method} ${path}`] };
  const { op } = found;

  const declared = new Set((op.parameters ?? []).map((p) => ('name' in p ? p.name : '')));
  const checkedQuery = Object.fromEntries(Object.entries(query).filter(([k]) => declared.has(k) || !GLOBAL_QUERY[spec.name].includes(k)));
  const errors: string[] = [];
  const hasBody = req.body !== undefined && req.body !== null;
  const requestBody = op.requestBody && !('$ref' in op.requestBody) ? op.requestBody : undefined;
  const bodySchema = requestBody?.content?.['application/json']?.schema as { required?: string[] } | undefined;
  // Front marks few bodies required, but a schema with required fields cannot be satisfied by no body.
  if (!hasBody && (requestBody?.required || bodySchema?.required?.length)) {
    errors.push(`body is required${bodySchema?.required?.length ? ` (with ${bodySchema.required.join(', ')})` : ''}`);
  }

  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
  if (hasBody) headers['content-type'] ??= 'application/json';
  else delete headers['content-type'];

  const result = spec.validator.validateRequest(
    { method, path: found.path, query: checkedQuery, headers, body: hasBody ? req.body : undefined },
    op,
  );
  errors.push(...formatErrors(result.errors));
  return { operationId: op.operationId, errors: dedupe(errors) };
}

/**
 * Checks a response body against the operation's schema for that status. Error statuses the spec does not
 * document pass: these specs list few of them, and the sandbox's envelopes are checked elsewhere.
 */
export function validateResponse(spec: ContractSpec, operationId: string, status: number, body: unknown): string[] {
  const op = spec.router.getOperation(operationId);
  if (!op) return [`unknown operation ${operationId}`];
  const responses = (op.responses ?? {}) as Record<string, { content?: Record<string, { schema?: unknown }> }>;
  const documented = responses[String(status)] ?? responses[`${Math.floor(status / 100)}XX`] ?? responses.default;
  if (!documented)
    return status < 400 ? [`${operationId} documents no ${status} response (documented: ${Object.keys(responses).join(', ')})`] : [];
  const schema = documented.content?.['application/json']?.schema;
  if (!schema) return [];
  const result = spec.validator.validateResponse(body, op, status);
  return dedupe(formatErrors(result.errors, 'response'));
}

function formatErrors(errors: ErrorObject[] | null | undefined, root?: string): string[] {
  return (errors ?? []).map((e) => {
    const where =
      (root ?? '') +
      e.instancePath
        .replace(/^\/requestBody/, 'body')
        .replace(/^\//, root ? '.' : '')
        .replace(/\//g, '.');
    const p = e.params as Record<string, unknown>;
    const detail =
      p.additionalProperty !== undefined
        ? `: ${String(p.additionalProperty)}`
        : Array.isArray(p.allowedValues)
          ? `: ${p.allowedValues.map(String).join(', ')}`
          : '';
    return `${where || root || 'request'} ${e.message ?? e.keyword}${detail}`;
  });
}

const dedupe = (xs: string[]) => [...new Set(xs)];
