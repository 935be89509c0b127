import { useEffect, useRef } from 'react';
import type { SecretKey } from './state/form';
import { setSecret, useOptions } from './state/store';
import { focusSoon } from './focus';

/**
 * Write-only: once saved, the value never comes back to the page, only the fact that one is saved.
 * The input is uncontrolled so a typed secret never lands in a DOM attribute.
 */
export function SecretInput({ secret, label, help }: { secret: SecretKey; label: string; help: string }) {
  const isSet = useOptions((s) => s.secretsSet[secret]);
  const edit = useOptions((s) => s.secretEdits[secret]);
  const input = useRef<HTMLInputElement>(null);
  const id = `secret-${secret}`;

  useEffect(() => {
    // Discarded or saved: the typed value must not linger in the field.
    if (edit === undefined && input.current) input.current.value = '';
  }, [edit]);

  const showInput = !isSet || typeof edit === 'string';
  return (
    <div className="field secret" data-testid={`secret-${secret}`} data-saved={isSet || undefined}>
      {showInput ? (
        <>
          <label htmlFor={id}>{label}</label>
          <div className="row">
            <input
              ref={input}
              id={id}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              data-testid={`secret-input-${secret}`}
              aria-describedby={`${id}-help`}
              onChange={(e) => setSecret(secret, e.target.value ? e.target.value : isSet ? '' : undefined)}
            />
            {isSet && (
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => {
                  setSecret(secret, undefined);
                  focusSoon(`${id}-replace`);
                }}
              >
                Keep the saved one
              </button>
            )}
          </div>
        </>
      ) : (
        <>
          <span className="label" id={`${id}-label`}>
            {label}
          </span>
          <div className="row" role="group" aria-labelledby={`${id}-label`}>
            {edit === null ? (
              <span className="secret-state" data-testid={`secret-state-${secret}`}>
                Will be removed when you save.
              </span>
            ) : (
              <span className="secret-state" data-testid={`secret-state-${secret}`}>
                <span aria-hidden="true">•••• </span>saved
              </span>
            )}
            {edit === null ? (
              <button type="button" className="btn btn-quiet" onClick={() => setSecret(secret, undefined)}>
                Undo
              </button>
            ) : (
              <>
                <button
                  type="button"
                  id={`${id}-replace`}
                  className="btn btn-quiet"
                  aria-label={`Replace ${label}`}
                  data-testid={`secret-replace-${secret}`}
                  onClick={() => {
                    setSecret(secret, '');
                    focusSoon(id);
                  }}
                >
                  Replace
                </button>
                <button type="button" className="btn btn-quiet" aria-label={`Remove ${label}`} onClick={() => setSecret(secret, null)}>
                  Remove
                </button>
              </>
            )}
          </div>
        </>
      )}
      <p id={`${id}-help`} className="help">
        {help}
      </p>
    </div>
  );
}
