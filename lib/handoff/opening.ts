import { TZDate } from '@date-fns/tz';
import type { Language } from '../schema/customer-message';

type Day = 'today' | 'tomorrow' | 'weekday';

/** How each language says "at <time>" and names the day; `weekday` is Intl's name for the day in that language. */
const PHRASE: Record<Language, (day: Day, weekday: string, time: string, hour: number) => string> = {
  en: (day, weekday, time) => `${day === 'weekday' ? `on ${weekday}` : day} at ${time}`,
  // "a la una", "a las nueve".
  es: (day, weekday, time, hour) =>
    `${{ today: 'hoy', tomorrow: 'mañana', weekday: `el ${weekday}` }[day]} ${hour === 1 ? 'a la' : 'a las'} ${time}`,
  fr: (day, weekday, time) => `${{ today: "aujourd'hui", tomorrow: 'demain', weekday }[day]} à ${time}`,
  de: (day, weekday, time) => `${{ today: 'heute', tomorrow: 'morgen', weekday: `am ${weekday}` }[day]} um ${time}`,
  // "no sábado/domingo" (masculine), "na segunda-feira" (feminine); "à uma", "às nove".
  pt: (day, weekday, time, hour) =>
    `${{ today: 'hoje', tomorrow: 'amanhã', weekday: `${/^(s[aá]bado|domingo)$/i.test(weekday) ? 'no' : 'na'} ${weekday}` }[day]} ${hour === 1 ? 'à' : 'às'} ${time}`,
};

/** Calendar day number of a zoned date, for "today" and "tomorrow" across month ends and DST changes. */
function dayNumber(d: TZDate): number {
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
}

/**
 * When the team is back, as the customer would read it in `language`, on the team's clock: "on Monday at 9:00",
 * "el lunes a las 9:00", "lundi à 9:00", "am Montag um 9:00", "na segunda-feira às 9:00"; "today"/"tomorrow"
 * when it is.
 */
export function formatOpening(at: Date, now: Date, timeZone: string, language: Language): string {
  const when = new TZDate(at.getTime(), timeZone);
  const from = new TZDate(now.getTime(), timeZone);
  const gap = dayNumber(when) - dayNumber(from);
  const day: Day = gap === 0 ? 'today' : gap === 1 ? 'tomorrow' : 'weekday';
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone }).format(at);
  const time = `${when.getHours()}:${String(when.getMinutes()).padStart(2, '0')}`;
  return PHRASE[language](day, weekday, time, when.getHours());
}
