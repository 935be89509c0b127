import { useMemo } from 'react';
import { renderNote } from '@/lib/note/render';

export function NoteEditor({
  note,
  edited,
  disabled,
  onChange,
}: {
  note: string;
  edited: boolean;
  disabled: boolean;
  onChange: (n: string) => void;
}) {
  // renderNote escapes every character of the note before adding its few tags, so customer text quoted in
  // the note stays text here exactly as it does in the posted note.
  const preview = useMemo(() => renderNote(note).html, [note]);
  return (
    <section className="card" aria-labelledby="baton-note-title">
      <div className="card-head">
        <h2 id="baton-note-title">Escalation note</h2>
        {edited && <span className="muted small">edited · saved as draft</span>}
      </div>
      <label className="sr-only" htmlFor="baton-note">
        Internal note to post
      </label>
      <textarea id="baton-note" data-testid="note" value={note} rows={9} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
      <p className="help">Posted as an internal note; customers never see it. **Bold** and lines starting with "- " are formatted.</p>
      <details className="note-preview-box" open>
        <summary>How the helpdesk will show it</summary>
        <div className="note-preview" data-testid="note-preview" dangerouslySetInnerHTML={{ __html: preview }} />
        <p className="help" data-testid="note-record-hint">
          Baton adds one last line, <code>Baton record bt1.…</code>: why and where it escalated, for your team’s reports.
        </p>
      </details>
    </section>
  );
}
