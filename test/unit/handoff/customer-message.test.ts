import { describe, expect, it } from 'vitest';
import { customerMessageFor } from '@/lib/handoff/customer-message';
import { teamStatus } from '@/lib/handoff/hours';
import { formatOpening } from '@/lib/handoff/opening';
import { CustomerMessageSchema, type CustomerMessage, type TeamHours } from '@/lib/schema/customer-message';

/** Mon–Fri 09:00–17:00 in `timeZone`, Baton's default texts. */
function config(timeZone = 'Europe/Berlin', patch: (h: TeamHours) => void = () => {}): CustomerMessage {
  const c = CustomerMessageSchema.parse({ hours: { enabled: true, timeZone } });
  patch(c.hours);
  return c;
}

// 2026-11-28 is a Saturday; Berlin is UTC+1 in winter.
const SAT_20_BERLIN = new Date('2026-11-28T19:00:00Z');

describe('team hours', () => {
  it('Saturday 20:00 in Berlin: the English message says the team is back on Monday at 9:00', () => {
    const m = customerMessageFor(config(), 'en', SAT_20_BERLIN);
    expect(m.inside).toBe(false);
    expect(m.text).toContain('our team is back on Monday at 9:00 and will reply then.');
  });

  it('Friday 16:59 is inside hours and gives the wait; 17:00 is outside and points to Monday', () => {
    const fri1659 = new Date('2026-11-27T15:59:00Z');
    const m = customerMessageFor(config(), 'en', fri1659);
    expect(m.inside).toBe(true);
    expect(m.text).toBe("Thanks for your patience. I'm connecting you with our team now; someone will reply within a few hours.");
    expect(customerMessageFor(config(), 'en', new Date('2026-11-27T16:00:00Z')).text).toContain('back on Monday at 9:00');
  });

  it('before opening on a weekday says "today"; after closing on Monday says "tomorrow"', () => {
    expect(customerMessageFor(config(), 'en', new Date('2026-11-30T06:30:00Z')).text).toContain('back today at 9:00');
    expect(customerMessageFor(config(), 'en', new Date('2026-11-30T18:00:00Z')).text).toContain('back tomorrow at 9:00');
  });

  it('Sunday night across the spring DST change: Monday 9:00 is 9:00 on the new clock (07:00 UTC, not 08:00)', () => {
    // Europe/Berlin moves to UTC+2 on Sunday 2026-03-29 at 02:00.
    const sundayNight = new Date('2026-03-29T21:30:00Z'); // 23:30 local
    const status = teamStatus(config().hours, sundayNight);
    expect(status).toEqual({ inside: false, nextOpening: new Date('2026-03-30T07:00:00Z') });
    expect(customerMessageFor(config(), 'en', sundayNight).text).toContain('back tomorrow at 9:00');
    // Saturday before the change, in New York (DST starts 2026-03-08): Monday is still "on Monday at 9:00".
    const ny = teamStatus(config('America/New_York').hours, new Date('2026-03-07T23:00:00Z'));
    expect(ny).toEqual({ inside: false, nextOpening: new Date('2026-03-09T13:00:00Z') });
  });

  it('the autumn change: a Sunday evening in Berlin opens Monday 9:00 at 08:00 UTC', () => {
    // UTC+2 → UTC+1 on Sunday 2026-10-25.
    expect(teamStatus(config().hours, new Date('2026-10-25T20:00:00Z'))).toEqual({
      inside: false,
      nextOpening: new Date('2026-10-26T08:00:00Z'),
    });
  });

  it('skips closed days and uses each day its own hours', () => {
    const c = config('Europe/Berlin', (h) => {
      h.week.mon.closed = true;
      h.week.tue = { closed: false, open: '10:30', close: '16:00' };
    });
    expect(customerMessageFor(c, 'en', SAT_20_BERLIN).text).toContain('back on Tuesday at 10:30');
    // A Saturday opened for the morning: inside at 11:00, outside at 13:00.
    const sat = config('Europe/Berlin', (h) => {
      h.week.sat = { closed: false, open: '10:00', close: '12:00' };
    });
    expect(customerMessageFor(sat, 'en', new Date('2026-11-28T10:00:00Z')).inside).toBe(true);
    expect(customerMessageFor(sat, 'en', new Date('2026-11-28T12:00:00Z')).text).toContain('back on Monday at 9:00');
  });

  it('the team time zone decides, not the computer: 20:00 Saturday in Berlin is 14:00 in New York, still the weekend', () => {
    expect(customerMessageFor(config('America/New_York'), 'en', SAT_20_BERLIN).text).toContain('back on Monday at 9:00');
    // Friday 18:00 in Berlin is 12:00 in New York: inside there.
    expect(customerMessageFor(config('America/New_York'), 'en', new Date('2026-11-27T17:00:00Z')).inside).toBe(true);
  });

  it('hours switched off: always the inside message, even on a Saturday night', () => {
    const c = CustomerMessageSchema.parse({});
    const m = customerMessageFor(c, 'en', SAT_20_BERLIN);
    expect(m.inside).toBe(true);
    expect(m.text).toContain('someone will reply within a few hours.');
  });

  it('an empty wait leaves no dangling space before the full stop', () => {
    const c = CustomerMessageSchema.parse({});
    c.messages.en.wait = '';
    expect(customerMessageFor(c, 'en', SAT_20_BERLIN).text).toContain('someone will reply.');
  });

  it('refuses team hours with every day closed', () => {
    const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { closed: true }]));
    const r = CustomerMessageSchema.safeParse({ hours: { enabled: true, timeZone: 'UTC', week } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['hours', 'week']);
  });
});

