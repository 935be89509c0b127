import type { z } from 'zod';
import { ApiError, errorForStatus } from '../../http/errors';
import type { CallOptions } from '../../http/client';
import { parseBody } from '../../http/parse';
import type { HttpRequest, HttpResponse } from '../../http/types';
import type { AdapterContext } from '../types';
import { FConversationSchema, FErrorSchema, pageSchema, type FConversation } from './schemas';
import { apiBaseOf, conversationIdInUrl } from './urls';

type Method = HttpRequest['method'];

export const LABEL = 'Front';
/** Front's largest page (`limit` maximum in the spec). */
export const PAGE_LIMIT = 100;
/** A merge chain longer than this is treated as a loop. */
const MAX_MERGE_HOPS = 3;
const MAX_PAGES = 100;
const REDIRECTS = [301, 302, 307, 308];

/** The API host from Front's own connection settings (api2 or the company's host). */
export const apiBase = (ctx: AdapterContext) => apiBaseOf(ctx.connection?.apiBase);

/**
 * Front answers 403 both for a missing scope ("Token lacks the required … scope") and for a private
 * resource the token may not touch: a conversation in a teammate's individual inbox needs a token with the
 * "Private resources" namespace, and its owner must allow API access to their resources (Front: "This agent
 * is not allowed to read the "conversation" …", "You do not have access to the resources of this teammate";
 * community.front.com/developer-q-a-37/question-about-api-tokens-permissions-91,
 * help.front.com/t/80d8nt/api-requests-failing-for-private-resources).
 */
const PRIVATE = /not allowed to (read|update|access)|resources of this teammate|private/i;

export function forbidden(action: string, body: unknown): ApiError {
  const parsed = FErrorSchema.safeParse(body);
  const said = parsed.success ? (parsed.data._error.message ?? '').trim() : '';
  if (PRIVATE.test(said)) {
    return new ApiError(
      `Baton cannot ${action}: the conversation is in a private inbox and the Front API token lacks access to private inboxes. Ask a Front admin for a token with private-resource access (the "Private resources" scope under Settings → Developers → API tokens); the inbox's owner must also allow access to their resources via the API.`,
      'forbidden',
      403,
    );
  }
  const scope = /scope[^.]*/i.exec(said)?.[0];
  return new ApiError(
    `Baton is not allowed to ${action}: the Front API token lacks the permission${scope ? ` (Front: "${said.replace(/\.$/, '')}")` : ''}. Ask a Front admin for a token with that access, then set it in Options.`,
    'forbidden',
    403,
  );
}

/** One request; 403 becomes a sentence saying which access the token lacks. */
async function send(ctx: AdapterContext, req: HttpRequest, opts: CallOptions): Promise<HttpResponse> {
  const res = await ctx.http.call(req, { ...opts, accept: [...(opts.accept ?? []), 403] });
  if (res.status === 403 && !(opts.accept ?? []).includes(403)) throw forbidden(opts.action, res.body);
  return res;
}

export async function getParsed<S extends z.ZodTypeAny>(
  ctx: AdapterContext,
  path: string,
  schema: S,
  action: string,
): Promise<z.output<S>> {
  const res = await send(ctx, { method: 'GET', url: `${apiBase(ctx)}${path}` }, { action });
  return parseBody(schema, res.body, LABEL, action);
}

/**
 * The next page as Front links it (`_pagination.next`, a full URL), followed as returned. It must stay on
 * the API host Baton was configured with: the token is only ever sent there.
 */
function nextPage(ctx: AdapterContext, next: string | null | undefined, what: string): HttpRequest | null {
  if (!next) return null;
  const base = new URL(apiBase(ctx));
  const url = new URL(next, base);
  if (url.origin !== base.origin) {
    throw new ApiError(
      `Front sent the next page of ${what} on another address (${url.host}), and Baton only sends your token to ${base.host}. Set Front's API address in Options to ${url.origin}.`,
      'unexpected',
    );
  }
  return { method: 'GET', url: url.toString() };
}

