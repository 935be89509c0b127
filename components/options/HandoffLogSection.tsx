import { useEffect, useState } from 'react';
import { LockGroup } from './Field';
import { SchemaFields } from './SchemaField';
import { Section } from './Section';
import { handoffLog } from '@/utils/handoff-log';

/** How many entries the log holds now (null while unknown, or where IndexedDB is missing). */
function useLogCount(): [number | null, () => void] {
  const [count, setCount] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (typeof indexedDB === 'undefined') return;
    let live = true;
    handoffLog()
      .count()
      .then((n) => live && setCount(n))
      .catch(() => live && setCount(null));
    return () => {
      live = false;
    };
  }, [tick]);
  return [count, () => setTick((t) => t + 1)];
}

/** Clear with a second, explicit confirmation: the log cannot be brought back. */
function ClearLog() {
  const [count, refresh] = useLogCount();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const clear = async () => {
    try {
      await handoffLog().clear();
      setStatus('The handoff log is empty now.');
    } catch (e) {
      setStatus(`The log could not be cleared: ${e instanceof Error ? e.message : String(e)}`);
    }
    setConfirming(false);
    refresh();
  };
  return (
    <div className="handoff-log-clear">
      <p className="muted" data-testid="handoff-log-count">
        {count === null ? '' : count === 1 ? '1 entry in this browser.' : `${count} entries in this browser.`}
      </p>
      {confirming ? (
        <div role="group" aria-label="Confirm clearing the handoff log" className="handoff-log-confirm">
          <p>Delete every entry of the handoff log in this browser? Insights starts from nothing; this cannot be undone.</p>
          <button type="button" className="btn btn-danger" data-testid="handoff-log-clear-confirm" onClick={() => void clear()}>
            Delete all entries
          </button>{' '}
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="btn"
          data-testid="handoff-log-clear"
          onClick={() => {
            setStatus('');
            setConfirming(true);
          }}
        >
          Clear the handoff log…
        </button>
      )}
      <p role="status" className="muted">
        {status}
      </p>
    </div>
  );
}

/** What the local handoff log behind Insights keeps, how much of it, and the way to Insights and to clearing it. */
export function HandoffLogSection() {
  return (
    <Section
      id="handoff-log"
      title="Handoff log"
      intro="Baton records verdicts shown, escalations, returns to the bot and overrides in this browser only (IndexedDB); nothing is sent anywhere."
    >
      <p>
        <a href="insights.html" target="_blank" rel="noopener" data-testid="open-insights">
          Open Insights
        </a>{' '}
        <span className="muted">: escalations by reason, per helpdesk and sub agent, over time, with suggested fixes and CSV export.</span>
      </p>
      <LockGroup field="handoffLog" legend="What is kept">
        <SchemaFields group="policy.handoffLog" />
      </LockGroup>
      <ClearLog />
    </Section>
  );
}
