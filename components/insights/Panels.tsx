import type { Insights } from '@/lib/insights/aggregate';
import type { SuggestedFix } from '@/lib/insights/fixes';
import { metaFor } from '@/lib/platforms/metas';
import type { Platform } from '@/lib/schema/conversation';
import { REASON_COLOR, REASON_NAME } from './colors';

const minutes = (m: number | null) =>
  m === null ? '—' : m < 60 ? `${Math.round(m)} min` : m < 48 * 60 ? `${(m / 60).toFixed(1)} h` : `${(m / 1440).toFixed(1)} days`;

/** The headline numbers, each one a tile. */
export function Tiles({ insights, platforms }: { insights: Insights; platforms: Platform[] }) {
  const t = insights.totals;
  return (
    <section aria-labelledby="ins-totals-title">
      <h2 id="ins-totals-title" className="sr-only">
        Totals
      </h2>
      <dl className="ins-tiles">
        <div className="ins-tile" data-testid="tile-escalations">
          <dt>Escalations</dt>
          <dd>{t.escalations}</dd>
          <dd className="ins-sub">
            {platforms.map((p) => (
              <span key={p} data-testid={`per-platform-${p}`} data-count={insights.perPlatform[p]}>
                {metaFor(p).label} {insights.perPlatform[p]}
              </span>
            ))}
          </dd>
        </div>
        <div className="ins-tile" data-testid="tile-overrides">
          <dt>Overrides (“Escalate anyway”)</dt>
          <dd data-count={t.overrides}>{t.overrides}</dd>
          <dd className="ins-sub" data-testid="dismissals" data-count={t.dismissals}>
            {t.dismissals === 1 ? '1 verdict dismissed' : `${t.dismissals} verdicts dismissed`}
          </dd>
        </div>
        <div className="ins-tile" data-testid="tile-unconfirmed">
          <dt>“Not yet” that later escalated</dt>
          <dd data-count={t.unconfirmedThenEscalated}>{t.unconfirmedThenEscalated}</dd>
          <dd className="ins-sub">conversations</dd>
        </div>
        <div className="ins-tile" data-testid="tile-pickup">
          <dt>Median promise → pickup</dt>
          <dd>{minutes(insights.pickup.medianMinutes)}</dd>
          <dd className="ins-sub">
            {insights.pickup.conversations === 1 ? 'one conversation' : `over ${insights.pickup.conversations} conversations`}
          </dd>
        </div>
        <div className="ins-tile" data-testid="tile-returns">
          <dt>Returned to the bot</dt>
          <dd>{t.returns}</dd>
          <dd className="ins-sub">{t.verdictsShown === 1 ? '1 verdict shown' : `${t.verdictsShown} verdicts shown`}</dd>
        </div>
        <div className="ins-tile" data-testid="tile-loops">
          <dt>Loops</dt>
          <dd data-count={t.loops}>{t.loops}</dd>
          <dd className="ins-sub">back with the team soon after a return to the bot</dd>
        </div>
      </dl>
    </section>
  );
}

export function Fixes({ fixes }: { fixes: SuggestedFix[] }) {
  return (
    <section className="ins-card" aria-labelledby="ins-fixes-title">
      <h2 id="ins-fixes-title">Suggested fixes</h2>
      {fixes.length === 0 ? (
        <p className="muted">
          Nothing stands out yet: a sub agent that keeps escalating for one reason, or a recurring out-of-scope topic, shows here.
        </p>
      ) : (
        <ul className="ins-fixes" data-testid="fixes">
          {fixes.map((f) => (
            <li key={f.text}>{f.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TopQuotes({ insights }: { insights: Insights }) {
  return (
    <section className="ins-card" aria-labelledby="ins-quotes-title">
      <h2 id="ins-quotes-title">Top evidence per reason</h2>
      {insights.topQuotes.length === 0 ? (
        <p className="muted">No evidence quoted yet.</p>
      ) : (
        insights.topQuotes.map((r) => (
          <div key={r.reason} className="ins-quotes" data-testid={`quotes-${r.reason}`}>
            <h3>
              <span className="swatch" style={{ background: REASON_COLOR(r.reason) }} aria-hidden="true" />
              {REASON_NAME(r.reason)}
            </h3>
            <ol>
              {r.quotes.map((q) => (
                <li key={q.quote}>
                  <q>{q.quote}</q> <span className="muted">×{q.count}</span>
                </li>
              ))}
            </ol>
          </div>
        ))
      )}
    </section>
  );
}

export function Overrides({ insights }: { insights: Insights }) {
  return (
    <section className="ins-card" aria-labelledby="ins-overrides-title">
      <h2 id="ins-overrides-title">Overrides</h2>
      {insights.overrides.length === 0 ? (
        <p className="muted">No agent escalated against the verdict.</p>
      ) : (
        <table className="ins-table" data-testid="overrides">
          <caption className="sr-only">Escalations made with “Escalate anyway”</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Helpdesk</th>
              <th scope="col">Conversation</th>
              <th scope="col">Verdict then</th>
              <th scope="col">Sub agent</th>
            </tr>
          </thead>
          <tbody>
            {insights.overrides.slice(0, 20).map((e) => (
              <tr key={`${e.platform}:${e.conversationId}:${e.at}`}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{metaFor(e.platform).label}</td>
                <td className="mono">{e.conversationId}</td>
                <td>{e.status === 'unconfirmed' ? 'Not yet (unconfirmed)' : e.status === 'none' ? 'No escalation' : (e.status ?? '—')}</td>
                <td>{e.subAgent ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
