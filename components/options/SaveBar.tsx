import { discardChanges } from './state/load';
import { describePath } from './state/labels';
import { save } from './state/save';
import { isDirty, useOptions } from './state/store';
import { validateForm } from './state/validate';
import { fieldId } from './Field';

/** Always in view: what is unsaved, Save, and whether the last save worked. */
export function SaveBar() {
  const dirty = useOptions(isDirty);
  const status = useOptions((s) => s.saveStatus);
  return (
    <div className="save-bar" role="region" aria-label="Save changes">
      <ErrorSummary />
      <div className="row">
        <p className={`save-status save-${status.state}`} role="status" data-testid="save-status" data-state={status.state}>
          {status.state === 'saved' && <span aria-hidden="true">✓ </span>}
          {status.message || (dirty ? 'You have unsaved changes.' : 'All changes saved.')}
        </p>
        <button
          type="button"
          className="btn btn-quiet"
          data-testid="discard"
          disabled={!dirty || status.state === 'saving'}
          onClick={() => void discardChanges()}
        >
          Discard changes
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="save"
          disabled={status.state === 'saving'}
          onClick={() => void save()}
        >
          Save
        </button>
      </div>
    </div>
  );
}

/** After a failed save: every problem, each a link that puts the cursor in its field. */
function ErrorSummary() {
  const show = useOptions((s) => s.showAllErrors);
  const form = useOptions((s) => s.form);
  const saveIssues = useOptions((s) => s.saveIssues);
  const issues = show ? [...validateForm(form).issues, ...saveIssues] : [];
  if (!issues.length) return null;
  return (
    <div className="error-summary" data-testid="error-summary">
      <h2>Fix {issues.length === 1 ? 'this' : `these ${issues.length}`} before saving</h2>
      <ul>
        {issues.map((i, k) => (
          <li key={k}>
            <a
              href={`#${fieldId(i.path)}`}
              onClick={(e) => {
                const el = findField(i.path);
                if (!el) return;
                e.preventDefault();
                el.scrollIntoView({ block: 'center' });
                el.focus();
              }}
            >
              {describePath(i.path)}
            </a>
            : {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The field itself, or the nearest enclosing field that owns this path (a list field owns its items). */
function findField(path: string): HTMLElement | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (el) return el;
  }
  return null;
}
