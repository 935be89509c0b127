import { LockGroup } from './Field';
import { SchemaFields } from './SchemaField';
import { Section } from './Section';

/** Promise check and unclaimed timer settings. */
export function FollowThroughSection() {
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
        <SchemaFields group="policy.followUp" />
      </LockGroup>
    </Section>
  );
}
