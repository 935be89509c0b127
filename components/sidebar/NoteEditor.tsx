export function NoteEditor({ note, edited, disabled, onChange }: { note: string; edited: boolean; disabled: boolean; onChange: (n: string) => void }) {
  return (
    <section className="card" aria-labelledby="baton-note-title">
      <div className="card-head">
        <h2 id="baton-note-title">Escalation note</h2>
        {edited && <span className="muted small">edited · saved as draft</span>}
      </div>
      <label className="sr-only" htmlFor="baton-note">
        Internal note to post
      </label>
      <textarea
        id="baton-note"
        data-testid="note"
        value={note}
        rows={9}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="help">Posted as an internal note; customers never see it.</p>
    </section>
  );
}
