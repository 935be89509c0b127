import { useEffect, useMemo, useState } from 'react';
import { aggregate, facets, matches, type InsightsFilter } from '@/lib/insights/aggregate';
import { toCsv } from '@/lib/insights/csv';
import type { LogEvent } from '@/lib/schema/log-event';
import { suggestFixes } from '@/lib/insights/fixes';
import { metaFor, PLATFORM_METAS } from '@/lib/platforms/metas';
import { handoffLog } from '@/utils/handoff-log';
import { downloadText } from '@/utils/download';
import { mergeTeamAndLocal, teamEvents, teamRows, type TeamRow } from '@/lib/insights/team';
import { Fixes, Overrides, Tiles, TopQuotes } from './Panels';
import { ReasonChart } from './ReasonChart';
import { Scorecards, WaitTimes } from './WaitPanels';
import { waitSamplesFromLog } from '@/lib/insights/waits';
import { PerAgent, TeamProblems, TeamProgressBars, TeamTable } from './TeamPanels';
import { useTeam } from './useTeam';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; events: LogEvent[] };
type Source = 'browser' | 'team';

const DAY_CHOICES = [7, 30, 90] as const;

const rowMatches = (r: TeamRow, f: InsightsFilter) =>
  (f.platform === 'all' || r.platform === f.platform) &&
  (f.subAgent === 'all' || (r.subAgent ?? '') === f.subAgent) &&
  (f.agent === undefined || f.agent === 'all' || (r.agent ?? '') === f.agent) &&
  (f.target === undefined || f.target === 'all' || (r.target ?? '') === f.target);

/** The Insights page: what the handoff log says, per helpdesk and sub agent, over time. */
export function InsightsApp() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [filter, setFilter] = useState<InsightsFilter>({ platform: 'all', subAgent: 'all', bucket: 'day', agent: 'all', target: 'all' });
  const [source, setSource] = useState<Source>('browser');
  const [days, setDays] = useState<number>(30);
  const [round, setRound] = useState(0);
  const team = useTeam(source === 'team', days, round);
  const teamStatus = team.state === 'ok' ? team.status : null;
  const reload = () =>
    handoffLog()
      .all()
      .then((events) => setLoad({ state: 'ready', events }))
      .catch((e: unknown) => setLoad({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
  useEffect(() => {
    void reload();
  }, []);

  const local = useMemo(() => (load.state === 'ready' ? load.events : []), [load]);
  // The window ends when the read finished: the same read always shows the same escalations.
  const finishedAt = teamStatus?.finishedAt ?? null;
  const since = useMemo(() => (finishedAt ? new Date(Date.parse(finishedAt) - days * 86_400_000).toISOString() : ''), [finishedAt, days]);
  const rows = useMemo(() => (teamStatus?.state === 'done' ? teamRows(teamStatus.conversations, since) : []), [teamStatus, since]);
  const events = useMemo(() => {
    if (source === 'browser') return local;
    if (teamStatus?.state !== 'done') return [];
    // The browser's own log joins in for what never reaches the helpdesk, within the same window.
    return mergeTeamAndLocal(
      teamEvents(teamStatus.conversations, since),
      local.filter((e) => Date.parse(e.at) >= Date.parse(since)),
    );
  }, [source, local, teamStatus, since]);
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
          <p className="muted">
            {source === 'browser'
              ? 'Why conversations were handed off, from the handoff log kept in this browser.'
              : `Why conversations were handed off across the team, read from the helpdesks' own notes (last ${days} days).`}
          </p>
          <fieldset className="ins-bucket ins-source">
            <legend>Source</legend>
            <label>
              <input
                type="radio"
                name="source"
                data-testid="source-browser"
                checked={source === 'browser'}
                onChange={() => setSource('browser')}
              />
              This browser
            </label>
            <label>
              <input type="radio" name="source" data-testid="source-team" checked={source === 'team'} onChange={() => setSource('team')} />
              Team (from the helpdesk)
            </label>
            {source === 'team' && (
              <label>
                Last
                <select data-testid="team-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
                  {DAY_CHOICES.map((d) => (
                    <option key={d} value={d}>
                      {d} days
                    </option>
                  ))}
                </select>
              </label>
            )}
          </fieldset>
        </div>
        {load.state === 'ready' && (events.length > 0 || source === 'team') && (
          <div className="ins-actions">
            <button
              type="button"
              className="btn"
              data-testid="refresh"
              disabled={teamStatus?.state === 'reading'}
              onClick={() => (source === 'team' ? setRound((r) => r + 1) : void reload())}
            >
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
        {source === 'team' && team.state === 'error' && (
          <p role="alert" className="error-text">
            Team Insights could not be read: {team.message}
          </p>
        )}
        {source === 'team' && teamStatus && <TeamProgressBars status={teamStatus} />}
        {source === 'team' && teamStatus?.state === 'done' && <TeamProblems status={teamStatus} />}
        {source === 'team' && teamStatus?.state === 'done' && events.length === 0 && (
          <section className="ins-card ins-empty" data-testid="team-empty">
            <h2>No escalation in the helpdesks in the last {days} days</h2>
            <p>Team Insights reads the notes Baton leaves with every escalation. None were found for the connected helpdesks.</p>
          </section>
        )}
        {source === 'browser' && load.state === 'ready' && events.length === 0 && (
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
              {(source === 'team' || options.agents.some(Boolean)) && (
                <>
                  <label>
                    Agent
                    <select
                      data-testid="filter-agent"
                      value={filter.agent ?? 'all'}
                      onChange={(e) => setFilter({ ...filter, agent: e.target.value })}
                    >
                      <option value="all">All agents</option>
                      {options.agents.map((a) => (
                        <option key={a} value={a}>
                          {a || '(not named)'}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Target
                    <select
                      data-testid="filter-target"
                      value={filter.target ?? 'all'}
                      onChange={(e) => setFilter({ ...filter, target: e.target.value })}
                    >
                      <option value="all">All targets</option>
                      {options.targets.map((t) => (
                        <option key={t} value={t}>
                          {t || '(no target)'}
                        </option>
                      ))}
                    </select>
                  </label>
                </>
              )}
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
            {source === 'team' && <PerAgent insights={insights} />}
            {source === 'team' && <TeamTable rows={rows.filter((r) => rowMatches(r, filter))} />}
            <Overrides insights={insights} />
          </>
        )}
      </main>
    </div>
  );
}
