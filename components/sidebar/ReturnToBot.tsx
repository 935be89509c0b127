import { useId, useState } from 'react';
import { defaultNext } from '@/lib/note/handback';
import { metaFor } from '@/lib/platforms/metas';
import { restoreOf, restorePreview, tagsAfterReturn } from '@/lib/platforms/restore';
import { PROTOCOL } from '@/lib/schema/messages';
import type { HandBackStepKind, Journal } from '@/lib/schema/plan';
import { StepList } from './StepList';
import { useSidebar } from './store';
import { trusted } from './trusted';

const STEP_LABEL: Record<HandBackStepKind, string> = {
  note: 'Post the hand-back note',
  unpause: 'Undo the pause and the escalation tags',
  restore: 'Put team, assignee and inbox back',
};

/** The protocol's own rule for the line, so the form says exactly what the background would refuse. */
const LINE = PROTOCOL.resume.request.shape.line.unwrap();
const NEXT = PROTOCOL.resume.request.shape.next.unwrap();

/**
 * "Return to bot" for a finished escalation that paused the bot: a one-line form on what the human resolved
 * (and, optionally, what the bot may do next), then the hand-back's steps as they run. What the agent types
 * lives in the conversation's draft until it is sent, so a re-render or a reload keeps it.
 */
export function ReturnToBot(props: { journal: Journal; acting: boolean; onResume: () => void }) {
  const hb = props.journal.handBack;
  if (hb) return <HandBackSteps journal={props.journal} acting={props.acting} onRetry={props.onResume} />;
  return <HandBackForm journal={props.journal} acting={props.acting} onSend={props.onResume} />;
}

/**
 * What Return to bot will put back, read from the plan (the conversation before the escalation) and the tags
 * the conversation has now (someone may have added one since: it stays), with the routing list's names.
 */
function RestorePreview(props: { journal: Journal }) {
  const plan = props.journal.plan;
  const tagsNow = useSidebar((s) => s.result?.conversation.tags);
  const keepTags = useSidebar((s) => !!s.policy?.suspend.keepTagsOnReturn);
  const targets = useSidebar((s) => s.targets);
  const ability = metaFor(plan.platform).restore;
  const restore = restoreOf(plan, keepTags, ability);
  const tags = tagsAfterReturn(plan, restore, tagsNow ?? [...new Set([...plan.tagsBefore, ...plan.tags])]);
  const kinds = { team: ['team', 'group'], assignee: ['user'], inbox: ['inbox'] } as const;
  const line = restorePreview(
    restore,
    tags,
    ability.teamWord,
    (field, o) => o.name ?? targets.find((t) => t.id === o.id && (kinds[field] as readonly string[]).includes(t.kind))?.name ?? o.id,
  );
  return (
    <p className="help" data-testid="handback-preview">
      {line.charAt(0).toUpperCase() + line.slice(1)}.{restore.left.length > 0 && ` ${restore.left.join(' ')}`}
    </p>
  );
}

