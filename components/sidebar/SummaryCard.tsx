import { CopyButton } from './CopyButton';

export function SummaryCard({ summary }: { summary: Record<string, string | null> }) {
  const entries = Object.entries(summary);
  const asText = entries.map(([k, v]) => `${k}: ${v ?? ''}`).join('\n');
  return (
    <section className="card" aria-labelledby="baton-summary-title" data-testid="summary">
      <div className="card-head">
        <h2 id="baton-summary-title">Summary</h2>
        <CopyButton text={asText} label="Copy summary" />
      </div>
      <dl className="summary">
        {entries.map(([k, v]) => (
          <div key={k} className="summary-row">
            <dt>{k.replace(/_/g, ' ')}</dt>
            <dd className={v === null ? 'empty' : undefined}>{v ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
