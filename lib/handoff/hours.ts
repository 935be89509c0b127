import { TZDate } from '@date-fns/tz';
import { WEEKDAYS, type TeamHours, type Weekday } from '../schema/customer-message';

/** Whether the team is in now, and if not, when it next opens (absent when no day of the week is open). */
export type TeamStatus = { inside: true } | { inside: false; nextOpening: Date | null };

/** Monday-first key of a zoned date (JavaScript counts from Sunday). */
function weekdayOf(d: TZDate): Weekday {
  return WEEKDAYS[(d.getDay() + 6) % 7];
}

function hhmm(d: TZDate): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * Inside or outside the team's hours at `now`, read on the team's wall clock (TZDate does the zone and its
 * daylight-saving rules). Hours switched off: always inside. The closing minute itself is outside.
 */
export function teamStatus(hours: TeamHours, now: Date): TeamStatus {
  if (!hours.enabled) return { inside: true };
  const local = new TZDate(now.getTime(), hours.timeZone);
  const today = hours.week[weekdayOf(local)];
  const clock = hhmm(local);
  if (!today.closed && today.open <= clock && clock < today.close) return { inside: true };
  return { inside: false, nextOpening: nextOpening(hours, local) };
}

/** The first opening after `local`, today included, up to a week ahead (today's opening again, if it is the only one). */
function nextOpening(hours: TeamHours, local: TZDate): Date | null {
  for (let ahead = 0; ahead <= 7; ahead++) {
    // Built from the calendar date, not by adding 24-hour steps, so a day of 23 or 25 hours changes nothing.
    const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + ahead, hours.timeZone);
    const o = hours.week[weekdayOf(day)];
    if (o.closed) continue;
    const [h, m] = o.open.split(':').map(Number);
    const at = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), h, m, hours.timeZone);
    if (at.getTime() > local.getTime()) return new Date(at.getTime());
  }
  return null;
}
