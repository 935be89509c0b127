import { useEffect, useMemo, useState } from 'react';
import { aggregate, facets, matches, type InsightsFilter } from '@/lib/insights/aggregate';
import { toCsv } from '@/lib/insights/csv';
import type { LogEvent } from '@/lib/schema/log-event';
import { suggestFixes } from '@/lib/insights/fixes';
import { metaFor, PLATFORM_METAS } from '@/lib/platforms/metas';
import { handoffLog } from '@/utils/handoff-log';
import { downloadText } from '@/utils/download';
import { Fixes, Overrides, Tiles, TopQuotes } from './Panels';
import { ReasonChart } from './ReasonChart';
import { Scorecards, WaitTimes } from './WaitPanels';
import { waitSamplesFromLog } from '@/lib/insights/waits';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; events: LogEvent[] };

/** The Insights page: what the handoff log says, per helpdesk and sub agent, over time. */
export function InsightsApp() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [filter, setFilter] = useState<InsightsFilter>({ platform: 'all', subAgent: 'all', bucket: 'day' });
  const reload = () =>
    handoffLog()
      .all()
      .then((events) => setLoad({ state: 'ready', events }))
      .catch((e: unknown) => setLoad({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
  useEffect(() => {
    void reload();
  }, []);

  const events = useMemo(() => (load.state === 'ready' ? load.events : []), [load]);
  const insights = useMemo(() => aggregate(events, filter), [events, filter]);
  const options = useMemo(() => facets(events), [events]);
  const fixes = useMemo(() => suggestFixes(events.filter((e) => matches(e, filter))), [events, filter]);
  const waits = useMemo(() => waitSamplesFromLog(events.filter((e) => matches(e, filter))), [events, filter]);

  const exportCsv = () => {
    const rows = events.filter((e) => matches(e, filter));
    downloadText(`baton-handoff-log-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(rows), {
      type: 'text/csv;charset=utf-8',
      bom: true,
    });
  };

  return (
    <div className="ins-page">
      <header className="ins-header">
        <div>
          <h1>Baton Insights</h1>
          <p className="muted">Why conversations were handed off, from the handoff log kept in this browser.</p>
        </div>
        {load.state === 'ready' && events.length > 0 && (
          <div className="ins-actions">
            <button type="button" className="btn" onClick={() => void reload()}>
              Refresh
            </button>
            <button type="button" className="btn btn-primary" data-testid="export-csv" onClick={exportCsv}>
              Export CSV
            </button>
          </div>
        )}
      </header>
      <main>
        {load.state === 'loading' && (
          <p role="status" className="muted">
            Reading the handoff log…
          </p>
        )}
        {load.state === 'error' && (
          <p role="alert" className="error-text">
            The handoff log could not be read: {load.message}
          </p>
        )}
        {load.state === 'ready' && events.length === 0 && (
          <section className="ins-card ins-empty" data-testid="insights-empty">
            <h2>Nothing recorded yet</h2>
            <p>
              As agents open conversations in their helpdesk ({PLATFORM_METAS.map((m) => m.label).join(', ')}), Baton records each verdict,
              escalation, override and return to the bot here, in this browser only. Come back after a few escalations.
            </p>
            <p>
              <a href="options.html#handoff-log">Handoff log settings</a>
            </p>
          </section>
        )}
        {load.state === 'ready' && events.length > 0 && (
          <>
            <form className="ins-filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
              <label>
                Helpdesk
                <select
                  data-testid="filter-platform"
                  value={filter.platform}
                  onChange={(e) => setFilter({ ...filter, platform: e.target.value as InsightsFilter['platform'] })}
                >
                  <option value="all">All helpdesks</option>
                  {options.platforms.map((p) => (
                    <option key={p} value={p}>
                      {metaFor(p).label}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Sub agent
                <select
                  data-testid="filter-subagent"
                  value={filter.subAgent}
                  onChange={(e) => setFilter({ ...filter, subAgent: e.target.value })}
                >
                  <option value="all">All sub agents</option>
                  {options.subAgents.map((s) => (
                    <option key={s} value={s}>
                      {s || '(none recognised)'}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset className="ins-bucket">
                <legend>Per</legend>
                {(['day', 'week'] as const).map((b) => (
                  <label key={b}>
                    <input
                      type="radio"
                      name="bucket"
                      value={b}
                      checked={filter.bucket === b}
                      onChange={() => setFilter({ ...filter, bucket: b })}
                    />
                    {b}
                  </label>
                ))}
              </fieldset>
            </form>
            <Tiles insights={insights} platforms={filter.platform === 'all' ? options.platforms : [filter.platform]} />
            {insights.totals.escalations > 0 ? (
              <ReasonChart insights={insights} bucket={filter.bucket} />
            ) : (
              <section className="ins-card">
                <h2>Escalations by reason</h2>
                <p className="muted">No escalation matches this filter.</p>
              </section>
            )}
            <div className="ins-grid">
              <Fixes fixes={fixes} />
              <TopQuotes insights={insights} />
            </div>
            <div className="ins-grid">
              <WaitTimes samples={waits} />
              <Scorecards samples={waits} />
            </div>
            <Overrides insights={insights} />
          </>
        )}
      </main>
    </div>
  );
}
