import { useState } from 'react';
import { downloadText } from '@/utils/download';
import { exportFileName, exportJson } from './state/import-export';
import { importPolicy } from './state/importing';
import { describePath } from './state/labels';
import { sameForm, useOptions } from './state/store';
import { Section } from './Section';

export function ImportExportSection() {
  const saved = useOptions((s) => s.saved.policy);
  const policyDirty = useOptions((s) => !sameForm(s.form.policy, s.baseline.policy));
  const status = useOptions((s) => s.importStatus);
  const [text, setText] = useState('');
  return (
    <Section
      id="import-export"
      title="Export and import"
      intro="Share a policy between teams or browsers. Connections, tokens and keys are never part of the file."
    >
      <div className="row wrap">
        <button
          type="button"
          className="btn"
          data-testid="export"
          onClick={() => downloadText(exportFileName(), exportJson(saved), { type: 'application/json' })}
        >
          Download the saved policy
        </button>
        <p className="help">
          {policyDirty
            ? 'Unsaved changes are not in the file; save first to include them.'
            : 'A JSON file you can import here or push as a managed policy.'}
        </p>
      </div>
      <div className="field">
        <label htmlFor="import-file">Import a policy file</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          aria-describedby="import-help"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) await importPolicy(await file.text());
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="import-text">Or paste policy JSON</label>
        <textarea
          id="import-text"
          className="mono"
          rows={5}
          spellCheck={false}
          data-testid="import-text"
          aria-describedby="import-help"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button type="button" className="btn" data-testid="import-button" disabled={!text.trim()} onClick={() => void importPolicy(text)}>
        Import pasted JSON
      </button>
      <p id="import-help" className="help">
        Importing replaces the policy and saves it at once. A file with any problem changes nothing; each problem is listed with its field.
        Files from older Baton versions are upgraded.
      </p>
      <div role="status" className={`import-result import-${status.state}`} data-testid="import-result" data-state={status.state}>
        {status.message && <p>{status.message}</p>}
        {status.issues.length > 0 && (
          <ul data-testid="import-issues">
            {status.issues.map((i, k) => (
              <li key={k} data-testid="import-issue" data-path={i.path}>
                <strong>{describePath(i.path)}</strong> (<code>{i.path}</code>): {i.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
