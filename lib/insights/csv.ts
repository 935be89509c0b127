import Papa from 'papaparse';
import type { LogEvent } from '../schema/log-event';

export const CSV_COLUMNS = [
  'at',
  'kind',
  'platform',
  'account',
  'conversationId',
  'subAgent',
  'status',
  'override',
  'reasons',
  'evidence',
  'target',
  'engine',
  'promisedAt',
  'pickedUpAt',
  'escalatedAt',
  'askedAt',
  'asks',
  'lateTurns',
  'handoffAt',
  'repliedAt',
  'premature',
  'summary',
] as const;

/** A cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with ' so customer text stays text. */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The log as CSV, one row per event, oldest first; lists are joined with " | ". */
export function toCsv(events: LogEvent[]): string {
  const rows = [...events]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => {
      const row: Record<(typeof CSV_COLUMNS)[number], string> = {
        at: e.at,
        kind: e.kind,
        platform: e.platform,
        account: e.account,
        conversationId: e.conversationId,
        subAgent: e.subAgent ?? '',
        status: 'status' in e ? (e.status ?? '') : '',
        override: e.kind === 'escalated' ? String(e.override) : '',
        reasons:
          e.kind === 'escalated' ? e.reasons.join(' | ') : 'signals' in e ? [...new Set(e.signals.map((s) => s.kind))].join(' | ') : '',
        evidence: 'signals' in e ? e.signals.map((s) => s.quote).join(' | ') : '',
        target: e.kind === 'escalated' && e.target ? `${e.target.kind}: ${e.target.name}` : '',
        engine: e.kind === 'verdict_shown' ? e.engine : '',
        promisedAt: 'promisedAt' in e ? (e.promisedAt ?? '') : '',
        pickedUpAt: e.kind === 'verdict_shown' ? (e.pickedUpAt ?? '') : '',
        escalatedAt: e.kind === 'returned' ? e.escalatedAt : '',
        askedAt: 'askedAt' in e ? (e.askedAt ?? '') : '',
        asks: 'asks' in e && e.asks !== undefined ? String(e.asks) : '',
        lateTurns: 'lateTurns' in e && e.lateTurns !== undefined ? String(e.lateTurns) : '',
        handoffAt: 'handoffAt' in e ? (e.handoffAt ?? '') : '',
        repliedAt: 'repliedAt' in e ? (e.repliedAt ?? '') : '',
        premature: 'premature' in e && e.premature ? 'true' : '',
        summary:
          'summary' in e && e.summary
            ? Object.entries(e.summary)
                .filter(([, v]) => v)
                .map(([k, v]) => `${k}: ${v}`)
                .join(' | ')
            : '',
      };
      return CSV_COLUMNS.map((c) => safe(row[c]));
    });
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' });
}
