import { setField, useOptions } from './state/store';
import { CheckboxField, LockGroup } from './Field';
import { Section } from './Section';

/** What the local handoff log behind Insights keeps. */
export function HandoffLogSection() {
  const keep = useOptions((s) => s.form.policy.handoffLog.keepCustomerText);
  return (
    <Section
      id="handoff-log"
      title="Handoff log"
      intro="Baton records verdicts, escalations, returns to the bot and overrides in this browser only."
    >
      <LockGroup field="handoffLog" legend="What is kept">
        <CheckboxField
          path="policy.handoffLog.keepCustomerText"
          label="Keep customer text beyond the evidence quote"
          help="Off: only the quoted evidence is kept."
          checked={keep}
          onChange={(v) => setField('policy.handoffLog.keepCustomerText', v)}
        />
      </LockGroup>
    </Section>
  );
}