function HandBackForm(props: { journal: Journal; acting: boolean; onSend: () => void }) {
  const typed = useSidebar((s) => s.draft?.handBack);
  const editDraft = useSidebar((s) => s.editDraft);
  // A line already typed (before a reload) opens the form again with it.
  const [open, setOpen] = useState(!!typed?.line);
  const [tried, setTried] = useState(false);
  const id = useId();
  const line = typed?.line ?? '';
  const next = typed?.next ?? '';
  const edit = (patch: Partial<{ line: string; next: string }>) => editDraft({ handBack: { line, next, ...patch } });
  const lineCheck = LINE.safeParse(line);
  const nextCheck = NEXT.safeParse(next);
  const lineProblem = lineCheck.success ? null : lineCheck.error.issues[0]?.message;
  const nextProblem = nextCheck.success ? null : nextCheck.error.issues[0]?.message;

  if (!open) {
    return (
      <button type="button" className="btn btn-secondary" data-testid="return-to-bot" disabled={props.acting} onClick={() => setOpen(true)}>
        Return to bot
      </button>
    );
  }
  return (
    <form
      className="handback-form"
      data-testid="handback-form"
      aria-label="Return to bot"
      onSubmit={(e) => {
        e.preventDefault();
        if (!e.nativeEvent.isTrusted) return;
        setTried(true);
        if (!lineProblem && !nextProblem) props.onSend();
      }}
    >
      <label htmlFor={`${id}-line`}>What did you resolve?</label>
      <input
        id={`${id}-line`}
        type="text"
        // Baton's own sentence says what is missing, not the browser's bubble.
        aria-required="true"
        maxLength={300}
        value={line}
        placeholder="e.g. Refunded order 1042 by hand"
        aria-invalid={tried && lineProblem ? true : undefined}
        aria-describedby={`${id}-line-help`}
        data-testid="handback-line"
        onChange={(e) => edit({ line: e.target.value })}
        autoFocus
      />
      <p id={`${id}-line-help`} className={tried && lineProblem ? 'error small' : 'help'}>
        {tried && lineProblem ? lineProblem : 'Posted as an internal note before the bot takes over again.'}
      </p>
      <label htmlFor={`${id}-next`}>What the bot may do next (optional)</label>
      <input
        id={`${id}-next`}
        type="text"
        maxLength={300}
        value={next}
        placeholder={line.trim() ? defaultNext(line) : 'Carry on with the customer as usual'}
        aria-invalid={nextProblem ? true : undefined}
        aria-describedby={`${id}-next-help`}
        data-testid="handback-next"
        onChange={(e) => edit({ next: e.target.value })}
      />
      <p id={`${id}-next-help`} className={nextProblem ? 'error small' : 'help'}>
        {nextProblem ?? 'Left empty, the note says the sentence shown in the box.'}
      </p>
      <RestorePreview journal={props.journal} />
      <div className="handback-actions">
        <button type="submit" className="btn btn-primary" data-testid="handback-send" disabled={props.acting}>
          Hand back to the bot
        </button>
        {/* Closing keeps what was typed: it is still in the draft when the form opens again. */}
        <button
          type="button"
          className="btn btn-small"
          data-testid="handback-cancel"
          disabled={props.acting}
          onClick={() => setOpen(false)}
        >
          Not now
        </button>
      </div>
      {props.acting && <p className="muted small">Working…</p>}
    </form>
  );
}

function HandBackSteps(props: { journal: Journal; acting: boolean; onRetry: () => void }) {
  const hb = props.journal.handBack!;
  const failed = hb.steps.find((s) => s.status === 'failed');
  const interrupted = !failed && hb.steps.some((s) => s.status === 'interrupted');
  const running = props.acting || hb.steps.some((s) => s.status === 'running');
  const notePending = hb.steps.find((s) => s.kind === 'note')?.status !== 'done';
  return (
    <div className="handback" data-testid="handback">
      <p className="small">
        <strong>Handing back:</strong> {hb.line}
      </p>
      <StepList
        steps={hb.steps}
        labels={STEP_LABEL}
        testId="handback-steps"
        errorTestId="handback-error"
        aside={(s) => {
          const detail = hb.steps.find((x) => x.kind === s.kind)?.detail;
          return detail ? (
            <p className="muted small" data-testid="handback-left">
              {detail}
            </p>
          ) : null;
        }}
      />
      {failed && notePending && (
        <p className="warn" role="status" data-testid="still-paused">
          The bot is still paused: the conversation stays with you until the note is posted.
        </p>
      )}
      {failed && (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="handback-retry"
          disabled={props.acting}
          onClick={trusted(props.onRetry)}
        >
          Retry
        </button>
      )}
      {interrupted && !props.acting ? (
        <>
          <p className="muted small" role="status" data-testid="handback-resuming">
            Resuming… Baton finishes the hand-back once a tab of this helpdesk is ready.
          </p>
          <button type="button" className="btn btn-small" data-testid="handback-continue" onClick={trusted(props.onRetry)}>
            Continue where it stopped
          </button>
        </>
      ) : (
        running && <p className="muted small">Working…</p>
      )}
    </div>
  );
}
