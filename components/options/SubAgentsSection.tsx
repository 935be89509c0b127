import type { SubAgentForm } from './state/form';
import { emptyRow } from './state/schema-form';
import { setField, useOptions } from './state/store';
import { fieldId, LockGroup } from './Field';
import { SchemaField } from './SchemaField';
import { focusSoon } from './focus';
import { Section } from './Section';

/** Handover rules pick sub agents by name, so renaming one carries its rules along. */
function rename(index: number, value: string): void {
  const { subAgents, routing } = useOptions.getState().form.policy;
  const old = subAgents[index]?.name.trim().toLowerCase() ?? '';
  setField(`policy.subAgents.${index}.name`, value);
  const shared = subAgents.some((s, j) => j !== index && s.name.trim().toLowerCase() === old);
  if (!old || !value.trim() || shared) return;
  const same = (n: string) => n.trim().toLowerCase() === old;
  if (!routing.rules.some((r) => r.subAgents.some(same))) return;
  setField(
    'policy.routing.rules',
    routing.rules.map((r) => ({ ...r, subAgents: r.subAgents.map((n) => (same(n) ? value.trim() : n)) })),
  );
}

export function SubAgentsSection() {
  const subAgents = useOptions((s) => s.form.policy.subAgents);
  const add = () => {
    setField('policy.subAgents', [...subAgents, emptyRow('policy.subAgents')]);
    focusSoon(fieldId(`policy.subAgents.${subAgents.length}.name`));
  };
  const remove = (i: number) => {
    setField(
      'policy.subAgents',
      subAgents.filter((_, j) => j !== i),
    );
    focusSoon(subAgents.length > 1 ? fieldId(`policy.subAgents.${Math.max(0, i - 1)}.name`) : 'add-sub-agent');
  };
  return (
    <Section
      id="sub-agents"
      title="Sub agents"
      intro="What the bot handles. A request that none of this covers counts as outside the bot's scope; handover rules route by sub agent."
    >
      <LockGroup field="scope" legend="Bot scope">
        <SchemaField path="policy.scope" />
      </LockGroup>
      <LockGroup field="subAgents" legend="The bot's sub agents">
        {subAgents.length === 0 && <p className="empty">No sub agents yet.</p>}
        <ol className="cards">
          {subAgents.map((s, i) => (
            <SubAgentCard key={s.key} index={i} sub={s} onRemove={() => remove(i)} />
          ))}
        </ol>
        <button type="button" id="add-sub-agent" className="btn" data-testid="add-sub-agent" onClick={add}>
          Add sub agent
        </button>
      </LockGroup>
    </Section>
  );
}

/** Screen readers hear which card a field belongs to; the card's heading already shows it on screen. */
function Ctx({ index }: { index: number }) {
  return <span className="sr-only"> of sub agent {index + 1}</span>;
}

function SubAgentCard({ index, sub, onRemove }: { index: number; sub: SubAgentForm; onRemove: () => void }) {
  const base = `policy.subAgents.${index}` as const;
  const title = sub.name.trim() || `Sub agent ${index + 1}`;
  return (
    <li className="card" data-testid={`sub-agent-${index}`}>
      <div className="card-head">
        <h3>{title}</h3>
        <button type="button" className="btn btn-quiet" aria-label={`Remove sub agent ${title}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      <SchemaField path={`${base}.name`} context={<Ctx index={index} />} onChange={(v) => rename(index, v)} />
      <SchemaField path={`${base}.description`} context={<Ctx index={index} />} />
      <SchemaField path={`${base}.examples`} context={<Ctx index={index} />} />
      <SchemaField path={`${base}.tags`} context={<Ctx index={index} />} />
    </li>
  );
}
