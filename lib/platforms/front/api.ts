import { ApiError, errorForStatus } from '../../http/errors';
import type { CallOptions } from '../../http/client';
import type { HttpRequest, HttpResponse } from '../../http/types';
import type { AdapterContext } from '../types';
import { apiBaseOf, conversationIdInUrl } from './ids';

type Method = HttpRequest['method'];

export const LABEL = 'Front';
/** Front's largest page (`limit` maximum in the spec). */
export const PAGE_LIMIT = 100;
/** A merge chain longer than this is treated as a loop. */
const MAX_MERGE_HOPS = 3;
const REDIRECTS = [301, 302, 307, 308];

export const apiBase = (ctx: AdapterContext) => apiBaseOf(ctx.apiBase);

interface Page<T> {
  _results?: T[];
  _pagination?: { next?: string | null };
}

/**
 * The next page as Front links it (`_pagination.next`, a full URL), followed as returned. It must stay on
 * the API host Baton was configured with: the token is only ever sent there.
 */
function nextPage(ctx: AdapterContext, what: string) {
  const base = new URL(apiBase(ctx));
  return (res: HttpResponse): HttpRequest | null => {
    const next = (res.body as Page<unknown> | null)?._pagination?.next;
    if (!next) return null;
    const url = new URL(next, base);
    if (url.origin !== base.origin) {
      throw new ApiError(
        `Front sent the next page of ${what} on another address (${url.host}), and Baton only sends your token to ${base.host}. Set Front's API address in Options to ${url.origin}.`,
        'unexpected',
      );
    }
    return { method: 'GET', url: url.toString() };
  };
}

/**
 * Every item of a Front list, page after page. `query` is only for endpoints whose spec declares paging
 * parameters (limit, page_token); the others still get their `_pagination.next` followed if it is there.
 */
export function listAll<T>(ctx: AdapterContext, path: string, what: string, query: Record<string, string> = {}): Promise<T[]> {
  const url = new URL(`${apiBase(ctx)}${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return ctx.http.paginate<T>(
    { method: 'GET', url: url.toString() },
    { action: `read ${what}`, items: (res) => (res.body as Page<T> | null)?._results ?? [], next: nextPage(ctx, what), maxPages: 100 },
  );
}

export function getJson<T>(ctx: AdapterContext, path: string, action: string): Promise<T> {
  return ctx.http.call({ method: 'GET', url: `${apiBase(ctx)}${path}` }, { action }).then((r) => r.body as T);
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
export async function getConversation<T extends { id: string }>(ctx: AdapterContext, id: string): Promise<T> {
  const action = 'read the conversation';
  let current = id;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
    const res = await ctx.http.call({ method: 'GET', url: `${apiBase(ctx)}/conversations/${current}` }, { action, accept: REDIRECTS });
    if (!REDIRECTS.includes(res.status)) return res.body as T;
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
    const res = await ctx.http.call(
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
