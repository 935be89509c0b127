import type { z } from 'zod';
import { ApiError } from './errors';

/**
 * Every API answer Baton uses is checked against its schema before any field is read, so a changed or
 * unexpected response becomes one plain sentence instead of "cannot read properties of undefined" later.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, platformLabel: string, action: string): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join('.')}: ${issue.message})` : '';
  throw new ApiError(
    `${platformLabel} answered the request to ${action} in a form Baton does not recognise${where}. Reload the page and retry; if it keeps happening, the ${platformLabel} API may have changed.`,
    'unexpected',
  );
}
