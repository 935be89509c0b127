import { discardChanges } from './state/load';
import { useOptions } from './state/store';
import { POLICY_VERSION } from '@/lib/schema/policy';

const time = (ms: number) => new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** Things the team lead should know before editing: an upgrade, a restored draft, a change made elsewhere. */
export function Notices() {
  const notices = useOptions((s) => s.notices);
  const managedCount = useOptions((s) => s.managed.length);
  return (
    <div className="notices">
      {notices.migratedFrom !== undefined && (
        <p className="notice notice-info" data-testid="notice-migrated">
          Your saved settings came from an older Baton (policy version {notices.migratedFrom}) and were upgraded to version {POLICY_VERSION}
          . Check them below; everything already works as shown.
        </p>
      )}
      {notices.problem && (
        <p className="notice notice-warn" data-testid="notice-problem">
          {notices.problem}
        </p>
      )}
      {notices.draftRestoredAt !== undefined && (
        <div className="notice notice-info row wrap" data-testid="notice-draft">
          <p>Restored your unsaved changes from {time(notices.draftRestoredAt)}.</p>
          <button type="button" className="btn btn-small" onClick={() => void discardChanges()}>
            Discard them
          </button>
        </div>
      )}
      {notices.changedElsewhere && (
        <div className="notice notice-warn row wrap" data-testid="notice-changed">
          <p>The policy was just changed in another window. Saving replaces that change with what is on this page.</p>
          <button type="button" className="btn btn-small" onClick={() => void discardChanges()}>
            Load it and discard mine
          </button>
        </div>
      )}
      {managedCount > 0 && (
        <p className="notice notice-info" data-testid="notice-managed">
          <span aria-hidden="true">🔒 </span>
          Some fields are set by your administrator and locked; see <a href="#managed">Managed policy</a>.
        </p>
      )}
    </div>
  );
}
