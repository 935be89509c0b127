import { useState } from 'react';
import { scorecards, waitTable, type Spread, type WaitGrouping, type WaitSample } from '@/lib/insights/waits';
import { metaFor } from '@/lib/platforms/metas';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';

/** "4 min", "1.5 h", "2.0 days", "under a minute". */
function duration(ms: number | null): string {
  if (ms === null) return '—';
  const m = ms / 60_000;
  if (m < 1) return 'under a minute';
  return m < 60 ? `${Math.round(m)} min` : m < 48 * 60 ? `${(m / 60).toFixed(1)} h` : `${(m / 1440).toFixed(1)} days`;
}

const cell = (s: Spread) => (s.n ? `${duration(s.p50)} / ${duration(s.p90)}` : '—');
const GROUPINGS: { value: WaitGrouping; label: string }[] = [
  { value: 'platform', label: 'helpdesk' },
  { value: 'target', label: 'target' },
  { value: 'hour', label: 'hour of the week' },
];
const keyLabel = (by: WaitGrouping, key: string) =>
  by === 'platform' && (PLATFORMS as readonly string[]).includes(key) ? metaFor(key as Platform).label : key || '(no target)';

/** The viewer's own time zone: hours of the week are read on the clock of whoever looks. */
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The customers' wait for a human, split where it goes: the bot (first ask or promise → handoff), the queue
 * (handoff → pick-up) and the reply (pick-up → first reply), as p50 / p90 per helpdesk, target or hour of the week.
 */
export function WaitTimes({ samples }: { samples: WaitSample[] }) {
  const [by, setBy] = useState<WaitGrouping>('platform');
  const rows = waitTable(samples, by, viewerZone());
  return (
    <section className="ins-card" aria-labelledby="ins-waits-title" data-testid="wait-times">
      <h2 id="ins-waits-title">Wait for a human</h2>
      {samples.length === 0 ? (
        <p className="muted">No handoff with times yet: the wait clock counts from the customer’s first ask or the bot’s promise.</p>
      ) : (
        <>
          <fieldset className="ins-bucket">
            <legend>Per</legend>
            {GROUPINGS.map((g) => (
              <label key={g.value}>
                <input type="radio" name="wait-by" value={g.value} checked={by === g.value} onChange={() => setBy(g.value)} />
                {g.label}
              </label>
            ))}
          </fieldset>
          <div className="ins-table-wrap">
            <table className="ins-table" data-testid="wait-table">
              <caption className="sr-only">Bot, queue and reply time, median and 90th percentile</caption>
              <thead>
                <tr>
                  <th scope="col">{GROUPINGS.find((g) => g.value === by)!.label}</th>
                  <th scope="col">Handoffs</th>
                  <th scope="col">Bot p50 / p90</th>
                  <th scope="col">Queue p50 / p90</th>
                  <th scope="col">Reply p50 / p90</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} data-key={r.key}>
                    <th scope="row">{keyLabel(by, r.key)}</th>
                    <td>{r.handoffs}</td>
                    <td>{cell(r.bot)}</td>
                    <td>{cell(r.queue)}</td>
                    <td>{cell(r.reply)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

const pct = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

/** Per sub agent: how often customers had to ask twice before the handoff, how late it came, and premature handoffs. */
export function Scorecards({ samples }: { samples: WaitSample[] }) {
  const cards = scorecards(samples);
  return (
    <section className="ins-card" aria-labelledby="ins-late-title" data-testid="scorecards">
      <h2 id="ins-late-title">Late handoffs</h2>
      {cards.length === 0 ? (
        <p className="muted">No handoff with the customer’s asks recorded yet.</p>
      ) : (
        <ul className="ins-fixes">
          {cards.map((c) => (
            <li key={c.subAgent} data-testid={`scorecard-${c.subAgent || 'none'}`}>
              <strong>{c.subAgent || '(no sub agent)'}</strong>:{' '}
              {c.handoffs > 0
                ? `customers ask twice before the handoff in ${pct(c.askedTwice, c.handoffs)} of conversations (${c.askedTwice} of ${c.handoffs})`
                : 'no asks recorded'}
              {c.medianLateTurns !== null && c.medianLateTurns > 0
                ? `; the handoff comes ${c.medianLateTurns} customer turns late (median)`
                : ''}
              {c.premature > 0 ? `; ${c.premature} premature (the customer solved it right after)` : ''}.
              {c.quotes.length > 0 && (
                <ul>
                  {c.quotes.map((q) => (
                    <li key={q}>
                      <q>{q}</q>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
