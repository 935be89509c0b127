import { baseUrlProblem, baseUrlWarning, engineNeedsKey, MAX_ENGINE_TIMEOUT_SECONDS } from '@/lib/schema/policy';
import { hostPatternFor } from './state/permissions';
import { engineTestBlocker, testEngine } from './state/remote';
import { setField, useOptions } from './state/store';
import { Field, LockGroup } from './Field';
import { OutcomeText } from './OutcomeText';
import { Section } from './Section';
import { SecretInput } from './SecretInput';

const KINDS = [
  { kind: 'offline', label: 'Offline (default)', help: 'Deterministic checks in your browser; no conversation leaves it.' },
  {
    kind: 'openai',
    label: 'OpenAI-compatible',
    help: 'Adds judgement and free-form summary fields; falls back to offline on any failure.',
  },
] as const;

export function EngineSection() {
  const engine = useOptions((s) => s.form.policy.engine);
  const outcome = useOptions((s) => s.engineTest);
  const blocker = useOptions(engineTestBlocker);
  const customHost = hostPatternFor(engine.baseURL);
  // Only for an address the schema accepts: a refused one already shows its problem at the field.
  const warning = baseUrlProblem(engine.baseURL) ? null : baseUrlWarning(engine.baseURL);
  const keyOptional = !engineNeedsKey(engine.baseURL);
  return (
    <Section id="engine" title="AI engine" intro="What decides whether a conversation must be escalated and writes the summary.">
      <LockGroup field="engine" legend="Engine">
        {KINDS.map((k) => (
          <div className="radio" key={k.kind}>
            <input
              type="radio"
              id={`engine-${k.kind}`}
              name="engine-kind"
              data-testid={`engine-${k.kind}`}
              checked={engine.kind === k.kind}
              aria-describedby={`engine-${k.kind}-help`}
              onChange={() => setField('policy.engine.kind', k.kind)}
            />
            <label htmlFor={`engine-${k.kind}`}>{k.label}</label>
            <p id={`engine-${k.kind}-help`} className="help">
              {k.help}
            </p>
          </div>
        ))}
        {engine.kind === 'openai' && (
          <>
            <Field path="policy.engine.model" label="Model" help="e.g. gpt-4o-mini, or the name your provider uses.">
              {(p) => (
                <input
                  {...p}
                  type="text"
                  spellCheck={false}
                  value={engine.model}
                  onChange={(e) => setField('policy.engine.model', e.target.value)}
                />
              )}
            </Field>
            <Field
              path="policy.engine.baseURL"
              label="Base URL"
              help={
                customHost
                  ? `Not api.openai.com: when you save, your browser asks you to let Baton reach ${new URL(engine.baseURL.trim()).host}.`
                  : 'https://api.openai.com/v1, or any OpenAI-compatible address.'
              }
            >
              {(p) => (
                <input
                  {...p}
                  type="url"
                  spellCheck={false}
                  value={engine.baseURL}
                  onChange={(e) => setField('policy.engine.baseURL', e.target.value)}
                />
              )}
            </Field>
            {warning && (
              <p className="warn" role="status" data-testid="base-url-warning">
                {warning}
              </p>
            )}
            <Field
              path="policy.engine.timeoutSeconds"
              label="Timeout (seconds)"
              help={`How long to wait for the model. Empty: 20 s for api.openai.com, 120 s for other hosts (a local model often needs a minute). At most ${MAX_ENGINE_TIMEOUT_SECONDS}. The sidebar shows the offline verdict meanwhile.`}
            >
              {(p) => (
                <input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  min={5}
                  max={MAX_ENGINE_TIMEOUT_SECONDS}
                  step={1}
                  placeholder={keyOptional ? '120' : '20'}
                  value={engine.timeoutSeconds}
                  onChange={(e) => setField('policy.engine.timeoutSeconds', e.target.value)}
                />
              )}
            </Field>
          </>
        )}
      </LockGroup>
      {/* The key is this browser's secret, not policy, so an administrator's lock on the engine leaves it editable. */}
      {engine.kind === 'openai' && (
        <div className="card">
          <SecretInput
            secret="openaiApiKey"
            label={keyOptional ? 'API key (optional for a local server)' : 'OpenAI API key'}
            help={
              keyOptional
                ? "Leave it empty if your server needs none (Ollama, llama.cpp). Stored only in this browser and used only by Baton's background worker."
                : "Stored only in this browser and used only by Baton's background worker."
            }
          />
          <div className="test-row">
            <button
              type="button"
              className="btn"
              data-testid="test-engine"
              aria-describedby="test-engine-help"
              disabled={outcome.state === 'busy' || blocker !== null}
              onClick={() => void testEngine()}
            >
              Test
            </button>
            <p id="test-engine-help" className="help">
              {blocker ?? 'Sends one short made-up conversation to the model with the saved settings.'}
            </p>
            <OutcomeText testId="engine-result" outcome={outcome} />
          </div>
        </div>
      )}
    </Section>
  );
}