describe('the message in each language', () => {
  it.each([
    ['es', 'nuestro equipo vuelve el lunes a las 9:00 y te responderá entonces.'],
    ['fr', 'notre équipe est de retour lundi à 9:00 et vous répondra alors.'],
    ['de', 'unser Team ist am Montag um 9:00 wieder da und antwortet Ihnen dann.'],
    ['pt', 'a nossa equipe volta na segunda-feira às 9:00 e vai lhe responder nesse momento.'],
    ['en', 'our team is back on Monday at 9:00 and will reply then.'],
  ] as const)('%s outside hours: %s', (language, expected) => {
    const m = customerMessageFor(config(), language, SAT_20_BERLIN);
    expect(m.language).toBe(language);
    expect(m.text).toContain(expected);
  });

  it.each([
    ['es', 'alguien te responderá en unas horas.'],
    ['fr', "quelqu'un vous répondra d'ici quelques heures."],
    ['de', 'jemand antwortet Ihnen innerhalb weniger Stunden.'],
    ['pt', 'alguém vai lhe responder dentro de algumas horas.'],
  ] as const)('%s inside hours: %s', (language, expected) => {
    expect(customerMessageFor(config(), language, new Date('2026-11-27T10:00:00Z')).text).toContain(expected);
  });

  it('says today and tomorrow, and the grammar of one o’clock and weekend days', () => {
    const tz = 'Europe/Berlin';
    const mon0900 = new Date('2026-11-30T08:00:00Z');
    const monEarly = new Date('2026-11-30T05:00:00Z');
    const sunEvening = new Date('2026-11-29T19:00:00Z');
    expect(formatOpening(mon0900, monEarly, tz, 'es')).toBe('hoy a las 9:00');
    expect(formatOpening(mon0900, sunEvening, tz, 'fr')).toBe('demain à 9:00');
    expect(formatOpening(mon0900, sunEvening, tz, 'de')).toBe('morgen um 9:00');
    expect(formatOpening(mon0900, monEarly, tz, 'pt')).toBe('hoje às 9:00');
    const sat1300 = new Date('2026-11-28T12:00:00Z'); // 13:00 Berlin
    const wed = new Date('2026-11-25T12:00:00Z');
    expect(formatOpening(sat1300, wed, tz, 'pt')).toBe('no sábado às 13:00');
    expect(formatOpening(sat1300, wed, tz, 'es')).toBe('el sábado a las 13:00');
    const sat0100 = new Date('2026-11-28T00:00:00Z'); // 01:00 Berlin
    expect(formatOpening(sat0100, wed, tz, 'es')).toBe('el sábado a la 1:00');
    expect(formatOpening(sat0100, wed, tz, 'pt')).toBe('no sábado à 1:00');
  });
});
