import { useEffect, useState } from 'react';
import { now } from '@/utils/clock';

/** Elapsed times and opening hours move while the sidebar stays open: it is redrawn this often. */
const REDRAW_MS = 30_000;

/**
 * Baton's clock (utils/clock.ts) as of this render. The component is also redrawn every 30 seconds, so what
 * depends on the time (minutes since a promise, inside or outside opening hours) moves on by itself.
 */
export function useClock(): Date {
  const [, redraw] = useState(0);
  useEffect(() => {
    const id = setInterval(() => redraw((n) => n + 1), REDRAW_MS);
    return () => clearInterval(id);
  }, []);
  return now();
}
