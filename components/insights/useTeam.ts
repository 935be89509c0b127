import { useEffect, useState } from 'react';
import type { TeamStatus } from '@/lib/schema/team';
import { send } from '@/utils/messaging';

/** How often the page asks the worker how the read stands while it runs. */
const POLL_MS = 400;

export type TeamLoad = { state: 'off' } | { state: 'error'; message: string } | { state: 'ok'; status: TeamStatus };

/**
 * Team Insights' data: while `active`, asks the worker to read the last `days` from the helpdesks (`round`
 * changes ask again, e.g. Refresh) and follows the read until it is done. The page holds no secret and never
 * talks to a helpdesk: the worker does.
 */
export function useTeam(active: boolean, days: number, round: number): TeamLoad {
  const [load, setLoad] = useState<TeamLoad>({ state: 'off' });
  useEffect(() => {
    if (!active) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (start: boolean) => {
      try {
        const status = await send('teamInsights', { days, start });
        if (stop) return;
        setLoad({ state: 'ok', status });
        if (status.state === 'reading') timer = setTimeout(() => void ask(false), POLL_MS);
      } catch (e) {
        if (!stop) setLoad({ state: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    };
    void ask(true);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [active, days, round]);
  return active ? load : { state: 'off' };
}
