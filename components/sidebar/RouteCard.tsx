import type { CheckResult } from '@/lib/schema/messages';
import type { Target } from '@/lib/schema/target';

const KIND_LABEL: Record<Target['kind'], string> = { inbox: 'Inbox', team: 'Team', group: 'Group', user: 'Teammate', view: 'View' };
const idOf = (t: Target) => `${t.kind}:${t.id}`;

export function RouteCard(props: {
  target: Target | null;
  reason: string;
  edited: boolean;
  targets: Target[];
  targetsError: string | null;
  disabled: boolean;
  onChange: (t: Target | null) => void;
  onRefresh: () => void;
  /** Back within the loop window of a Return to bot (the loop guard's route). */
  loop?: CheckResult['route']['loop'];
  /** Scrolls the helpdesk's thread to a note and highlights it. */
  onShowNote?: (index: number, quote: string) => void;
}) {
  const { loop, onShowNote } = props;
  const { target, targets } = props;
  const options = target && !targets.some((t) => idOf(t) === idOf(target)) ? [target, ...targets] : targets;
  return (
    <section className="card" aria-labelledby="baton-route-title">
      <h2 id="baton-route-title">Route</h2>
      <p className="route-reason" data-testid="route-reason">
        {props.edited ? 'Chosen by you' : props.reason}
      </p>
      {loop?.note && onShowNote && (
        <p className="small">
          <button
            type="button"
            className="btn btn-small btn-link"
            data-testid="loop-note"
            onClick={() => onShowNote(loop.note!.messageIndex, loop.note!.quote)}
          >
            Show the earlier handoff{loop.owner ? ` (${loop.owner})` : ''}
          </button>
        </p>
      )}
      <label htmlFor="baton-target">Send to</label>
      <div className="row">
        <select
          id="baton-target"
          data-testid="target"
          value={target ? idOf(target) : ''}
          disabled={props.disabled}
          onChange={(e) => props.onChange(options.find((t) => idOf(t) === e.target.value) ?? null)}
        >
          <option value="">Don't reassign</option>
          {options.map((t) => (
            <option key={idOf(t)} value={idOf(t)} disabled={t.kind === 'view' && !t.viewTag}>
              {KIND_LABEL[t.kind]}: {t.name}
              {t.kind === 'view' && !t.viewTag ? ' (cannot be matched by a tag)' : ''}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={props.onRefresh} aria-label="Refresh the list of targets">
          ↻
        </button>
      </div>
      {props.targetsError && <p className="error small">{props.targetsError}</p>}
    </section>
  );
}
