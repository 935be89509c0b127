import { setField, useOptions } from './state/store';
import { Field, LockGroup } from './Field';
import { Section } from './Section';

/** Promise check and unclaimed timer settings. */
export function FollowThroughSection() {
  const minutes = useOptions((s) => s.form.policy.followUp.claimTargetMinutes);
  return (
    <Section
      id="follow-through"
      title="Follow-through"
      intro={
        <>
          Baton checks that handoffs the bot promised are really done and picked up: the sidebar warns when the bot told the customer
          someone will follow up but the conversation has no escalation tag, owner or reply; when the bot answers after Baton paused it (see{' '}
          <a href="#suspend">Suspend the bot</a>); and when an escalation waits longer than the target below.
        </>
      }
    >
      <LockGroup field="followUp" legend="Pick-up target">
        <Field
          path="policy.followUp.claimTargetMinutes"
          label="Pick-up target (minutes)"
          help="An escalated conversation nobody has picked up after this long gets a nudge in the sidebar."
        >
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              inputMode="numeric"
              value={minutes}
              onChange={(e) => setField('policy.followUp.claimTargetMinutes', e.target.value)}
            />
          )}
        </Field>
      </LockGroup>
    </Section>
  );
}
