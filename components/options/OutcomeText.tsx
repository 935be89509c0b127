import type { Outcome } from './state/store';

/** A live status line for a Test button: present before any result, so the result is announced. */
export function OutcomeText({ testId, outcome }: { testId: string; outcome: Outcome }) {
  return (
    <p className={`outcome outcome-${outcome.state}`} role="status" data-testid={testId} data-state={outcome.state}>
      {outcome.state === 'ok' && <span aria-hidden="true">✓ </span>}
      {outcome.state === 'error' && <span aria-hidden="true">✗ </span>}
      {outcome.message}
    </p>
  );
}
