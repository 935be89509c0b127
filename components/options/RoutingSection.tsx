import type { Platform } from '@/lib/schema/conversation';
import { PLATFORM_METAS, listLabels } from '@/lib/platforms/metas';
import { FORM_PLATFORMS, newRule, PLATFORM_LABELS } from './state/form';
import { SAMPLE_OPTIONS } from './state/preview';
import { loadTargets } from './state/remote';
import { setField, useOptions } from './state/store';
import { Field, fieldId, LockGroup } from './Field';
import { focusSoon } from './focus';
import { RuleEditor } from './RuleEditor';
import { Section } from './Section';
import { TargetPicker } from './TargetPicker';
import { usePreview } from './usePreview';

export function RoutingSection() {
  const defaults = useOptions((s) => s.form.policy.routing.defaultTargets);
  const rules = useOptions((s) => s.form.policy.routing.rules);
  const preview = usePreview();
  const hit = preview.ok ? preview.route.ruleIndex : -1;
  const add = () => {
    const { preview, form, targets } = useOptions.getState();
    setField('policy.routing.rules', [...rules, newRule(preview.platform)]);
    if (targets[preview.platform].state === 'idle') void loadTargets(preview.platform);
    focusSoon(form.policy.subAgents.length ? `rule-${rules.length}-sub-0` : fieldId(`policy.routing.rules.${rules.length}.platform`));
  };
  return (
    <Section
      id="routing"
      title="Routing"
      intro="Where escalated conversations go. Handover rules are checked from the top and the first match wins; with no match, the helpdesk's default target is used."
    >
      <TargetLists />
      <LockGroup field="routing" legend="Targets and handover rules">
        <h3>Default target per helpdesk</h3>
        <div className="platform-grid">
          {FORM_PLATFORMS.map((p) => (
            <Field
              key={p}
              path={`policy.routing.defaultTargets.${p}`}
              label={`${PLATFORM_LABELS[p]} default target`}
              help="Used when no handover rule matches."
            >
              {(control) => (
                <TargetPicker
                  platform={p}
                  value={defaults[p]}
                  control={control}
                  emptyLabel="None: the agent picks"
                  onChange={(t) => setField(`policy.routing.defaultTargets.${p}`, t)}
                />
              )}
            </Field>
          ))}
        </div>
        <h3>Handover rules</h3>
        {rules.length === 0 && <p className="empty">No handover rules yet: every escalation goes to the default target.</p>}
        <ol className="cards" data-testid="rules">
          {rules.map((r, i) => (
            <RuleEditor key={r.key} index={i} rule={r} count={rules.length} hit={hit === i} />
          ))}
        </ol>
        <button type="button" id="add-rule-button" className="btn" data-testid="add-rule" onClick={add}>
          Add handover rule
        </button>
      </LockGroup>
      <RoutePreview />
    </Section>
  );
}

const LIST_LABEL = Object.fromEntries(
  PLATFORM_METAS.map((m) => [m.platform, listLabels(m.targetKinds.map((k) => k.label.toLowerCase()))]),
) as Record<Platform, string>;

/** The live lists come from each helpdesk through the background worker, with the account from Connections. */
function TargetLists() {
  const targets = useOptions((s) => s.targets);
  return (
    <div className="target-lists">
      <h3 id="target-lists-title">Live lists from your helpdesks</h3>
      <ul>
        {FORM_PLATFORMS.map((p) => {
          const l = targets[p];
          return (
            <li key={p} data-testid={`targets-${p}`} data-state={l.state}>
              <span className="list-name">{PLATFORM_LABELS[p]}: </span>
              <span role="status">
                {l.state === 'idle' && `not loaded (${LIST_LABEL[p]})`}
                {l.state === 'loading' && 'loading…'}
                {l.state === 'ready' && `${l.items.length} ${LIST_LABEL[p]}`}
                {l.state === 'error' && <span className="error-text">{l.error}</span>}
              </span>{' '}
              <button
                type="button"
                className="btn btn-small"
                data-testid={`refresh-targets-${p}`}
                disabled={l.state === 'loading'}
                onClick={() => void loadTargets(p, true)}
              >
                {l.state === 'idle' ? 'Load' : 'Refresh'}
                <span className="sr-only"> the {PLATFORM_LABELS[p]} list</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function RoutePreview() {
  const result = usePreview();
  const settings = useOptions((s) => s.preview);
  const label = SAMPLE_OPTIONS.find((o) => o.key === settings.sample)?.label ?? '';
  return (
    <section className="preview" aria-labelledby="route-preview-title">
      <h3 id="route-preview-title">Which rule would the sample hit?</h3>
      <p className="help">
        Runs the sample conversation chosen under <a href="#summary">Summary schema</a> ({label}) through the rules above.
      </p>
      {!result.ok ? (
        <p className="preview-problem" data-testid="route-preview" data-state="unavailable">
          {result.problem}
        </p>
      ) : (
        <div className="preview-result" data-testid="route-preview" data-state="ready" data-rule-index={result.route.ruleIndex}>
          <p className="route-line">
            {result.route.ruleIndex >= 0
              ? `Handover rule ${result.route.ruleIndex + 1} → ${result.route.target?.name}`
              : result.route.target
                ? `No rule matches → ${PLATFORM_LABELS[result.platform]} default target ${result.route.target.name}`
                : `No rule matches and ${PLATFORM_LABELS[result.platform]} has no default target: the agent picks one.`}
          </p>
          <p className="muted">
            In {PLATFORM_LABELS[result.platform]} · sub agent: {result.verdict.subAgent ?? 'none recognised'} · sentiment:{' '}
            {result.verdict.sentiment} · urgency: {result.verdict.urgency}
          </p>
        </div>
      )}
    </section>
  );
}
