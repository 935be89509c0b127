import { useState } from 'react';
import { interruption, pauseHeldBack } from '@/lib/executor/outcome';
import { metaFor } from '@/lib/platforms/metas';
import type { Platform } from '@/lib/schema/conversation';
import type { Journal, StepKind, StepState } from '@/lib/schema/plan';
import type { VerdictStatus } from '@/lib/schema/verdict';
import { NotifyStatus } from './NotifyStatus';
import { ReturnToBot } from './ReturnToBot';
import { StepList } from './StepList';
import { trusted } from './trusted';

const STEP_LABEL: Record<StepKind, string> = {
  tags: 'Add tags',
  note: 'Post internal note',
  assign: 'Assign / route',
  pause: 'Pause the bot',
};
/** How a step reads inside a sentence. */
const STEP_NOUN: Record<StepKind, string> = {
  tags: 'the tags',
  note: 'the note',
  assign: 'the assignment',
  pause: 'the pause',
};

export function EscalatePanel(props: {
  platform: Platform;
  status: VerdictStatus;
  journal: Journal | null;
  acting: boolean;
  error: string | null;
  suspend: boolean;
  canSuspend: boolean;
  onSuspend: (v: boolean) => void;
  onEscalate: () => void;
  onRetry: () => void;
  onProvide: (key: string, value: string) => void;
  /** Return to bot: sends the hand-back line typed in the form (kept in the draft), or retries the hand-back. */
  onResume: () => void;
}) {
  const j = props.journal && !props.journal.resumedAt ? props.journal : null;
  const failed = j?.steps.some((s) => s.status === 'failed');
  const finished = !!j?.finishedAt;
  // Once escalated, the only action left is the hand-back, which shows its own progress.
  const running = (props.acting && !finished) || j?.steps.some((s) => s.status === 'running');
  // Cut off (tab reloaded or closed, worker restarted), not failed: the background finishes it by itself.
  const waitingFor = j && !finished ? interruption(j) : null;
  const resuming = !!waitingFor || (!!j && !finished && !failed && j.steps.some((s) => s.status === 'running' && s.uncertain));
  const interrupted = j && !finished && !failed && !props.acting && !resuming && !j.steps.some((s) => s.status === 'running');
  const heldBack = j && !props.acting ? pauseHeldBack(j) : null;
  const needs = j?.steps.find((s) => s.status === 'failed' && s.needs)?.needs;
  // Worth saying before and while it is sent, or when it failed (none of a group then landed); not once done.
  const together = j && !finished ? sentTogether(j.steps, metaFor(props.platform).label) : [];
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
            <button
              type="button"
              className="btn btn-primary"
              data-testid="escalate"
              disabled={props.acting}
              onClick={trusted(props.onEscalate)}
            >
              Escalate
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="escalate-anyway"
              disabled={props.acting}
              onClick={trusted(props.onEscalate)}
            >
              Escalate anyway
            </button>
          )}
        </>
      )}
      {j && (
        <>
          <StepList
            steps={j.steps}
            labels={STEP_LABEL}
            testId="steps"
            aside={(s) =>
              s.kind === 'pause' && heldBack && s.status !== 'failed' ? <span className="muted small step-note"> (not paused)</span> : null
            }
          />
          {together.map((line) => (
            <p key={line} className="muted small" data-testid="sent-together">
              {line}
            </p>
          ))}
          {heldBack && (
            <p className="warn" role="status" data-testid="not-paused">
              {heldBack}
            </p>
          )}
          {needs ? (
            <AskSetting platform={props.platform} fieldKey={needs} busy={props.acting} onProvide={props.onProvide} />
          ) : (
            failed && (
              <button
                type="button"
                className="btn btn-primary"
                data-testid="retry"
                disabled={props.acting}
                onClick={trusted(props.onRetry)}
              >
                Retry
              </button>
            )
          )}
          {interrupted && (
            <button type="button" className="btn btn-primary" data-testid="resume-steps" onClick={trusted(props.onRetry)}>
              Continue where it stopped
            </button>
          )}
          {resuming ? (
            <p className="muted small" role="status" data-testid="resuming">
              Resuming…{waitingFor ? ` ${waitingFor}` : ''}
            </p>
          ) : (
            running && <p className="muted small">Working…</p>
          )}
          {finished && (
            <p className="done" data-testid="escalated">
              Escalated {new Date(j.finishedAt!).toLocaleTimeString()}
              {j.plan.target ? ` to ${j.plan.target.name}` : ''}.
            </p>
          )}
          {finished && <NotifyStatus journal={j} />}
          {finished && j.plan.pause && <ReturnToBot journal={j} acting={props.acting} onResume={props.onResume} />}
        </>
      )}
      {props.journal?.resumedAt && (
        <p className="muted small" data-testid="returned">
          Returned to the bot {new Date(props.journal.resumedAt).toLocaleTimeString()}
          {props.journal.handBack ? `: ${props.journal.handBack.line}` : '.'}
        </p>
      )}
      {props.journal?.resumedAt && props.journal.handBack?.steps.some((s) => s.detail) && (
        <p className="muted small" data-testid="handback-left">
          {props.journal.handBack.steps.map((s) => s.detail ?? '').join(' ')}
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

/**
 * One sentence per request that carries several steps, in send order: "The tags and the pause go to the
 * helpdesk in one update: they land together or not at all." Skipped steps are left out.
 */
function sentTogether(steps: StepState[], platformLabel: string): string[] {
  const groups = new Map<number, StepKind[]>();
  for (const s of steps) {
    if (s.group === undefined || s.status === 'skipped') continue;
    groups.set(s.group, [...(groups.get(s.group) ?? []), s.kind]);
  }
  const active = steps.filter((s) => s.status !== 'skipped').length;
  return [...groups.values()]
    .filter((kinds) => kinds.length > 1)
    .map((kinds) => {
      const nouns = kinds.map((k) => STEP_NOUN[k]);
      const list = kinds.length === active ? 'All these steps' : `${nouns.slice(0, -1).join(', ')} and ${nouns[nouns.length - 1]}`;
      return `${list[0].toUpperCase()}${list.slice(1)} go to ${platformLabel} in one update: they land together or not at all.`;
    });
}

/** Asks once for the per-agent setting a step failed for (from the platform's meta), then retries. */
function AskSetting(props: { platform: Platform; fieldKey: string; busy: boolean; onProvide: (key: string, value: string) => void }) {
  const field = metaFor(props.platform).connectionFields.find((f) => f.key === props.fieldKey);
  const [value, setValue] = useState('');
  if (!field) return null;
  const normalized = field.normalize ? field.normalize(value) : value.trim();
  const problem = normalized ? field.problem?.(normalized) : null;
  const id = `baton-setting-${field.key}`;
  return (
    <form
      className="ask-setting"
      data-testid="ask-setting"
      onSubmit={(e) => {
        e.preventDefault();
        if (normalized && !problem) props.onProvide(field.key, normalized);
      }}
    >
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type={field.type}
        value={value}
        placeholder={field.placeholder}
        spellCheck={false}
        aria-describedby={`${id}-help`}
        aria-invalid={problem ? true : undefined}
        data-testid="ask-setting-input"
        onChange={(e) => setValue(e.target.value)}
      />
      <p id={`${id}-help`} className="help">
        {problem ?? `${field.hint} Saved in Baton's options for next time.`}
      </p>
      <button type="submit" className="btn btn-primary" data-testid="ask-setting-save" disabled={props.busy || !normalized || !!problem}>
        Save and retry
      </button>
    </form>
  );
}
