import type { Platform } from '@/lib/schema/conversation';
import { PLATFORM_METAS, fieldsFor, metaFor } from '@/lib/platforms/metas';
import type { ConnectionField, PlatformMeta } from '@/lib/platforms/types';
import { PLATFORM_LABELS, type AuthMode, type SecretKey } from './state/form';
import { testConnection } from './state/remote';
import { setField, useOptions } from './state/store';
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
        {PLATFORM_METAS.map((m) => (
          <PlatformConnection key={m.platform} meta={m} />
        ))}
      </div>
    </Section>
  );
}

/** One helpdesk's connection, drawn entirely from its meta: account, sign-in mode, fields and secrets. */
function PlatformConnection({ meta }: { meta: PlatformMeta }) {
  const platform = meta.platform;
  const c = useOptions((s) => s.form.connections[platform]);
  const label = meta.label;
  const base = `connections.${platform}`;
  const mode = c.authMode;
  const shown = fieldsFor(meta, mode);
  const team = shown.filter((f) => !f.perAgent);
  const mine = shown.filter((f) => f.perAgent);
  const tokenThing = meta.secrets[0]?.label ?? 'token';
  return (
    <fieldset className="card group" data-testid={`connection-${platform}`}>
      <legend>{label}</legend>
      {meta.account && (
        <Field path={`${base}.account`} label={meta.account.label} help={meta.account.hint}>
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
      )}
      {meta.authModes.length > 1 && (
        <fieldset className="radios">
          <legend>How Baton signs in to {label}</legend>
          {meta.authModes.map((m: AuthMode) => (
            <div className="radio" key={m}>
              <input
                type="radio"
                id={`auth-${platform}-${m}`}
                name={`auth-${platform}`}
                data-testid={`auth-${platform}-${m}`}
                checked={mode === m}
                onChange={() => setField(`${base}.authMode`, m)}
              />
              <label htmlFor={`auth-${platform}-${m}`}>{meta.authModeLabels[m] ?? m}</label>
            </div>
          ))}
          <p className="help">
            {mode === 'session'
              ? `Baton works as the agent who is signed in to ${label} in the tab; it stores no secret. Testing needs a ${label} tab open.`
              : `Baton works as the user the ${tokenThing} belongs to, for every agent using this browser profile.`}
          </p>
        </fieldset>
      )}
      {team.map((f) => (
        <ConnectionInput key={f.key} platform={platform} field={f} />
      ))}
      {meta.secrets
        .filter((s) => (s.modes ?? ['token']).includes(mode))
        .map((s) => (
          <SecretInput key={s.key} secret={s.key as SecretKey} label={s.label} help={s.hint} />
        ))}
      {mine.length > 0 && (
        <fieldset className="group" data-testid={`connection-${platform}-agent`}>
          <legend>Just for you, in this browser</legend>
          {mine.map((f) => (
            <ConnectionInput key={f.key} platform={platform} field={f} />
          ))}
        </fieldset>
      )}
      <TestConnection platform={platform} />
    </fieldset>
  );
}

function ConnectionInput({ platform, field }: { platform: Platform; field: ConnectionField }) {
  const value = useOptions((s) => s.form.connections[platform][field.key] ?? '');
  const path = `connections.${platform}.${field.key}`;
  return (
    <Field path={path} label={field.label} help={field.hint}>
      {(p) => (
        <input
          {...p}
          type={field.type}
          autoComplete="off"
          spellCheck={false}
          placeholder={field.placeholder}
          value={value}
          onChange={(e) => setField(path, e.target.value)}
        />
      )}
    </Field>
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
        Saves these {PLATFORM_LABELS[platform]} settings, then asks {metaFor(platform).label} who Baton is signed in as.
      </p>
      <OutcomeText testId={`connection-result-${platform}`} outcome={outcome} />
    </div>
  );
}
