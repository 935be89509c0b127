import { setField, useOptions } from './state/store';
import { Field, LockGroup } from './Field';
import { Section } from './Section';

/** The message offered for the customer, per language, and the team's hours. */
export function CustomerMessageSection() {
  const en = useOptions((s) => s.form.policy.customerMessage.messages.en);
  return (
    <Section
      id="customer-message"
      title="Message to the customer"
      intro="What the agent can send the customer when a conversation is handed off."
    >
      <LockGroup field="customerMessage" legend="English">
        <Field path="policy.customerMessage.messages.en.inside" label="Inside opening hours" help="{wait} becomes the expected wait.">
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={en.inside}
              onChange={(e) => setField('policy.customerMessage.messages.en.inside', e.target.value)}
            />
          )}
        </Field>
        <Field path="policy.customerMessage.messages.en.wait" label="Expected wait" help="e.g. within a few hours.">
          {(p) => (
            <input
              {...p}
              type="text"
              value={en.wait}
              onChange={(e) => setField('policy.customerMessage.messages.en.wait', e.target.value)}
            />
          )}
        </Field>
      </LockGroup>
    </Section>
  );
}
