import type { Journal, StepKind } from '../../lib/schema/plan';
import type { VerdictStatus } from '../../lib/schema/verdict';

const STEP_LABEL: Record<StepKind, string> = {
  tags: 'Add tags',
  note: 'Post internal note',
  assign: 'Assign / route',
  pause: 'Pause the bot',
};
const STATUS_ICON = { pending: '○', running: '◐', done: '✓', failed: '✕', skipped: '–' } as const;

export function EscalatePanel(props: {
  status: VerdictStatus;
  journal: Journal | null;
  acting: boolean;
  error: string | null;
  suspend: boolean;
  canSuspend: boolean;
  onSuspend: (v: boolean) => void;
  onEscalate: () => void;
  onRetry: () => void;
  onResume: () => void;
}) {
  const j = props.journal && !props.journal.resumedAt ? props.journal : null;
  const failed = j?.steps.some((s) => s.status === 'failed');
  const running = props.acting || j?.steps.some((s) => s.status === 'running');
  const finished = !!j?.finishedAt;
  const interrupted = j && !finished && !failed && !props.acting;
  return (
    <section className="card escalate" aria-labelledby="baton-escalate-title">
      <h2 id="baton-escalate-title" className="sr-only">
        Escalation actions
      </h2>
      {!j && (
        <>
          <label className="toggle">
            <input
              type="checkbox"
              checked={props.suspend}
              disabled={!props.canSuspend}
              onChange={(e) => props.onSuspend(e.target.checked)}
              data-testid="suspend"
            />
            Suspend the bot afterwards
          </label>
          {props.status === 'escalate' ? (
            <button type="button" className="btn btn-primary" data-testid="escalate" disabled={props.acting} onClick={props.onEscalate}>
              Escalate
            </button>
          ) : (
            <button type="button" className="btn btn-secondary" data-testid="escalate-anyway" disabled={props.acting} onClick={props.onEscalate}>
              Escalate anyway
            </button>
          )}
        </>
      )}
      {j && (
        <>
          <ol className="steps" aria-live="polite" data-testid="steps">
            {j.steps.map((s) => (
              <li key={s.kind} className={`step step-${s.status}`} data-step={s.kind} data-status={s.status}>
                <span className="step-icon" aria-hidden="true">
                  {STATUS_ICON[s.status]}
                </span>
                <span className="step-label">{STEP_LABEL[s.kind]}</span>
                <span className="sr-only">: {s.status}</span>
                {s.status === 'failed' && s.error && (
                  <p className="error step-error" role="alert">
                    {s.error}
                  </p>
                )}
              </li>
            ))}
          </ol>
          {failed && (
            <button type="button" className="btn btn-primary" data-testid="retry" disabled={props.acting} onClick={props.onRetry}>
              Retry
            </button>
          )}
          {interrupted && (
            <button type="button" className="btn btn-primary" data-testid="resume-steps" onClick={props.onRetry}>
              Continue where it stopped
            </button>
          )}
          {running && <p className="muted small">Working…</p>}
          {finished && (
            <p className="done" data-testid="escalated">
              Escalated {new Date(j.finishedAt!).toLocaleTimeString()}
              {j.plan.target ? ` to ${j.plan.target.name}` : ''}.
            </p>
          )}
          {finished && j.plan.pause && (
            <button type="button" className="btn btn-secondary" data-testid="return-to-bot" disabled={props.acting} onClick={props.onResume}>
              Return to bot
            </button>
          )}
        </>
      )}
      {props.journal?.resumedAt && (
        <p className="muted small" data-testid="returned">
          Returned to the bot {new Date(props.journal.resumedAt).toLocaleTimeString()}.
        </p>
      )}
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
    </section>
  );
}
