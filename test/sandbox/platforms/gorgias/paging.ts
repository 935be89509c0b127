import type { SandboxRequest } from '../../types';

export class BadQuery extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_LIMIT = 30;
const MAX_LIMIT = 100;

export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.at(-1) : v);

const encode = (offset: number) => Buffer.from(`cursor:${offset}`).toString('base64url');

function decode(cursor: string): number {
  const m = /^cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new BadQuery('cursor', 'Invalid cursor.');
  return Number(m[1]);
}

/**
 * One page the way Gorgias pages every list: `limit` (default 30, at most 100) and an opaque `cursor`,
 * answered as {data, meta: {prev_cursor, next_cursor}}. `maxPageSize` lets tests make pages smaller than
 * asked, so a client that asks for 100 still has to follow next_cursor.
 */
export function page<T>(items: T[], req: SandboxRequest, maxPageSize: number) {
  const raw = one(req.query.limit);
  let limit = DEFAULT_LIMIT;
  if (raw !== undefined) {
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_LIMIT)
      throw new BadQuery('limit', `Must be between 1 and ${MAX_LIMIT}.`);
    limit = Number(raw);
  }
  limit = Math.min(limit, maxPageSize);
  const cursor = one(req.query.cursor);
  const offset = cursor ? decode(cursor) : 0;
  const data = items.slice(offset, offset + limit);
  return {
    data,
    meta: {
      prev_cursor: offset > 0 ? encode(Math.max(0, offset - limit)) : null,
      next_cursor: offset + limit < items.length ? encode(offset + limit) : null,
    },
  };
}

/** `order_by=field:asc|desc` among the fields an endpoint sorts by. */
export function orderBy(req: SandboxRequest, allowed: string[], fallback: string): { field: string; desc: boolean } {
  const raw = one(req.query.order_by) ?? fallback;
  const m = /^([a-z_]+):(asc|desc)$/.exec(raw);
  if (!m || !allowed.includes(m[1]))
    throw new BadQuery('order_by', `Must be one of ${allowed.flatMap((f) => [`${f}:asc`, `${f}:desc`]).join(', ')}.`);
  return { field: m[1], desc: m[2] === 'desc' };
}
