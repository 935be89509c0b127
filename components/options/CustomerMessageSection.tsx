import { useId, useMemo, useState } from 'react';
import { customerMessageFor } from '@/lib/handoff/customer-message';
import { CustomerMessageSchema, LANGUAGES, WEEKDAYS, type Language, type Weekday } from '@/lib/schema/customer-message';
import { now } from '@/utils/clock';
import { policyInput } from './state/validate';
import { useOptions } from './state/store';
import { FieldErrors, fieldId, LockGroup, useFieldErrors } from './Field';
import { SchemaField } from './SchemaField';
import { Section } from './Section';

const BASE = 'policy.customerMessage' as const;
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const languageName = (l: Language) => languageNames.of(l) ?? l;
// 2024-01-01 was a Monday: Intl names the days, in the order of WEEKDAYS.
const DAY_NAMES = Object.fromEntries(
  WEEKDAYS.map((d, i) => [d, new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + i))]),
) as Record<Weekday, string>;
// Some engines leave UTC out of the list; it is the default, so it is offered too.
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];

/** The message offered for the customer, per language, and the team's hours. */
export function CustomerMessageSection() {
  return (
    <Section
      id="customer-message"
      title="Message to the customer"
      intro="What the agent can send the customer when a conversation is handed off, in the customer's language (Baton detects it from what the customer wrote; English when it cannot tell)."
    >
      <LockGroup field="customerMessage" legend="Texts per language">
        <p className="help">
          In each text, {'{wait}'} becomes the expected wait and {'{opening}'} when the team is back (&ldquo;on Monday at 9:00&rdquo;,
          written in that language).
        </p>
        <div className="platform-grid">
          {LANGUAGES.map((l) => (
            <LanguageTexts key={l} language={l} />
          ))}
        </div>
      </LockGroup>
      <LockGroup field="customerMessage" legend="Expected wait">
        <SchemaField path={`${BASE}.measuredWait`} />
      </LockGroup>
      <LockGroup field="customerMessage" legend="Team hours">
        <TeamHours />
      </LockGroup>
      <Preview />
    </Section>
  );
}

function LanguageTexts({ language }: { language: Language }) {
  const base = `${BASE}.messages.${language}` as const;
  const name = languageName(language);
  const ctx = <span className="sr-only"> ({name})</span>;
  return (
    <fieldset className="card group" lang={language}>
      <legend lang="en">{name}</legend>
      <SchemaField path={`${base}.inside`} labelLang="en" context={ctx} />
      <SchemaField path={`${base}.wait`} labelLang="en" context={ctx} />
      <SchemaField path={`${base}.outside`} labelLang="en" context={ctx} />
    </fieldset>
  );
}

function TeamHours() {
  const listId = useId();
  const weekPath = `${BASE}.hours.week`;
  // The week's own problem (every day closed); each day's problems show at that day's fields.
  const weekErrors = useFieldErrors(weekPath).filter((i) => i.path === weekPath);
  return (
    <>
      <SchemaField path={`${BASE}.hours.enabled`} />
      <SchemaField
        path={`${BASE}.hours.timeZone`}
        list={listId}
        after={
          <datalist id={listId}>
            {TIME_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        }
      />
      <fieldset
        className="week"
        id={fieldId(weekPath)}
        tabIndex={-1}
        aria-describedby={weekErrors.length ? `${fieldId(weekPath)}-error` : undefined}
        data-testid={`field-${weekPath}`}
      >
        <legend>Week</legend>
        {WEEKDAYS.map((d) => (
          <Day key={d} day={d} />
        ))}
        <FieldErrors id={`${fieldId(weekPath)}-error`} errors={weekErrors} />
      </fieldset>
    </>
  );
}

function Day({ day }: { day: Weekday }) {
  const closed = useOptions((s) => s.form.policy.customerMessage.hours.week[day].closed);
  const base = `${BASE}.hours.week.${day}` as const;
  const name = DAY_NAMES[day];
  const ctx = <span className="sr-only"> on {name}</span>;
  return (
    <div className="week-day" role="group" aria-label={name}>
      <span className="week-day-name" aria-hidden="true">
        {name}
      </span>
      <SchemaField path={`${base}.closed`} context={ctx} />
      <SchemaField path={`${base}.open`} context={ctx} disabled={closed} />
      <SchemaField path={`${base}.close`} context={ctx} disabled={closed} />
    </div>
  );
}

/** "Now it would say: …", from the texts and hours as typed, on Baton's clock. */
function Preview() {
  const form = useOptions((s) => s.form.policy);
  const [language, setLanguage] = useState<Language>('en');
  const selectId = useId();
  const parsed = useMemo(() => CustomerMessageSchema.safeParse(policyInput(form).input.customerMessage), [form]);
  const at = now();
  let line: string;
  let when = '';
  if (parsed.success) {
    line = customerMessageFor(parsed.data, language, at).text;
    if (parsed.data.hours.enabled) {
      const tz = parsed.data.hours.timeZone;
      const clock = new Intl.DateTimeFormat('en', {
        weekday: 'long',
        hour: 'numeric',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: tz,
      }).format(at);
      when = ` (${clock} in ${tz})`;
    }
  } else {
    line = 'Fix the problems above to see it.';
  }
  return (
    <div className="customer-preview" data-testid="customer-message-preview">
      <div className="row">
        <label htmlFor={selectId}>Preview in</label>
        <select
          id={selectId}
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
          data-testid="customer-message-preview-language"
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </div>
      <p role="status">
        Now{when} it would say:{' '}
        <q lang={parsed.success ? language : 'en'} data-testid="customer-message-preview-text">
          {line}
        </q>
      </p>
    </div>
  );
}
