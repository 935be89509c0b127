import { useState } from 'react';
import { PLATFORM_METAS } from '@/lib/platforms/metas';
import type { Platform } from '@/lib/schema/conversation';
import type { SetupReport } from '@/lib/schema/setup';
import { send } from '@/utils/messaging';
import { CheckSetupLines } from './CheckSetupLines';
import { Section } from './Section';
import { requestAccount } from './state/remote';
import { useOptions } from './state/store';

type Run = { state: 'idle' | 'busy' | 'done' | 'error'; report?: SetupReport; error?: string };

/** Runs Check setup for one helpdesk with its saved connection; nothing in the helpdesk changes. */
function useCheckSetup(platform: Platform) {
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const start = async () => {
    const asked = requestAccount(useOptions.getState(), platform);
    if ('error' in asked) {
      setRun({ state: 'error', error: asked.error });
      return;
    }
    setRun({ state: 'busy' });
    try {
      setRun({ state: 'done', report: await send('checkSetup', { platform, account: asked.account }) });
    } catch (e) {
      setRun({ state: 'error', error: (e as Error).message });
    }
  };
  return { run, start };
}

function CheckSetupCard({ platform }: { platform: Platform }) {
  const meta = PLATFORM_METAS.find((m) => m.platform === platform)!;
  const { run, start } = useCheckSetup(platform);
  return (
    <div className="card group" data-testid={`check-setup-${platform}`} data-state={run.state}>
      <h3>{meta.label}</h3>
      <button
        type="button"
        className="btn"
        data-testid={`check-setup-${platform}-run`}
        disabled={run.state === 'busy'}
        onClick={() => void start()}
      >
        {run.state === 'busy' ? 'Checking…' : 'Check setup'}
      </button>
      {run.state === 'error' && (
        <p role="alert" className="notice notice-warn">
          {run.error}
        </p>
      )}
      {run.report && (
        <>
          <p role="status">
            {run.report.ok ? `Baton can read, note, tag and assign in ${meta.label}.` : `Some things need an admin in ${meta.label}:`}
          </p>
          <CheckSetupLines report={run.report} testId={`setup-${platform}`} />
        </>
      )}
    </div>
  );
}

export function CheckSetupSection({ platforms }: { platforms?: Platform[] }) {
  const shown = platforms ?? PLATFORM_METAS.map((m) => m.platform);
  return (
    <Section
      id="check-setup"
      title="Check setup"
      intro="Checks, with the saved connection, that Baton can read a conversation, list targets and tags, and is allowed to post notes, tag and assign. It changes nothing a customer or colleague would see."
    >
      <div className="platform-grid">
        {shown.map((p) => (
          <CheckSetupCard key={p} platform={p} />
        ))}
      </div>
    </Section>
  );
}
