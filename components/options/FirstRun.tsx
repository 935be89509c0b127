import { useEffect, useState } from 'react';
import { PLATFORM_METAS, listLabels } from '@/lib/platforms/metas';
import type { Platform } from '@/lib/schema/conversation';
import { WELCOME_HASH } from '@/lib/schema/setup';
import { BotIdentitySection } from './BotIdentitySection';
import { CheckSetupSection } from './CheckSetupSection';
import { ConnectionsSection } from './ConnectionsSection';
import { FirstRunReady } from './FirstRunReady';
import { RoutingSection } from './RoutingSection';
import { useOptions } from './state/store';

/** Whether Options is showing the first-run guide; it follows the address, so Back and a reload keep it. */
export function useWelcomeRoute(): [boolean, () => void] {
  const read = () => typeof location !== 'undefined' && location.hash.startsWith(WELCOME_HASH);
  const [on, setOn] = useState(read);
  useEffect(() => {
    const follow = () => setOn(read());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const leave = () => {
    history.replaceState(null, '', location.pathname);
    setOn(false);
  };
  return [on, leave];
}

const STEPS = [
  ['helpdesks', 'Your helpdesks'],
  ['connection', 'Connection'],
  ['bot', "The bot's identity"],
  ['target', 'Default target'],
  ['check', 'Check setup'],
] as const;
type Step = (typeof STEPS)[number][0];

/**
 * A short setup on first install: the helpdesks used, their connection, how to recognise the bot, where
 * escalations go by default, then Check setup. An agent whose team lead pushed a managed policy has nothing
 * to set up and lands on "ready".
 */
export function FirstRun({ onDone }: { onDone: () => void }) {
  const managed = useOptions((s) => s.managed);
  const [step, setStep] = useState<Step>('helpdesks');
  const [picked, setPicked] = useState<Platform[]>([]);
  if (managed.length > 0) return <FirstRunReady onDone={onDone} />;

  const at = STEPS.findIndex(([id]) => id === step);
  const go = (delta: number) => setStep(STEPS[Math.min(STEPS.length - 1, Math.max(0, at + delta))]![0]);
  const toggle = (p: Platform) => setPicked((xs) => (xs.includes(p) ? xs.filter((x) => x !== p) : [...xs, p]));
  return (
    <div className="first-run" data-testid="first-run" data-step={step}>
      <h2>Welcome to Baton</h2>
      <ol className="first-run-steps" aria-label="Setup steps">
        {STEPS.map(([id, title], i) => (
          <li key={id} aria-current={id === step ? 'step' : undefined} className={i < at ? 'done' : undefined}>
            {title}
          </li>
        ))}
      </ol>
      {step === 'helpdesks' && (
        <fieldset className="card group" data-testid="first-run-helpdesks">
          <legend>Which helpdesks does your team use?</legend>
          {PLATFORM_METAS.map((m) => (
            <label key={m.platform} className="checkbox">
              <input
                type="checkbox"
                data-testid={`first-run-pick-${m.platform}`}
                checked={picked.includes(m.platform)}
                onChange={() => toggle(m.platform)}
              />{' '}
              {m.label}
            </label>
          ))}
        </fieldset>
      )}
      {step === 'connection' && <ConnectionsSection />}
      {step === 'bot' && (
        <>
          <BotIdentitySection />
          <p className="help" data-testid="first-run-bot-hint">
            Easier: open a conversation the bot answered, and in Baton's sidebar choose “This author is the bot” on one of its messages.
          </p>
        </>
      )}
      {step === 'target' && <RoutingSection />}
      {step === 'check' && <CheckSetupSection platforms={picked.length ? picked : undefined} />}
      {step !== 'helpdesks' && step !== 'check' && (
        <p className="help">Save at the bottom of the page before you move on; Check setup uses what is saved.</p>
      )}
      <div className="first-run-nav">
        {at > 0 && (
          <button type="button" className="btn" data-testid="first-run-back" onClick={() => go(-1)}>
            Back
          </button>
        )}
        {at < STEPS.length - 1 ? (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="first-run-next"
            disabled={step === 'helpdesks' && picked.length === 0}
            onClick={() => go(1)}
          >
            Next
          </button>
        ) : (
          <button type="button" className="btn btn-primary" data-testid="first-run-finish" onClick={onDone}>
            Finish: show all options
          </button>
        )}
        <button type="button" className="btn btn-link" data-testid="first-run-skip" onClick={onDone}>
          Skip the guide
        </button>
      </div>
      {step === 'helpdesks' && <p className="help">Baton works in {listLabels()}.</p>}
    </div>
  );
}
