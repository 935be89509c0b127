import type { z } from 'zod';
import { ApiError, errorForStatus } from '../../http/errors';
import { parseBody } from '../../http/parse';
import type { HttpRequest, HttpResponse } from '../../http/types';
import { expiring } from '../cache';
import type { AdapterContext } from '../types';
import { originOf } from './urls';
import {
  CommentsPageSchema,
  ConversationLogPageSchema,
  ErrorSchema,
  MeSchema,
  TicketSchema,
  type ZComment,
  type ZLogEvent,
  type ZPage,
  type ZTicket,
  type ZUser,
} from './schemas';

const LABEL = 'Zendesk';
const csrfTokens = expiring(new Map<string, string>());

export const apiUrl = (ctx: AdapterContext, path: string) => `${originOf(ctx.ref.account)}/api/v2${path}`;

/** GET and validate: every answer Baton reads goes through its schema first. */
export async function getJson<S extends z.ZodType>(
  ctx: AdapterContext,
  pathOrUrl: string,
  schema: S,
  action: string,
): Promise<z.output<S>> {
  const url = pathOrUrl.startsWith('https://') ? pathOrUrl : apiUrl(ctx, pathOrUrl);
  const res = await ctx.http.call({ method: 'GET', url }, { action });
  return parseBody(schema, res.body, LABEL, action);
}

export async function fetchMe(ctx: AdapterContext, action: string) {
  return (await getJson(ctx, '/users/me.json', MeSchema, action)).user;
}

/**
 * Session writes carry the CSRF token Zendesk hands out on users/me (its documented same-origin route),
 * fetched once per account. Token mode sends none: its requests must carry no cookie at all.
 */
async function csrfHeader(ctx: AdapterContext, refresh = false): Promise<Record<string, string>> {
  if (ctx.authMode !== 'session') return {};
  let token = refresh ? undefined : csrfTokens.get(ctx.ref.account);
  if (!token) {
    const me = await fetchMe(ctx, 'sign in with your Zendesk session');
    if (me.id === null || !me.authenticity_token) {
      throw new ApiError('Zendesk did not recognise your session. Sign in to Zendesk again, or set an API token in Options.', 'auth', 401);
    }
    token = me.authenticity_token;
    csrfTokens.set(ctx.ref.account, token);
  }
  return { 'X-CSRF-Token': token };
}

/** Warms the CSRF token while the conversation is read, so the click's write does not wait for it. */
export const prefetchCsrf = (ctx: AdapterContext) => csrfHeader(ctx).catch(() => ({}));

function isCsrfRefusal(body: unknown): boolean {
  const b = ErrorSchema.safeParse(body);
  if (!b.success) return typeof body === 'string' && /authenticity token/i.test(body);
  return b.data.error === 'InvalidAuthenticityToken' || /authenticity token/i.test(b.data.description ?? '');
}

function forbidden(ctx: AdapterContext, body: unknown, action: string): ApiError {
  if (!isCsrfRefusal(body)) return errorForStatus(403, action, LABEL, body);
  return ctx.authMode === 'session'
    ? new ApiError(
        `Zendesk refused your session's security token, so Baton could not ${action}. Reload the Zendesk tab and retry.`,
        'forbidden',
        403,
      )
    : new ApiError(
        `Zendesk treated the API-token request as a browser session (a Zendesk cookie travelled with it) and refused it without a security token, so Baton could not ${action}. Retry; if it persists, choose "Your own Zendesk session" in Options.`,
        'forbidden',
        403,
      );
}

/** A write; a session whose CSRF token was rotated gets one fresh token and one more try. */
export async function write(ctx: AdapterContext, req: HttpRequest, action: string, idempotent: boolean): Promise<HttpResponse> {
  const send = async (refresh: boolean) =>
    ctx.http.call({ ...req, headers: { ...req.headers, ...(await csrfHeader(ctx, refresh)) } }, { action, idempotent, accept: [403] });
  let res = await send(false);
  if (res.status === 403 && ctx.authMode === 'session' && isCsrfRefusal(res.body)) res = await send(true);
  if (res.status === 403) throw forbidden(ctx, res.body, action);
  return res;
}

export async function readTicket(ctx: AdapterContext, action = 'read the ticket'): Promise<ZTicket> {
  return (await getJson(ctx, `/tickets/${ctx.ref.conversationId}.json`, TicketSchema, action)).ticket;
}

/** Every comment (public and internal notes), with their authors, following cursor pages. */
export async function readComments(
  ctx: AdapterContext,
  action = 'read the ticket comments',
): Promise<{ comments: ZComment[]; users: Map<number, ZUser> }> {
  const users = new Map<number, ZUser>();
  const comments = await ctx.http.paginate<ZComment>(
    { method: 'GET', url: apiUrl(ctx, `/tickets/${ctx.ref.conversationId}/comments.json?page[size]=100&include=users`) },
    {
      action,
      items: (res) => {
        const page = parseBody(CommentsPageSchema, res.body, LABEL, action);
        for (const u of page.users ?? []) users.set(u.id, u);
        return page.comments;
      },
      next: (res) => {
        const page = parseBody(CommentsPageSchema, res.body, LABEL, action);
        return page.meta?.has_more && page.links?.next ? { method: 'GET', url: page.links.next } : null;
      },
    },
  );
  return { comments, users };
}

/**
 * Every page of a list: Zendesk lists return at most 100 records a page (spec, "Pagination"), so accounts
 * with more groups, agents or views than that need the next pages. Cursor pages say `meta.has_more` and
 * `links.next`; offset pages say `next_page`. Either next address stays on the account's own origin.
 */
export async function getAll<S extends z.ZodType<ZPage>, T>(
  ctx: AdapterContext,
  path: string,
  schema: S,
  items: (page: z.output<S>) => T[],
  action: string,
): Promise<T[]> {
  const origin = new URL(apiUrl(ctx, '/')).origin;
  const nextOf = (page: ZPage): string | null => {
    const next = page.meta?.has_more === false ? null : (page.links?.next ?? page.next_page ?? null);
    return next && URL.canParse(next) && new URL(next).origin === origin ? next : null;
  };
  return ctx.http.paginate<T>(
    { method: 'GET', url: apiUrl(ctx, path) },
    {
      action,
      items: (res) => items(parseBody(schema, res.body, LABEL, action)),
      next: (res) => {
        const url = nextOf(parseBody(schema, res.body, LABEL, action));
        return url ? { method: 'GET', url } : null;
      },
    },
  );
}

/**
 * The ticket's conversation log (spec ListConversationLogForTicket, cursor pages of up to 100): on messaging
 * tickets the chat turns live here, not in the comments.
 */
export async function readLog(ctx: AdapterContext, action = 'read the conversation log'): Promise<ZLogEvent[]> {
  return getAll(
    ctx,
    `/tickets/${ctx.ref.conversationId}/conversation_log.json?page[size]=100`,
    ConversationLogPageSchema,
    (p) => p.events,
    action,
  );
}
