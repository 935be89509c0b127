import type { Platform } from '@/lib/schema/conversation';
import { FORM_PLATFORMS, PLATFORM_LABELS, type RuleForm } from './state/form';
import { loadTargets } from './state/remote';
import { choicesOf, policyNodeAt } from './state/schema-form';
import { setField, useOptions } from './state/store';
import { Field, FieldErrors, fieldId, useFieldErrors } from './Field';
import { focusSoon } from './focus';
import { TargetPicker } from './TargetPicker';

// The conditions a rule can have, as the policy schema declares them.
const SENTIMENTS = choicesOf(policyNodeAt('routing.rules.0.when.sentiment')!);
const URGENCIES = choicesOf(policyNodeAt('routing.rules.0.when.urgency')!);

function move(index: number, by: -1 | 1): void {
  const rules = [...useOptions.getState().form.policy.routing.rules];
  const to = index + by;
  const [rule] = rules.splice(index, 1);
  if (!rule || to < 0 || to > rules.length) return;
  rules.splice(to, 0, rule);
  setField('policy.routing.rules', rules);
  // The pressed button moved with its rule; keep focus on it, or its twin when it is now disabled.
  const edge = to === 0 || to === rules.length - 1;
  focusSoon(`rule-${to}-${edge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}`);
}

function remove(index: number): void {
  const rules = useOptions.getState().form.policy.routing.rules;
  setField(
    'policy.routing.rules',
    rules.filter((_, i) => i !== index),
  );
  focusSoon(rules.length > 1 ? `rule-${Math.max(0, index - 1)}-remove` : 'add-rule-button');
}

export function RuleEditor({ index, rule, count, hit }: { index: number; rule: RuleForm; count: number; hit: boolean }) {
  const base = `policy.routing.rules.${index}`;
  const subAgents = useOptions((s) => s.form.policy.subAgents);
  const targetsState = useOptions((s) => s.targets[rule.platform].state);
  const n = index + 1;
  return (
    <li className="card rule" data-testid={`rule-${index}`} data-hit={hit || undefined}>
      <fieldset className="group">
        <legend>Handover rule {n}</legend>
        {hit && (
          <p className="hit-badge" data-testid={`rule-${index}-hit`}>
            The sample conversation hits this rule
          </p>
        )}
        <SubAgentChecks index={index} rule={rule} names={subAgents.map((s) => s.name.trim()).filter(Boolean)} />
        <div className="row wrap">
          <Field
            path={`${base}.sentiment`}
            label={
              <>
                Only when sentiment is<span className="sr-only"> (rule {n})</span>
              </>
            }
          >
            {(p) => (
              <select {...p} value={rule.sentiment} onChange={(e) => setField(`${base}.sentiment`, e.target.value)}>
                <option value="">Any sentiment</option>
                {SENTIMENTS.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            path={`${base}.urgency`}
            label={
              <>
                Only when urgency is<span className="sr-only"> (rule {n})</span>
              </>
            }
          >
            {(p) => (
              <select {...p} value={rule.urgency} onChange={(e) => setField(`${base}.urgency`, e.target.value)}>
                <option value="">Any urgency</option>
                {URGENCIES.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row wrap">
          <Field
            path={`${base}.platform`}
            label={
              <>
                Helpdesk<span className="sr-only"> of rule {n}</span>
              </>
            }
            help="Rules apply to conversations in this helpdesk."
          >
            {(p) => (
              <select
                {...p}
                value={rule.platform}
                onChange={(e) => {
                  const platform = e.target.value as Platform;
                  setField(base, { ...rule, platform, target: null });
                  if (useOptions.getState().targets[platform].state === 'idle') void loadTargets(platform);
                }}
              >
                {FORM_PLATFORMS.map((p) => (
                  <option key={p} value={p}>
                    {PLATFORM_LABELS[p]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            path={`${base}.target`}
            label={
              <>
                Send to<span className="sr-only"> (rule {n})</span>
              </>
            }
            help={
              targetsState === 'ready'
                ? `From the live ${PLATFORM_LABELS[rule.platform]} list.`
                : `Load the ${PLATFORM_LABELS[rule.platform]} list above to choose.`
            }
          >
            {(p) => (
              <TargetPicker
                platform={rule.platform}
                value={rule.target}
                control={p}
                emptyLabel="Choose a target"
                onChange={(t) => setField(`${base}.target`, t)}
              />
            )}
          </Field>
        </div>
        <div className="row actions">
          <button type="button" id={`rule-${index}-up`} className="btn btn-quiet" disabled={index === 0} onClick={() => move(index, -1)}>
            Move up<span className="sr-only"> rule {n}</span>
          </button>
          <button
            type="button"
            id={`rule-${index}-down`}
            className="btn btn-quiet"
            disabled={index === count - 1}
            onClick={() => move(index, 1)}
          >
            Move down<span className="sr-only"> rule {n}</span>
          </button>
          <button
            type="button"
            id={`rule-${index}-remove`}
            className="btn btn-quiet btn-danger"
            data-testid={`rule-${index}-remove`}
            onClick={() => remove(index)}
          >
            Remove<span className="sr-only"> rule {n}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/** Checkboxes rather than a multi-select: every sub agent is visible and operable with the keyboard alone. */
function SubAgentChecks({ index, rule, names }: { index: number; rule: RuleForm; names: string[] }) {
  const path = `policy.routing.rules.${index}.subAgents`;
  const errors = useFieldErrors(path);
  const lower = names.map((n) => n.toLowerCase());
  // Names the rule still refers to but no sub agent has any more stay visible so they can be unticked.
  const orphans = rule.subAgents.filter((s) => !lower.includes(s.trim().toLowerCase()));
  const chosen = (name: string) => rule.subAgents.some((s) => s.trim().toLowerCase() === name.toLowerCase());
  const toggle = (name: string, on: boolean) =>
    setField(path, on ? [...rule.subAgents, name] : rule.subAgents.filter((s) => s.trim().toLowerCase() !== name.toLowerCase()));
  const errId = `${fieldId(path)}-error`;
  return (
    <fieldset
      id={fieldId(path)}
      tabIndex={-1}
      className="group checks"
      aria-describedby={errors.length ? errId : undefined}
      data-invalid={errors.length > 0 || undefined}
    >
      <legend>
        Sub agents<span className="sr-only"> of rule {index + 1}</span>
      </legend>
      {names.length === 0 && orphans.length === 0 && <p className="help">Add sub agents first, under Sub agents.</p>}
      <div className="check-list">
        {[...names, ...orphans].map((name, j) => (
          <div className="check" key={`${name}-${j}`}>
            <input
              type="checkbox"
              id={`rule-${index}-sub-${j}`}
              data-testid={`rule-${index}-subagent-${name}`}
              checked={chosen(name)}
              onChange={(e) => toggle(name, e.target.checked)}
            />
            <label htmlFor={`rule-${index}-sub-${j}`}>
              {name}
              {j >= names.length ? ' (no longer a sub agent)' : ''}
            </label>
          </div>
        ))}
      </div>
      <p className="help">The rule matches when the conversation belongs to any ticked sub agent.</p>
      <FieldErrors id={errId} errors={errors} />
    </fieldset>
  );
}
