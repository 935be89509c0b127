import { setField, useOptions } from './state/store';
import { CheckboxField, Field, LockGroup } from './Field';
import { Section } from './Section';

const SIGNALS = [
  { key: 'user_requested_human', label: 'The customer asks for a human', help: 'e.g. "can I talk to a person?", in any common language.' },
  {
    key: 'bot_handed_off',
    label: 'The bot hands off or says it cannot help',
    help: 'A handoff the bot is still preparing (asking for an order number) waits until it is confirmed.',
  },
  { key: 'out_of_scope', label: "The request is outside the bot's scope", help: 'Judged against the bot scope and sub agents.' },
] as const;

export function EscalationSection() {
  const policy = useOptions((s) => s.form.policy);
  return (
    <Section id="escalation" title="Escalation" intro="When Baton says a conversation must go to your team, and what it tags.">
      <LockGroup field="signals" legend="Escalate when">
        {SIGNALS.map((sig) => (
          <CheckboxField
            key={sig.key}
            path={`policy.signals.${sig.key}`}
            label={sig.label}
            help={sig.help}
            checked={policy.signals[sig.key]}
            onChange={(v) => setField(`policy.signals.${sig.key}`, v)}
          />
        ))}
      </LockGroup>
      <LockGroup field="customInstruction" legend="Escalation instruction">
        <Field
          path="policy.customInstruction"
          label="Your instruction for the escalation check"
          help={
            <>
              e.g. “Only escalate payment issues” or “Always escalate legal threats”.{' '}
              <strong>This changes Baton’s checks, not what the bot replies to customers.</strong>
            </>
          }
        >
          {(p) => (
            <textarea
              {...p}
              rows={3}
              maxLength={2000}
              value={policy.customInstruction}
              onChange={(e) => setField('policy.customInstruction', e.target.value)}
            />
          )}
        </Field>
      </LockGroup>
      <LockGroup field="tags" legend="Tags">
        <Field
          path="policy.tags.escalation"
          label="Tags added on escalation"
          help="Separated by commas, e.g. sys_escalation, vip. Tag names have no spaces."
        >
          {(p) => (
            <input
              {...p}
              type="text"
              spellCheck={false}
              list="tag-suggestions"
              value={policy.tags.escalation}
              onChange={(e) => setField('policy.tags.escalation', e.target.value)}
            />
          )}
        </Field>
        <datalist id="tag-suggestions">
          <option value="sys_escalation" />
          <option value="sys_human_help" />
          <option value="sys_human_follow_up" />
        </datalist>
        <CheckboxField
          path="policy.tags.suggest"
          label="Suggest sys_human_help and sys_human_follow_up"
          help="sys_human_help when the customer asked for a human; sys_human_follow_up when the bot handed off. Agents can remove them before escalating."
          checked={policy.tags.suggest}
          onChange={(v) => setField('policy.tags.suggest', v)}
        />
      </LockGroup>
    </Section>
  );
}
