import { useState } from 'react';
import type { Verdict } from '@/lib/schema/verdict';
import { signalLabel } from '@/lib/signals/registry';
import { useSidebar } from './store';
import { logDismissed } from './useVerdictLog';
import { trusted } from './trusted';

const STATUS = {
  escalate: { title: 'Escalate', className: 'verdict-escalate' },
  unconfirmed: { title: 'Not yet (unconfirmed)', className: 'verdict-unconfirmed' },
  none: { title: 'No escalation', className: 'verdict-none' },
} as const;

/** Verdicts dismissed in this tab: a re-check with the same call stays dismissed. */
const dismissedHere = new Set<string>();
const verdictKey = (conversation: string, v: Verdict) =>
  `${conversation}|${v.status}|${[...new Set(v.signals.map((x) => x.kind))].sort().join(',')}`;

export function VerdictCard({ verdict, onQuote }: { verdict: Verdict; onQuote: (index: number, quote: string) => void }) {
  const s = STATUS[verdict.status];
  const ref = useSidebar((st) => st.ref);
  const refining = useSidebar((st) => st.refining);
  const key = verdictKey(ref ? `${ref.platform}:${ref.account}:${ref.conversationId}` : '', verdict);
  const [, redraw] = useState(0);
  const dismissed = dismissedHere.has(key);
  const dismiss = () => {
    dismissedHere.add(key);
    redraw((n) => n + 1);
    if (ref) void logDismissed(ref, verdict);
  };
  const undo = () => {
    dismissedHere.delete(key);
    redraw((n) => n + 1);
  };
  return (
    <section
      className={`card verdict ${dismissed ? 'verdict-dismissed' : s.className}`}
      aria-labelledby="baton-verdict-title"
      data-testid="verdict"
      data-dismissed={dismissed || undefined}
      data-refining={refining || undefined}
    >
      <div className="verdict-head">
        <h2 id="baton-verdict-title" className="verdict-title" data-status={verdict.status}>
          {s.title}
        </h2>
        {dismissed ? (
          <button type="button" className="btn btn-small btn-link" data-testid="undismiss" onClick={undo}>
            Show the call again
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small btn-link"
            data-testid="dismiss"
            title="The agent disagrees with this call; recorded in the local handoff log"
            onClick={trusted(dismiss)}
          >
            Not right? Dismiss
          </button>
        )}
      </div>
      {dismissed && (
        <p className="muted small" role="status" data-testid="dismissed">
          Dismissed: Baton noted that this call looked wrong to you.
        </p>
      )}
      {refining && (
        <p className="muted small" role="status" data-testid="refining">
          Quick check (offline) — refining with the model…
        </p>
      )}
      <p className="muted">{verdict.reason}</p>
      {verdict.fallback && (
        <p className="warn" role="status" data-testid="fallback">
          {verdict.fallback}
        </p>
      )}
      {verdict.disagreement && (
        <p className="warn" role="status" data-testid="model-disagreed">
          {verdict.disagreement}
        </p>
      )}
      {verdict.signals.length > 0 && (
        <ul className="signals">
          {verdict.signals.map((sig, i) => (
            <li key={i} data-testid="signal" data-kind={sig.kind}>
              <div className="signal-head">
                <span>{signalLabel(sig.kind)}</span>
                <span className="confidence" aria-label={`confidence ${Math.round(sig.confidence * 100)} percent`}>
                  {Math.round(sig.confidence * 100)}%
                </span>
              </div>
              <button
                type="button"
                className="quote"
                title="Show this message in the conversation"
                onClick={() => onQuote(sig.evidence.messageIndex, sig.evidence.quote)}
              >
                “{sig.evidence.quote}”
              </button>
            </li>
          ))}
        </ul>
      )}
      {verdict.status === 'unconfirmed' && verdict.missing.length > 0 && (
        <div className="missing" data-testid="missing">
          <h3>Still missing</h3>
          <ul>
            {verdict.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          {verdict.suggestedQuestion && (
            <p>
              <span className="muted">Ask the customer: </span>
              <q data-testid="suggested-question">{verdict.suggestedQuestion}</q>
            </p>
          )}
        </div>
      )}
      <p className="chips" aria-label="Sentiment and urgency">
        <span className={`chip sentiment-${verdict.sentiment}`}>sentiment: {verdict.sentiment}</span>
        <span className={`chip urgency-${verdict.urgency}`}>urgency: {verdict.urgency}</span>
        {verdict.subAgent && <span className="chip">sub agent: {verdict.subAgent}</span>}
      </p>
    </section>
  );
}
