import { LockGroup } from './Field';
import { SchemaField } from './SchemaField';
import { SamplePicker } from './SamplePicker';
import { Section } from './Section';
import { usePreview } from './usePreview';

export function SummarySection() {
  return (
    <Section
      id="summary"
      title="Summary schema"
      intro="The fields your team wants in every escalation summary. Baton always adds issue, customer details, steps taken and next step."
    >
      <LockGroup field="summarySchema" legend="Summary fields">
        <SchemaField path="policy.summarySchema" />
      </LockGroup>
      <section className="preview" aria-labelledby="summary-preview-title">
        <h3 id="summary-preview-title">Live preview</h3>
        <SamplePicker />
        <SummaryPreview />
      </section>
    </Section>
  );
}

function SummaryPreview() {
  const result = usePreview();
  if (!result.ok) {
    return (
      <p className="preview-problem" data-testid="summary-preview" data-state="unavailable">
        {result.problem}
      </p>
    );
  }
  const v = result.verdict;
  return (
    <div className="preview-result" data-testid="summary-preview" data-state="ready">
      <p className="verdict" data-status={v.status}>
        {v.reason}
      </p>
      <h4>Summary</h4>
      <dl className="summary-fields">
        {Object.entries(v.summary).map(([k, val]) => (
          <div key={k} data-field={k}>
            <dt>{k}</dt>
            <dd className={val === null ? 'muted' : undefined}>{val ?? 'not found'}</dd>
          </div>
        ))}
      </dl>
      <h4>Escalation note</h4>
      {/* Rendered as text: the note quotes customers, and nothing customers write is ever markup here. */}
      <div className="note" data-testid="note-preview">
        {v.note}
      </div>
    </div>
  );
}
