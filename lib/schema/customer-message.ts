import { z } from 'zod';
import { formMeta } from './form-meta';

/** Languages the message to the customer is written in; the team lead edits each. */
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Fewer measured pick-ups than this for a target and hour of the week, and the message keeps its expected wait text. */
export const MIN_MEASURED_PICKUPS = 5;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour time like 09:00');

/** One day's hours. A closed day keeps its hours, so opening it again restores them. */
const OpeningSchema = z
  .object({
    closed: z.boolean().default(false).register(formMeta, { title: 'Closed' }),
    open: clock.default('09:00').register(formMeta, { title: 'Opens', control: 'time' }),
    close: clock.default('17:00').register(formMeta, { title: 'Closes', control: 'time' }),
  })
  .refine((o) => o.closed || o.open < o.close, { message: 'Closing time must be after opening time', path: ['close'] });
type Opening = z.infer<typeof OpeningSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const weekday: Opening = { closed: false, open: '09:00', close: '17:00' };
const weekend: Opening = { closed: true, open: '09:00', close: '17:00' };
const DEFAULT_WEEK = { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekend, sun: weekend };

const TeamHoursSchema = z
  .object({
    /** Off: every message says "someone will reply {wait}", whatever the time. */
    enabled: z.boolean().default(false).register(formMeta, {
      title: 'Use team hours',
      help: 'Off: the message always promises the expected wait. On: outside these hours it says when the team is back.',
    }),
    timeZone: z
      .string()
      .trim()
      .default('UTC')
      .refine(isTimeZone, 'Unknown time zone: use a name like Europe/Berlin')
      .register(formMeta, { title: 'Time zone', help: "The team's time zone, e.g. Europe/Berlin or America/New_York.", verbatim: true }),
    week: z
      .object(Object.fromEntries(WEEKDAYS.map((d) => [d, OpeningSchema])) as Record<Weekday, typeof OpeningSchema>)
      // A fresh copy each time: zod hands a default out as is, and a caller editing it would edit every later default.
      .default(() => structuredClone(DEFAULT_WEEK))
      .register(formMeta, { title: 'Week' }),
  })
  // With every day closed there is no "back on …" to tell the customer.
  .refine((h) => !h.enabled || WEEKDAYS.some((d) => !h.week[d].closed), {
    message: 'Open at least one day, or switch team hours off',
    path: ['week'],
  });
export type TeamHours = z.infer<typeof TeamHoursSchema>;

/** {wait} → the expected wait; {opening} → when the team is back ("on Monday at 9:00"). */
export const MessageTextsSchema = z.object({
  inside: z
    .string()
    .trim()
    .min(1, 'Write the message sent inside opening hours')
    .register(formMeta, { title: 'Inside opening hours', control: 'textarea', rows: 3 }),
  outside: z
    .string()
    .trim()
    .min(1, 'Write the message sent outside opening hours')
    .register(formMeta, { title: 'Outside opening hours', control: 'textarea', rows: 3 }),
  wait: z.string().trim().default('').register(formMeta, { title: 'Expected wait' }),
});
export type MessageTexts = z.infer<typeof MessageTextsSchema>;

const DEFAULT_MESSAGES: Record<Language, MessageTexts> = {
  en: {
    inside: "Thanks for your patience. I'm connecting you with our team now; someone will reply {wait}.",
    outside: "Thanks for your patience. I've passed your conversation to our team; our team is back {opening} and will reply then.",
    wait: 'within a few hours',
  },
  es: {
    inside: 'Gracias por tu paciencia. Te estoy poniendo en contacto con nuestro equipo; alguien te responderá {wait}.',
    outside:
      'Gracias por tu paciencia. He pasado tu conversación a nuestro equipo; nuestro equipo vuelve {opening} y te responderá entonces.',
    wait: 'en unas horas',
  },
  fr: {
    inside: "Merci de votre patience. Je vous mets en relation avec notre équipe ; quelqu'un vous répondra {wait}.",
    outside:
      'Merci de votre patience. Votre conversation a été transmise à notre équipe ; notre équipe est de retour {opening} et vous répondra alors.',
    wait: "d'ici quelques heures",
  },
  de: {
    inside: 'Danke für Ihre Geduld. Ich verbinde Sie jetzt mit unserem Team; jemand antwortet Ihnen {wait}.',
    outside:
      'Danke für Ihre Geduld. Ich habe Ihr Anliegen an unser Team weitergegeben; unser Team ist {opening} wieder da und antwortet Ihnen dann.',
    wait: 'innerhalb weniger Stunden',
  },
  // Brazilian Portuguese, formal "você" form: the most customers, and still plain to a reader in Portugal.
  pt: {
    inside: 'Obrigado pela paciência. Estou passando a sua conversa para a nossa equipe; alguém vai lhe responder {wait}.',
    outside:
      'Obrigado pela paciência. Passei a sua conversa para a nossa equipe; a nossa equipe volta {opening} e vai lhe responder nesse momento.',
    wait: 'dentro de algumas horas',
  },
};

export const CustomerMessageSchema = z.object({
  messages: z
    // A language missing from a saved or imported policy gets Baton's text, so adding a language never invalidates one.
    .object(
      Object.fromEntries(LANGUAGES.map((l) => [l, MessageTextsSchema.default(() => ({ ...DEFAULT_MESSAGES[l] }))])) as Record<
        Language,
        z.ZodDefault<typeof MessageTextsSchema>
      >,
    )
    .default(() => structuredClone(DEFAULT_MESSAGES))
    .register(formMeta, { title: 'Messages' }),
  hours: TeamHoursSchema.default(() => ({ enabled: false, timeZone: 'UTC', week: structuredClone(DEFAULT_WEEK) })).register(formMeta, {
    title: 'Opening hours',
  }),
  /** On: {wait} comes from the median pick-up this browser's handoff log measured for the target at this hour of the week. */
  measuredWait: z
    .boolean()
    .default(false)
    .register(formMeta, {
      title: 'Use the measured pick-up time',
      help: `{wait} becomes the median time to pick up measured in the handoff log for the conversation's target at this hour of the week (on the team's time zone). With fewer than ${MIN_MEASURED_PICKUPS} pick-ups measured there, the expected wait text stays.`,
    }),
});
export type CustomerMessage = z.infer<typeof CustomerMessageSchema>;
