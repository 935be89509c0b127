import { listLabels, PLATFORM_METAS } from '@/lib/platforms/metas';

/** For an agent whose team lead pushed a managed policy: nothing to set up, just where Baton appears. */
export function FirstRunReady({ onDone }: { onDone: () => void }) {
  return (
    <div className="first-run card" data-testid="first-run-ready">
      <h2>Baton is ready</h2>
      <p>
        Your team lead has already set Baton up for your team. Open a conversation in {listLabels(PLATFORM_METAS.map((m) => m.label))} and
        Baton's sidebar appears beside it.
      </p>
      <button type="button" className="btn" data-testid="first-run-ready-done" onClick={onDone}>
        See the settings
      </button>
    </div>
  );
}
