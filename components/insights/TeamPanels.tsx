import type { Insights } from '@/lib/insights/aggregate';
import type { TeamRow } from '@/lib/insights/team';
import { metaFor } from '@/lib/platforms/metas';
import type { TeamStatus } from '@/lib/schema/team';
import { REASON_COLOR, REASON_NAME } from './colors';

const reasonOf = (r: TeamRow['reason']) => (r === 'manual' ? 'agent_call' : r);
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** One bar per helpdesk account while the worker reads it. */
export function TeamProgressBars({ status }: { status: TeamStatus }) {
  if (status.state !== 'reading' && status.progress.every((p) => p.phase === 'done')) return null;
  return (
    <section className="ins-card" aria-labelledby="ins-team-progress" data-testid="team-progress">
      <h2 id="ins-team-progress">Reading the helpdesks…</h2>
      {status.progress.length === 0 && <p className="muted">Looking for connected helpdesks…</p>}
      {status.progress.map((p) => {
        const label = `${metaFor(p.platform).label} (${p.account})`;
        const words =
          p.phase === 'listing'
            ? `finding escalations: ${p.total} so far`
            : p.phase === 'reading'
              ? `reading ${p.done} of ${p.total} conversations`
              : p.phase === 'done'
                ? `done: ${p.total} conversations read`
                : 'stopped (see below)';
        return (
          <div key={`${p.platform}:${p.account}`} className="ins-progress">
            <label>
              {label}: {words}
              <progress
                data-testid={`team-progress-${p.platform}`}
                max={Math.max(1, p.total)}
                value={p.phase === 'listing' ? undefined : p.done}
                aria-label={`${label}: ${words}`}
              />
            </label>
          </div>
        );
      })}
    </section>
  );
}

/** What the read could not do, said plainly: nothing it skipped is hidden. */
export function TeamProblems({ status }: { status: TeamStatus }) {
  if (!status.problems.length && !status.skipped.length) return null;
  const conversations = status.problems.filter((p) => p.conversationId);
  const whole = status.problems.filter((p) => !p.conversationId);
  return (
    <section className="ins-card" role="status" data-testid="team-problems" aria-labelledby="ins-team-problems">
      <h2 id="ins-team-problems">Not read</h2>
      {status.skipped.map((s) => (
        <p key={s}>{s}.</p>
      ))}
      {whole.map((p) => (
        <p key={`${p.platform}:${p.account}`}>
          {metaFor(p.platform).label} ({p.account}) could not be read: {p.message}
        </p>
      ))}
      {conversations.length > 0 && (
        <>
          <p>
            {conversations.length === 1
              ? 'Baton could not read 1 conversation, so its escalations are not counted:'
              : `Baton could not read ${conversations.length} conversations, so their escalations are not counted:`}
          </p>
          <ul>
            {conversations.slice(0, 20).map((p) => (
              <li key={`${p.platform}:${p.conversationId}`}>
                {metaFor(p.platform).label} {p.conversationId}: {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Escalations per agent and per target, from the filtered events. */
export function PerAgent({ insights }: { insights: Insights }) {
  const table = (title: string, rows: { name: string; count: number }[], testid: string, none: string) => (
    <table className="ins-table" data-testid={testid}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{title === 'Per agent' ? 'Agent' : 'Target'}</th>
          <th scope="col">Escalations</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} data-name={r.name} data-count={r.count}>
            <td>{r.name || none}</td>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="ins-card" aria-labelledby="ins-per-agent">
      <h2 id="ins-per-agent">Who escalated, and where to</h2>
      <div className="ins-grid">
        {table('Per agent', insights.perAgent, 'per-agent', '(not named)')}
        {table('Per target', insights.perTarget, 'per-target', '(no target)')}
      </div>
    </section>
  );
}

/** Every escalation and return the helpdesks hold for the window, newest first. */
export function TeamTable({ rows }: { rows: TeamRow[] }) {
  const newest = [...rows].reverse();
  return (
    <section className="ins-card" aria-labelledby="ins-team-table">
      <h2 id="ins-team-table">Escalations in the helpdesks</h2>
      <div className="ins-table-wrap ins-team-scroll">
        <table className="ins-table" data-testid="team-table">
          <caption className="sr-only">Escalations and returns read from the helpdesks' notes</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Helpdesk</th>
              <th scope="col">Conversation</th>
              <th scope="col">Agent</th>
              <th scope="col">Reason</th>
              <th scope="col">Sub agent</th>
              <th scope="col">Target</th>
              <th scope="col">Customer asked</th>
            </tr>
          </thead>
          <tbody>
            {newest.slice(0, 200).map((r) => (
              <tr
                key={`${r.kind}:${r.platform}:${r.conversationId}:${r.at}`}
                data-testid="team-row"
                data-platform={r.platform}
                data-conversation={r.conversationId}
                data-kind={r.kind}
                data-agent={r.agent ?? ''}
                data-reason={r.reason}
                data-asked-at={r.askedAt ?? ''}
              >
                <td>{when(r.at)}</td>
                <td>{r.kind === 'escalated' ? 'Escalated' : 'Returned to the bot'}</td>
                <td>{metaFor(r.platform).label}</td>
                <td className="mono">{r.conversationId}</td>
                <td>{r.agent ?? '—'}</td>
                <td>
                  <span className="swatch" style={{ background: REASON_COLOR(reasonOf(r.reason)) }} aria-hidden="true" />
                  {REASON_NAME(reasonOf(r.reason))}
                </td>
                <td>{r.subAgent ?? '—'}</td>
                <td>{r.target ?? '—'}</td>
                <td>{when(r.askedAt ?? r.promisedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {newest.length > 200 && <p className="muted">The 200 newest of {newest.length} are listed; the charts count them all.</p>}
    </section>
  );
}
