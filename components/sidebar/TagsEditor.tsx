import { useState } from 'react';
import { SUGGESTABLE_TAGS } from '@/lib/signals/registry';

export function TagsEditor({ tags, disabled, onChange }: { tags: string[]; disabled: boolean; onChange: (t: string[]) => void }) {
  const [input, setInput] = useState('');
  const add = () => {
    const t = input.trim().replace(/\s+/g, '_');
    if (t && !tags.includes(t)) onChange([...tags, t]);
    setInput('');
  };
  return (
    <section className="card" aria-labelledby="baton-tags-title">
      <h2 id="baton-tags-title">Tags</h2>
      <ul className="tags" data-testid="tags">
        {tags.map((t) => (
          <li key={t} className="tag">
            <span>{t}</span>
            <button type="button" aria-label={`Remove tag ${t}`} disabled={disabled} onClick={() => onChange(tags.filter((x) => x !== t))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <label className="sr-only" htmlFor="baton-add-tag">
          Add a tag
        </label>
        <input
          id="baton-add-tag"
          list="baton-tag-suggestions"
          placeholder="Add a tag"
          value={input}
          disabled={disabled}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id="baton-tag-suggestions">
          {['sys_escalation', ...SUGGESTABLE_TAGS].map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="button" className="btn btn-small" disabled={disabled || !input.trim()} onClick={add}>
          Add
        </button>
      </div>
    </section>
  );
}
