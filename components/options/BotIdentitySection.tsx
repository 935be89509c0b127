import type { Platform } from '@/lib/schema/conversation';
import { FORM_PLATFORMS, PLATFORM_LABELS } from './state/form';
import { LockGroup } from './Field';
import { SchemaFields } from './SchemaField';
import { Section } from './Section';

/** The order the page asks in: what a team lead knows first. */
const ORDER = ['names', 'emails', 'ids'] as const;

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
  return (
    <fieldset className="card group">
      <legend>{PLATFORM_LABELS[platform]}</legend>
      <SchemaFields
        group={`policy.botIdentity.${platform}`}
        only={ORDER}
        context={<span className="sr-only"> of the bot in {PLATFORM_LABELS[platform]}</span>}
      />
    </fieldset>
  );
}
