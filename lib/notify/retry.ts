import { retryAfterMs } from '../http/client';
import type { HttpResponse } from '../http/types';

/** How often and how long Baton keeps trying one delivery. */
export const RETRY = {
  /** Attempts in all, the first included. */
  maxAttempts: 6,
  /** Wait before the 2nd attempt; doubles each time (2 s, 4 s, 8 s, 16 s, 32 s), jittered. */
  baseMs: 2_000,
  maxDelayMs: 10 * 60_000,
  /** A Retry-After longer than this is not waited for: the receiver is down for good, as far as Baton can tell. */
  maxRetryAfterMs: 60 * 60_000,
} as const;

/** What one attempt came to, and what to do next. */
export type AttemptOutcome =
  { kind: 'delivered'; status: number } | { kind: 'retry'; delayMs: number; reason: string } | { kind: 'give_up'; reason: string };

/**
 * Exponential backoff with jitter: between half and all of base·2^(n-1), so many Batons retrying against one
 * receiver do not come back in step.
 */
export function backoffMs(attemptsMade: number, random: () => number = Math.random): number {
  const full = Math.min(RETRY.maxDelayMs, RETRY.baseMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(full / 2 + random() * (full / 2));
}

/** Statuses that will not change by sending the same thing again. */
const PERMANENT: Record<number, string> = {
  400: 'refused the message as malformed (400)',
  401: 'refused Baton as unauthorised (401)',
  403: 'refused Baton (403)',
  404: 'does not know this webhook address (404): it may be mistyped or deleted',
  410: 'says this webhook was removed (410)',
  413: 'refused the message as too large (413)',
};

/**
 * Classifies one attempt. `attemptsMade` counts this one. `response` is null when no answer came (network
 * error, timeout): the POST may have landed, so the retry carries the same delivery id for the receiver to drop.
 */
export function outcomeOf(
  host: string,
  attemptsMade: number,
  response: HttpResponse | null,
  failure: string | null,
  now = Date.now(),
  random: () => number = Math.random,
): AttemptOutcome {
  if (response && response.status >= 200 && response.status < 300) return { kind: 'delivered', status: response.status };
  let reason: string;
  let delayMs = backoffMs(attemptsMade, random);
  if (!response) {
    reason = `${host} could not be reached (${failure ?? 'connection failed'})`;
  } else if (PERMANENT[response.status]) {
    return { kind: 'give_up', reason: `${host} ${PERMANENT[response.status]}. Check the address in Options.` };
  } else if (response.status === 429 || response.status === 503) {
    const asked = retryAfterMs(response.headers, now);
    reason = `${host} asked Baton to slow down (${response.status})`;
    if (asked !== undefined) {
      if (asked > RETRY.maxRetryAfterMs) {
        return { kind: 'give_up', reason: `${reason} for longer than an hour, so Baton stopped trying.` };
      }
      delayMs = Math.max(asked, 0);
    }
  } else if (response.status >= 500) {
    reason = `${host} had a server error (${response.status})`;
  } else {
    reason = `${host} answered ${response.status}`;
  }
  if (attemptsMade >= RETRY.maxAttempts) {
    return { kind: 'give_up', reason: `Gave up after ${attemptsMade} attempts: ${reason}.` };
  }
  return { kind: 'retry', delayMs, reason: `${reason}.` };
}
