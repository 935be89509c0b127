import type { Platform } from '../../lib/schema/conversation';
import { PLATFORM_LABELS, type AuthMode } from '../../entrypoints/options/form';
import { testConnection } from '../../entrypoints/options/remote';
import { setField, useOptions } from '../../entrypoints/options/store';
import { Field } from './Field';
import { OutcomeText } from './OutcomeText';
import { Section } from './Section';
import { SecretInput } from './SecretInput';

export function ConnectionsSection() {
  return (
    <Section
      id="connections"
      title="Connections"
      intro="How Baton reaches each helpdesk. Tokens and keys are stored only in this browser, are never shown again once saved, and are never exported."
    >
      <div className="platform-grid">
        <SessionPlatform platform="zendesk" />
        <SessionPlatform platform="gorgias" />
        <FrontConnection />
      </div>
    </Section>
  );
}

const ACCOUNT_HELP: Record<'zendesk' | 'gorgias', string> = {
  zendesk: 'Your Zendesk subdomain: acme for acme.zendesk.com. Pasting the full address works too.',
  gorgias: 'Your Gorgias account: acme for acme.gorgias.com. Pasting the full address works too.',
};

function SessionPlatform({ platform }: { platform: 'zendesk' | 'gorgias' }) {
  const c = useOptions((s) => s.form.connections[platform]);
  const label = PLATFORM_LABELS[platform];
  const base = `connections.${platform}`;
  return (
    <fieldset className="card group" data-testid={`connection-${platform}`}>
      <legend>{label}</legend>
      <Field path={`${base}.account`} label={platform === 'zendesk' ? 'Zendesk subdomain' : 'Gorgias account'} help={ACCOUNT_HELP[platform]}>
        {(p) => (
          <input
            {...p}
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="acme"
            value={c.account}
            onChange={(e) => setField(`${base}.account`, e.target.value)}
          />
        )}
      </Field>
      <fieldset className="radios">
        <legend>How Baton signs in to {label}</legend>
        {(['session', 'token'] as AuthMode[]).map((mode) => (
          <div className="radio" key={mode}>
            <input
              type="radio"
              id={`auth-${platform}-${mode}`}
              name={`auth-${platform}`}
              data-testid={`auth-${platform}-${mode}`}
              checked={c.authMode === mode}
              onChange={() => setField(`${base}.authMode`, mode)}
            />
            <label htmlFor={`auth-${platform}-${mode}`}>
              {mode === 'session' ? `Your own ${label} session (recommended)` : platform === 'zendesk' ? 'Email and API token' : 'Email and API key'}
            </label>
          </div>
        ))}
        <p className="help">
          {c.authMode === 'session'
            ? `Baton works as the agent who is signed in to ${label} in the tab; it stores no secret. Testing needs a ${label} tab open.`
            : `Baton works as the user the ${platform === 'zendesk' ? 'token' : 'key'} belongs to, for every agent using this browser profile.`}
        </p>
      </fieldset>
      {c.authMode === 'token' && (
        <>
          <Field path={`${base}.email`} label={`${label} user's email`} help={`The ${label} user the ${platform === 'zendesk' ? 'API token' : 'API key'} belongs to.`}>
            {(p) => <input {...p} type="email" autoComplete="off" value={c.email} onChange={(e) => setField(`${base}.email`, e.target.value)} />}
          </Field>
          <SecretInput
            secret={platform === 'zendesk' ? 'zendeskToken' : 'gorgiasApiKey'}
            label={platform === 'zendesk' ? 'Zendesk API token' : 'Gorgias API key'}
            help={platform === 'zendesk' ? 'Admin Center → Apps and integrations → Zendesk API.' : 'Settings → REST API in Gorgias.'}
          />
        </>
      )}
      <TestConnection platform={platform} />
    </fieldset>
  );
}

function FrontConnection() {
  const apiBase = useOptions((s) => s.form.connections.front.apiBase);
  return (
    <fieldset className="card group" data-testid="connection-front">
      <legend>Front</legend>
      <Field path="connections.front.apiBase" label="Front API address" help="Usually https://api2.frontapp.com; some companies have their own, like https://acme.api.frontapp.com.">
        {(p) => <input {...p} type="url" spellCheck={false} value={apiBase} onChange={(e) => setField('connections.front.apiBase', e.target.value)} />}
      </Field>
      <SecretInput secret="frontToken" label="Front API token" help="Settings → Developers → API tokens in Front; give it the shared resources scope." />
      <TestConnection platform="front" />
    </fieldset>
  );
}

function TestConnection({ platform }: { platform: Platform }) {
  const outcome = useOptions((s) => s.connectionTests[platform]);
  return (
    <div className="test-row">
      <button
        type="button"
        className="btn"
        data-testid={`test-connection-${platform}`}
        aria-describedby={`test-connection-${platform}-help`}
        disabled={outcome.state === 'busy'}
        onClick={() => void testConnection(platform)}
      >
        Test connection
      </button>
      <p id={`test-connection-${platform}-help`} className="help">
        Saves these {PLATFORM_LABELS[platform]} settings, then asks {PLATFORM_LABELS[platform]} who Baton is signed in as.
      </p>
      <OutcomeText testId={`connection-result-${platform}`} outcome={outcome} />
    </div>
  );
}
