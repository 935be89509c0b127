import type { Policy } from '@/lib/schema/policy';
import { SUGGESTABLE_TAGS, SWITCHABLE } from '@/lib/signals/registry';
import { setField, useOptions } from './state/store';
import { CheckboxField, Field, LockGroup } from './Field';
import { Section } from './Section';

/** The switches, their words and order from the signal registry. */
const SIGNALS = SWITCHABLE.map((e) => ({ key: e.id as keyof Policy['signals'], label: e.toggle.label, help: e.toggle.help }));

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
          {['sys_escalation', ...SUGGESTABLE_TAGS].map((t) => (
            <option key={t} value={t} />
          ))}
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
