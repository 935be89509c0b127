import { newSubAgent, type SubAgentForm } from './state/form';
import { setField, useOptions } from './state/store';
import { Field, fieldId, LockGroup } from './Field';
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
  const scope = useOptions((s) => s.form.policy.scope);
  const subAgents = useOptions((s) => s.form.policy.subAgents);
  const add = () => {
    setField('policy.subAgents', [...subAgents, newSubAgent()]);
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
        <Field
          path="policy.scope"
          label="What the bot is meant to handle"
          help="A sentence or two, e.g. order tracking, returns and billing for our online store."
        >
          {(p) => <textarea {...p} rows={3} value={scope} onChange={(e) => setField('policy.scope', e.target.value)} />}
        </Field>
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
  const base = `policy.subAgents.${index}`;
  const title = sub.name.trim() || `Sub agent ${index + 1}`;
  return (
    <li className="card" data-testid={`sub-agent-${index}`}>
      <div className="card-head">
        <h3>{title}</h3>
        <button type="button" className="btn btn-quiet" aria-label={`Remove sub agent ${title}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      <Field
        path={`${base}.name`}
        label={
          <>
            Name
            <Ctx index={index} />
          </>
        }
        help="As the bot calls it, e.g. returns. Handover rules use this name."
      >
        {(p) => <input {...p} type="text" spellCheck={false} value={sub.name} onChange={(e) => rename(index, e.target.value)} />}
      </Field>
      <Field
        path={`${base}.description`}
        label={
          <>
            Description
            <Ctx index={index} />
          </>
        }
        help="What it handles, in plain words."
      >
        {(p) => <textarea {...p} rows={2} value={sub.description} onChange={(e) => setField(`${base}.description`, e.target.value)} />}
      </Field>
      <Field
        path={`${base}.examples`}
        label={
          <>
            Example requests
            <Ctx index={index} />
          </>
        }
        help="One per line, as customers write them, e.g. I want to return my shoes."
      >
        {(p) => <textarea {...p} rows={3} value={sub.examples} onChange={(e) => setField(`${base}.examples`, e.target.value)} />}
      </Field>
      <Field
        path={`${base}.tags`}
        label={
          <>
            Tags
            <Ctx index={index} />
          </>
        }
        help="Tags that mark a conversation as handled by this sub agent, separated by commas."
      >
        {(p) => <input {...p} type="text" spellCheck={false} value={sub.tags} onChange={(e) => setField(`${base}.tags`, e.target.value)} />}
      </Field>
    </li>
  );
}
