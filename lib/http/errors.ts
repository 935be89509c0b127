/** Why an API call failed, in words an agent can act on. */
export type ApiErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'network'
  /** The agent's tab carrying a session request went away before the answer: finish it once a tab is back. */
  | 'interrupted'
  /** No tab of the account is open to carry a session request; nothing was sent. */
  | 'no_tab'
  | 'unexpected';

export class ApiError extends Error {
  constructor(
    /** Plain sentence for the sidebar. */
    message: string,
    readonly kind: ApiErrorKind,
    readonly status?: number,
    /** True when the request may have been applied even though no success came back (timeouts, drops). */
    readonly outcomeUnknown = false,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof Error && e.name === 'ApiError';
}

/** Pull the platform's own error text out of the error envelopes the supported helpdesk APIs use. */
function platformMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body.length < 300 ? body : undefined;
  const b = body as Record<string, any>;
  // Envelopes seen: {_error: {message}}, {error: {msg}}, {error, description, details}, JSON:API {errors: [{detail}]}.
  const candidates = [
    b._error?.message,
    typeof b.error === 'object' ? (b.error?.msg ?? b.error?.message ?? b.error?.title) : undefined,
    b.description,
    Array.isArray(b.errors) ? (b.errors[0]?.detail ?? b.errors[0]?.title) : undefined,
    b.message,
    typeof b.error === 'string' ? b.error : undefined,
  ];
  let msg = candidates.find((c) => typeof c === 'string' && c.trim().length > 0) as string | undefined;
  if (b.details && typeof b.details === 'object') {
    const first = Object.entries(b.details)[0] as [string, any] | undefined;
    const d = first && Array.isArray(first[1]) ? first[1][0]?.description : undefined;
    if (typeof d === 'string') msg = msg ? `${msg}: ${d}` : d;
  }
  return msg?.slice(0, 300);
}

export function errorForStatus(status: number, action: string, platformLabel: string, body: unknown, retryAfterMs?: number): ApiError {
  const raw = platformMessage(body);
  // Platform messages become part of a sentence, which always ends with a full stop.
  const detail = raw ? (/[.!?]$/.test(raw.trim()) ? raw.trim().slice(0, -1) : raw.trim()) : undefined;
  switch (true) {
    case status === 401:
      return new ApiError(
        `Baton is not allowed to ${action}: ${platformLabel} did not accept the sign-in. Check the token in Options, or sign in to ${platformLabel} again.`,
        'auth',
        status,
      );
    case status === 403:
      return new ApiError(
        `Baton is not allowed to ${action}: your ${platformLabel} role or token lacks the permission. Check the token in Options.`,
        'forbidden',
        status,
      );
    case status === 404:
      return new ApiError(
        `Could not ${action}: ${platformLabel} says it does not exist (it may have been deleted or merged).`,
        'not_found',
        status,
      );
    case status === 409:
      return new ApiError(
        `Could not ${action}: someone else changed this conversation at the same moment. Retry to apply it to the latest version.`,
        'conflict',
        status,
      );
    case status === 400 || status === 422:
      return new ApiError(`${platformLabel} refused to ${action}${detail ? `: ${detail}.` : '.'}`, 'invalid', status);
    case status === 429:
      return new ApiError(
        `${platformLabel} is rate-limiting requests, so Baton could not ${action}${
          retryAfterMs ? ` (it asked to wait ${Math.ceil(retryAfterMs / 1000)} s)` : ''
        }. Retry in a moment.`,
        'rate_limited',
        status,
        false,
        retryAfterMs,
      );
    case status >= 500:
      return new ApiError(`${platformLabel} had a server error (${status}) and could not ${action}. Retry in a moment.`, 'server', status);
    default:
      return new ApiError(`Could not ${action}: ${platformLabel} answered ${status}${detail ? ` (${detail})` : ''}.`, 'unexpected', status);
  }
}
