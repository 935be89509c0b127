import type { Platform } from '@/lib/schema/conversation';
import { FORM_PLATFORMS, PLATFORM_LABELS } from './state/form';
import { setField, useOptions } from './state/store';
import { Field, LockGroup } from './Field';
import { Section } from './Section';

const FIELDS = [
  { key: 'names', label: 'Names', help: 'Author names the bot posts as, one per line, e.g. Aissist Bot.' },
  { key: 'emails', label: 'Emails', help: "The bot user's email addresses, one per line." },
  { key: 'ids', label: 'Author ids', help: "The bot user's ids in this helpdesk, one per line." },
] as const;

export function BotIdentitySection() {
  return (
    <Section
      id="bot-identity"
      title="Bot identity"
      intro="How Baton tells the bot's messages from your human agents. Without these, an author whose name looks like a bot (…Bot, AI, Assistant) counts as the bot."
    >
      <LockGroup field="botIdentity" legend="The bot's authors, per helpdesk">
        <div className="platform-grid">
          {FORM_PLATFORMS.map((p) => (
            <PlatformIdentity key={p} platform={p} />
          ))}
        </div>
      </LockGroup>
    </Section>
  );
}

function PlatformIdentity({ platform }: { platform: Platform }) {
  const identity = useOptions((s) => s.form.policy.botIdentity[platform]);
  return (
    <fieldset className="card group">
      <legend>{PLATFORM_LABELS[platform]}</legend>
      {FIELDS.map((f) => {
        const path = `policy.botIdentity.${platform}.${f.key}`;
        return (
          <Field
            key={f.key}
            path={path}
            label={
              <>
                {f.label}
                <span className="sr-only"> of the bot in {PLATFORM_LABELS[platform]}</span>
              </>
            }
            help={f.help}
          >
            {(p) => (
              <textarea {...p} rows={2} spellCheck={false} value={identity[f.key]} onChange={(e) => setField(path, e.target.value)} />
            )}
          </Field>
        );
      })}
    </fieldset>
  );
}
