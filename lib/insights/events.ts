import type { LogEvent } from '../schema/log-event';

/**
 * One event per thing that happened: a verdict shown again (same conversation, same status and signal
 * kinds), an escalation seen both by its handler and by the journal watcher, or replayed after a worker
 * restart, all map to the same key.
 */
export function dedupeKey(e: LogEvent): string {
  const conv = `${e.platform}:${e.account}:${e.conversationId}`;
  switch (e.kind) {
    case 'verdict_shown':
    case 'dismissed':
      return `${e.kind}|${conv}|${e.status}|${[...new Set(e.signals.map((s) => s.kind))].sort().join(',')}`;
    case 'escalated':
      return `escalated|${conv}|${e.at}`;
    case 'returned':
      return `returned|${conv}|${e.escalatedAt}`;
  }
}

/** Drops customer text the team lead did not allow (everything but the evidence quotes). */
export function redact<E extends LogEvent>(e: E, keepCustomerText: boolean): E {
  if (keepCustomerText || !('summary' in e) || e.summary === undefined) return e;
  const { summary: _drop, ...rest } = e as E & { summary?: unknown };
  return rest as E;
}
