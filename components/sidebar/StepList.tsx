import type { ReactNode } from 'react';
import type { StepStatus } from '@/lib/schema/plan';

const STATUS_ICON: Record<StepStatus, string> = { pending: '○', running: '◐', done: '✓', failed: '✕', skipped: '–', interrupted: '↻' };

interface Step<K extends string> {
  kind: K;
  status: StepStatus;
  error?: string;
  /** The request that carries the step (escalations), shown as data for tests and styles. */
  group?: number;
}

/** A journal's steps as they run (escalation or hand-back): icon, label, status for screen readers, the error. */
export function StepList<K extends string>(props: {
  steps: readonly Step<K>[];
  labels: Record<K, string>;
  testId: string;
  errorTestId?: string;
  /** Something to add after a step's label (e.g. "(not paused)"). */
  aside?: (step: Step<K>) => ReactNode;
}) {
  return (
    <ol className="steps" aria-live="polite" data-testid={props.testId}>
      {props.steps.map((s) => (
        <li key={s.kind} className={`step step-${s.status}`} data-step={s.kind} data-status={s.status} data-group={s.group}>
          <span className="step-icon" aria-hidden="true">
            {STATUS_ICON[s.status]}
          </span>
          <span className="step-label">{props.labels[s.kind]}</span>
          <span className="sr-only">: {s.status}</span>
          {s.status === 'failed' && s.error && (
            <p className="error step-error" role="alert" data-testid={props.errorTestId}>
              {s.error}
            </p>
          )}
          {props.aside?.(s)}
        </li>
      ))}
    </ol>
  );
}
