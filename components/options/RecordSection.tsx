import { LockGroup } from './Field';
import { SchemaFields } from './SchemaField';
import { Section } from './Section';

/** The reason tag and handoff record Baton writes into the helpdesk, and the loop guard that reads them back. */
export function RecordSection() {
  return (
    <Section
      id="handoff-record"
      title="Handoff record"
      intro={
        <>
          Every escalation and Return to bot ends its internal note with one line, <code>Baton record bt1.…</code>: why the bot handed off,
          with which confidence, by whom and to where, so any browser of your team (and your own reports) can read the history from the
          helpdesk itself. It costs no extra request.
        </>
      }
    >
      <LockGroup field="record" legend="Reason tag and loop guard">
        <SchemaFields group="policy.record" />
      </LockGroup>
    </Section>
  );
}
