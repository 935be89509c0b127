import type { SandboxRequest } from '../../types';

export class PagingError extends Error {}

/** Front's default page when no limit is asked for. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('hex');

function decode(token: string): number {
  const m = /^offset:(\d+)$/.exec(Buffer.from(token, 'hex').toString('utf8'));
  if (!/^[0-9a-f]+$/.test(token) || !m) throw new PagingError('page_token is not a token this API gave out.');
  return Number(m[1]);
}

/**
 * One page of a list the way Front pages: `limit` (at most 100) and an opaque `page_token`, with
 * `_pagination.next` a full URL on the host that was asked, keeping the other query parameters.
 */
export function paged<T>(items: T[], req: SandboxRequest, maxPageSize: number) {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.at(-1) : v);
  const rawLimit = one(req.query.limit);
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== undefined) {
    if (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1) throw new PagingError('limit must be a positive integer.');
    if (Number(rawLimit) > MAX_LIMIT) throw new PagingError(`limit must be at most ${MAX_LIMIT}.`);
    limit = Number(rawLimit);
  }
  limit = Math.min(limit, maxPageSize);
  const token = one(req.query.page_token);
  const offset = token ? decode(token) : 0;

  const self = new URL(`https://${req.host}${req.path}`);
  for (const [k, v] of Object.entries(req.query)) for (const x of Array.isArray(v) ? v : [v]) self.searchParams.append(k, x);
  let next: string | null = null;
  if (offset + limit < items.length) {
    const u = new URL(self);
    u.searchParams.set('limit', String(limit));
    u.searchParams.set('page_token', encode(offset + limit));
    next = u.toString();
  }
  return { _pagination: { next }, _links: { self: self.toString() }, _results: items.slice(offset, offset + limit) };
}
