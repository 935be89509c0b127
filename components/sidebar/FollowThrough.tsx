import { useState } from 'react';
import { followThrough } from '@/lib/followup';
import type { CheckResult } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import type { Policy } from '@/lib/schema/policy';
import { send } from '@/utils/messaging';
import { useClock } from './useClock';
import { trusted } from './trusted';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "12 minutes ago", "3 hours ago", "11 days ago". */
function ago(minutes: number): string {
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  if (minutes < 48 * 60) return `${plural(Math.floor(minutes / 60), 'hour')} ago`;
  return `${plural(Math.floor(minutes / (24 * 60)), 'day')} ago`;
}

/** "42 min", "2 h 5 min", "3 days": short, for the nudge. */
function elapsed(minutes: number): string {
  if (minutes < 120) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return plural(Math.floor(minutes / (24 * 60)), 'day');
}

/**
 * Checks the bot's promises against the helpdesk's real state: a promised handoff nobody did, a bot still
 * replying after the pause, an escalation nobody has picked up in time.
 */
export function FollowThrough(props: {
  result: CheckResult;
  journal: Journal | null;
  policy: Policy;
  acting: boolean;
  onEscalate: () => void;
}) {
  const { result, journal, policy, acting, onEscalate } = props;
  const at = useClock();
  const [optionsError, setOptionsError] = useState<string | null>(null);
  const ft = useMemo(
    () =>
      followThrough({ conversation: result.conversation, verdict: result.verdict, journal, policy, now: at, promised: result.promised }),
    [result, journal, policy, at],
  );

  if (!ft.brokenPromise && !ft.botAfterPause && !ft.unclaimed) return null;
  const openSuspend = () => {
    setOptionsError(null);
    send('openOptions', { section: 'suspend' }).catch((e: unknown) => setOptionsError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="followup" data-testid="follow-through">
      {ft.brokenPromise && ft.promise && (
        <section className="card followup-alert" role="alert" aria-labelledby="followup-promise-title" data-testid="promise-broken">
          <h2 id="followup-promise-title" className="followup-title">
            Promised handoff not done
          </h2>
          <p className="small" data-testid="promised-ago">
            The bot told the customer a person would follow up
            {ft.promisedMinutesAgo === null ? '' : ` (promised ${ago(ft.promisedMinutesAgo)})`}, but nothing shows it here: no escalation
            tag, no assignee or team, no reply from your team.
          </p>
          <blockquote className="followup-quote small">{ft.promise.quote}</blockquote>
          <button type="button" className="btn btn-primary" data-testid="promise-fix" disabled={acting} onClick={trusted(onEscalate)}>
            {acting ? 'Escalating…' : 'Escalate now'}
          </button>
        </section>
      )}
      {ft.botAfterPause && (
        <section className="card followup-alert" role="alert" aria-labelledby="followup-bot-title" data-testid="bot-after-pause">
          <h2 id="followup-bot-title" className="followup-title">
            The bot is still replying
          </h2>
          <p className="small">
            {ft.stopTag ? (
              <>
                The bot is still replying: your bot does not honour the stop tag <code>{ft.stopTag}</code>.
              </>
            ) : (
              'The bot is still replying: your bot does not honour the pause.'
            )}{' '}
            It answered the customer after Baton paused it.
          </p>
          <button type="button" className="btn btn-link followup-link" data-testid="open-suspend" onClick={openSuspend}>
            Change how Baton pauses the bot
          </button>
          {optionsError && <p className="error small">{optionsError}</p>}
        </section>
      )}
      {ft.unclaimed && (
        <p className="card followup-nudge" role="status" data-testid="unclaimed">
          Escalated {elapsed(ft.unclaimed.minutes)} ago and nobody has picked it up yet (target {elapsed(ft.unclaimed.targetMinutes)}).
        </p>
      )}
    </div>
  );
}
