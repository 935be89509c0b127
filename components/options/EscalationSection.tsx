import { SUGGESTABLE_TAGS } from '@/lib/signals/registry';
import { LockGroup } from './Field';
import { SchemaField, SchemaFields } from './SchemaField';
import { Section } from './Section';

export function EscalationSection() {
  return (
    <Section id="escalation" title="Escalation" intro="When Baton says a conversation must go to your team, and what it tags.">
      <LockGroup field="signals" legend="Escalate when">
        <SchemaFields group="policy.signals" />
      </LockGroup>
      <LockGroup field="customInstruction" legend="Escalation instruction">
        <SchemaField path="policy.customInstruction" />
      </LockGroup>
      <LockGroup field="tags" legend="Tags">
        <SchemaField path="policy.tags.escalation" list="tag-suggestions" />
        <datalist id="tag-suggestions">
          {['sys_escalation', ...SUGGESTABLE_TAGS].map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <SchemaField path="policy.tags.suggest" />
      </LockGroup>
    </Section>
  );
}
