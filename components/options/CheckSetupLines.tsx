import type { SetupReport } from '@/lib/schema/setup';

const MARK = { ok: '✓', problem: '✗', unknown: '?' } as const;
const SAID = { ok: 'OK', problem: 'Needs an admin', unknown: 'Could not tell' } as const;

/** One line per check: green, or a sentence saying what to ask an admin for. */
export function CheckSetupLines({ report, testId }: { report: SetupReport; testId: string }) {
  return (
    <ul className="setup-lines" data-testid={testId} data-ok={report.ok}>
      {report.lines.map((l) => (
        <li
          key={l.id}
          className={`setup-line setup-${l.state}`}
          data-testid={`${testId}-${l.id}`}
          data-state={l.state}
          data-permission={l.permission}
        >
          <span aria-hidden="true">{MARK[l.state]}</span> <strong>{l.label}</strong>{' '}
          <span className="visually-hidden">{SAID[l.state]}:</span> {l.detail}
        </li>
      ))}
    </ul>
  );
}
