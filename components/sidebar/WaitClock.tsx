import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { timelineOf, type Timeline } from '@/lib/followup/timeline';
import { selectWaitClock } from './selectors';
import { useSidebar } from './store';
import { useClock } from './useClock';

/** "under a minute", "6 min", "2 h 5 min", "3 days". */
function span(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 120) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(minutes / (24 * 60))} days`;
}

/** "(bot 4 min · queue 2 min)": the parts the thread gives times for. */
function parts(t: Timeline): string {
  const out: string[] = [];
  if (t.waits.bot !== null) out.push(`bot ${span(t.waits.bot)}`);
  if (t.waits.queue !== null) out.push(`queue ${span(t.waits.queue)}`);
  if (t.waits.reply) out.push(`reply ${span(t.waits.reply)}`);
  return out.length ? ` (${out.join(' · ')})` : '';
}

function headline(t: Timeline): string | null {
  const total = t.waits.total;
  if (t.premature)
    return `The customer no longer needed a person${total !== null ? ` after ${span(total)}` : ''}: they solved it themselves.`;
  if (total === null) return t.running ? 'Waiting for a human (the thread gives no times to measure).' : null;
  return t.running ? `Waiting for a human ${span(total)}${parts(t)}` : `Waited for a human ${span(total)}${parts(t)}`;
}

/** "Asked for a human 3 times; the handoff came 4 turns late." Only when it was late. */
function lateness(t: Timeline): string | null {
  if (t.asks < 2 && t.lateTurns === 0) return null;
  const asks = t.asks === 1 ? 'once' : `${t.asks} times`;
  const turns = `${t.lateTurns} customer turn${t.lateTurns === 1 ? '' : 's'}`;
  return t.handoff
    ? `Asked for a human ${asks}; the handoff came ${turns} after the first ask.`
    : `Asked for a human ${asks}, ${turns} since the first ask, and no handoff yet.`;
}

/**
 * The customer's wait for a human, while it runs: from their first request for one (or the bot's first promise)
 * to the first human reply, split into the bot's part and the queue's. Redrawn by the sidebar's clock; stops at
 * the first human reply.
 */
export function WaitClock() {
  const { result, journal, policy } = useSidebar(useShallow(selectWaitClock));
  const now = useClock();
  const t = useMemo(
    () =>
      result && policy
        ? timelineOf({
            conversation: result.conversation,
            turns: result.turns ?? { asks: [], retracts: [] },
            promised: result.promised,
            journal,
            policy,
            now,
          })
        : null,
    [result, journal, policy, now],
  );
  if (!t?.start) return null;
  const line = headline(t);
  const late = lateness(t);
  if (!line && !late) return null;
  return (
    <section className="card wait-clock" aria-label="Wait for a human" data-testid="wait-clock" data-running={t.running}>
      {line && (
        <p className="wait-clock-line" role={t.running ? 'timer' : undefined} data-testid="wait-clock-line">
          {line}
        </p>
      )}
      {late && (
        <p className="small" data-testid="wait-clock-late">
          {late}
        </p>
      )}
      {t.firstAsk && late && <blockquote className="followup-quote small">{t.firstAsk.quote}</blockquote>}
    </section>
  );
}
