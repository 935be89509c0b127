import type { z } from 'zod';
import type { CallOptions } from '../../http/client';
import { ApiError, errorForStatus, isApiError } from '../../http/errors';
import { parseBody } from '../../http/parse';
import type { HttpRequest, HttpResponse } from '../../http/types';
import { TtlCache } from '../cache';
import type { AdapterContext } from '../types';
import { GPageSchema, GUserSchema, type GUser } from './schemas';
import { originOf } from './urls';

const LABEL = 'Gorgias';

/**
 * The sentence for a write Gorgias refused in session mode. Nothing public says Gorgias accepts the agent
 * app's session cookie for writes on /api (reads are not documented either); a 400 or 403 there most likely
 * means the session is not enough (a missing CSRF header or an API-only route), so the agent is pointed at
 * the documented way: their own email and API key, created under Settings → REST API
 * (developers.gorgias.com/docs/access-tokens-api-keys).
 */
const sessionWriteRefused = (action: string) =>
  `Could not ${action}: Gorgias refused this change from your browser session; add your Gorgias email and API key in Baton's Options (Settings → REST API in Gorgias) and retry.`;

/** Statuses that, on a write in session mode, mean the session itself was refused. */
const SESSION_WRITE_REFUSALS = [400, 403];
const isWrite = (req: HttpRequest) => req.method !== 'GET';
/** Gorgias's largest page (`limit` maximum). */
export const PAGE_LIMIT = 100;
const MAX_PAGES = 100;

export const url = (ctx: AdapterContext, path: string) => `${originOf(ctx.ref.account)}${path}`;

/**
 * Gorgias-specific wording on top of the HTTP helper's sentences:
 * - session mode: whether Gorgias accepts the agent's own session on /api is unverified, so a 401 there
 *   points to the API key in Options, the supported way;
 * - 419 is the app's "session expired";
 * - a 400 names the field Gorgias complained about ({"error": {"msg", "data": {field: [reason]}}}).
 */
function explain(ctx: AdapterContext, e: unknown, action: string): unknown {
  if (!isApiError(e)) return e;
  if (e.status === 401 && ctx.authMode === 'session') {
    return new ApiError(
      `Baton is not allowed to ${action} with your Gorgias session: Gorgias did not accept it for API requests. Add your Gorgias email and API key in Options (Gorgias: Settings → REST API), then retry.`,
      'auth',
      401,
    );
  }
  if (e.status === 419) {
    return new ApiError(`Could not ${action}: your Gorgias session has expired. Sign in to Gorgias again, then retry.`, 'auth', 419);
  }
  return e;
}

function withFieldDetail(e: ApiError, body: unknown): ApiError {
  const data = (body as { error?: { data?: unknown } } | null)?.error?.data;
  if (!data || typeof data !== 'object' || e.kind !== 'invalid') return e;
  const [field, reasons] = Object.entries(data as Record<string, unknown>)[0] ?? [];
  const reason = Array.isArray(reasons) ? reasons.find((r) => typeof r === 'string') : typeof reasons === 'string' ? reasons : undefined;
  if (!field || !reason) return e;
  const sentence = e.message.replace(/\.$/, '');
  return new ApiError(`${sentence} (${field}: ${String(reason).replace(/\.$/, '')}).`, e.kind, e.status);
}

/** Statuses whose body says which field Gorgias refused (documented: 400). */
const REFUSED = [400, 422];

export async function call(ctx: AdapterContext, req: HttpRequest, opts: CallOptions): Promise<HttpResponse> {
  const accept = opts.accept ?? [];
  const sessionWrite = ctx.authMode === 'session' && isWrite(req);
  const own = sessionWrite ? [...REFUSED, ...SESSION_WRITE_REFUSALS] : REFUSED;
  try {
    const res = await ctx.http.call(req, { ...opts, accept: [...accept, ...own] });
    if (sessionWrite && SESSION_WRITE_REFUSALS.includes(res.status) && !accept.includes(res.status)) {
      throw new ApiError(sessionWriteRefused(opts.action), 'auth', res.status);
    }
    if (REFUSED.includes(res.status) && !accept.includes(res.status)) {
      throw withFieldDetail(errorForStatus(res.status, opts.action, LABEL, res.body), res.body);
    }
    return res;
  } catch (e) {
    throw explain(ctx, e, opts.action);
  }
}

/** A response body in the shape Baton expects, or a plain sentence saying it was not. */
export const parse = <S extends z.ZodType>(schema: S, body: unknown, action: string): z.output<S> => parseBody(schema, body, LABEL, action);

/**
 * Every item of a cursor-paginated list ({data, meta.next_cursor}), following next_cursor with the same
 * query (limit, order_by, filters) until it is null. A cursor that repeats ends the walk.
 */
export async function listAll<T>(
  ctx: AdapterContext,
  path: string,
  query: Record<string, string>,
  item: z.ZodType<T>,
  action: string,
): Promise<T[]> {
  const first = new URL(url(ctx, path));
  for (const [k, v] of Object.entries(query)) first.searchParams.set(k, v);
  const seen = new Set<string>();
  try {
    return await ctx.http.paginate<T>(
      { method: 'GET', url: first.toString() },
      {
        action,
        maxPages: MAX_PAGES,
        items: (res) => parse(GPageSchema, res.body, action).data.map((x) => parse(item, x, action)),
        next: (res) => {
          const cursor = parse(GPageSchema, res.body, action).meta?.next_cursor;
          if (!cursor || seen.has(cursor)) return null;
          seen.add(cursor);
          const u = new URL(first);
          u.searchParams.set('cursor', cursor);
          return { method: 'GET', url: u.toString() };
        },
      },
    );
  } catch (e) {
    throw explain(ctx, e, action);
  }
}

/**
 * The signed-in user (GET /api/users/0): the sender Gorgias needs on an internal note. Read once per
 * account and auth mode while reading the ticket, so the click does not have to ask again.
 */
const currentUsers = new TtlCache<GUser>(10 * 60_000);
const userKey = (ctx: AdapterContext) => `${ctx.ref.account.toLowerCase()}|${ctx.authMode}`;

export async function fetchCurrentUser(ctx: AdapterContext, action = 'check who is signed in to Gorgias'): Promise<GUser> {
  const res = await call(ctx, { method: 'GET', url: url(ctx, '/api/users/0') }, { action });
  const user = parse(GUserSchema, res.body, action);
  currentUsers.set(userKey(ctx), user);
  return user;
}

export async function currentUser(ctx: AdapterContext, action?: string): Promise<GUser> {
  return currentUsers.get(userKey(ctx)) ?? fetchCurrentUser(ctx, action);
}