/**
 * Every item of a Front list, page after page, each page validated. `query` is only for endpoints whose
 * spec declares paging parameters (limit, page_token); the others still get `_pagination.next` followed.
 */
export async function listAll<S extends z.ZodTypeAny>(
  ctx: AdapterContext,
  path: string,
  item: S,
  what: string,
  query: Record<string, string> = {},
): Promise<z.output<S>[]> {
  const url = new URL(`${apiBase(ctx)}${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const schema = pageSchema(item);
  const action = `read ${what}`;
  const out: z.output<S>[] = [];
  let req: HttpRequest | null = { method: 'GET', url: url.toString() };
  for (let page = 0; req && page < MAX_PAGES; page++) {
    const res = await send(ctx, req, { action });
    const body = parseBody(schema, res.body, LABEL, action);
    out.push(...(body._results as z.output<S>[]));
    req = nextPage(ctx, body._pagination?.next, what);
  }
  return out;
}

/**
 * Where a merged conversation now lives: from a redirect's Location (Node, or a transport that does not
 * follow redirects), or from the final URL when the browser followed it on its own.
 */
function mergedInto(res: HttpResponse, id: string): string | null {
  if (REDIRECTS.includes(res.status)) return conversationIdInUrl(headerOf(res, 'location')) ?? '';
  const landed = conversationIdInUrl(res.url);
  return landed && landed !== id ? landed : null;
}

const headerOf = (res: HttpResponse, name: string) => Object.entries(res.headers).find(([k]) => k.toLowerCase() === name)?.[1];

function mergedWithoutTarget(action: string): ApiError {
  return new ApiError(
    `Could not ${action}: Front says this conversation was merged into another one but not which. Open the merged conversation and try again.`,
    'not_found',
    301,
  );
}

/** GET /conversations/{id}, following Front's 301 for a conversation merged into another. */
export async function getConversation(ctx: AdapterContext, id: string): Promise<FConversation> {
  const action = 'read the conversation';
  let current = id;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
    const res = await send(ctx, { method: 'GET', url: `${apiBase(ctx)}/conversations/${current}` }, { action, accept: REDIRECTS });
    if (!REDIRECTS.includes(res.status)) return parseBody(FConversationSchema, res.body, LABEL, action);
    const merged = mergedInto(res, current);
    if (!merged) throw mergedWithoutTarget(action);
    current = merged;
  }
  throw mergedWithoutTarget(action);
}

/**
 * A write under /conversations/{id}. A conversation merged after it was read answers 301: the write is
 * sent again to the conversation it was merged into. A browser follows the redirect itself, but turns a
 * redirected POST into a GET, so a POST whose response came from another conversation is sent again too.
 */
export async function writeConversation(
  ctx: AdapterContext,
  conversationId: string,
  method: Method,
  subpath: string,
  body: unknown,
  opts: CallOptions,
): Promise<HttpResponse> {
  let id = conversationId;
  const accept = opts.accept ?? [];
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
    const res = await send(
      ctx,
      { method, url: `${apiBase(ctx)}/conversations/${id}${subpath}`, body },
      { ...opts, accept: [...REDIRECTS, 404, 405, ...accept] },
    );
    const merged = mergedInto(res, id);
    const resend = merged !== null && (REDIRECTS.includes(res.status) || method === 'POST' || res.status >= 300);
    if (resend) {
      if (!merged) throw mergedWithoutTarget(opts.action);
      id = merged;
      continue;
    }
    if (res.status >= 300 && !accept.includes(res.status)) throw errorForStatus(res.status, opts.action, LABEL, res.body);
    return res;
  }
  throw mergedWithoutTarget(opts.action);
}

/** Any other write (POST /tags): 403 as a sentence, the rest as the caller accepts. */
export function write(ctx: AdapterContext, method: Method, path: string, body: unknown, opts: CallOptions): Promise<HttpResponse> {
  return send(ctx, { method, url: `${apiBase(ctx)}${path}`, body }, opts);
}
