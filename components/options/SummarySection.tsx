import { setField, useOptions } from './state/store';
import { Field, LockGroup } from './Field';
import { SamplePicker } from './SamplePicker';
import { Section } from './Section';
import { usePreview } from './usePreview';

const PLACEHOLDER = `{
  "order_number": "the order number the customer mentions",
  "refund_amount": "any amount of money mentioned"
}`;

export function SummarySection() {
  const text = useOptions((s) => s.form.policy.summarySchema);
  return (
    <Section
      id="summary"
      title="Summary schema"
      intro="The fields your team wants in every escalation summary. Baton always adds issue, customer details, steps taken and next step."
    >
      <LockGroup field="summarySchema" legend="Summary fields">
        <Field
          path="policy.summarySchema"
          label="Fields (JSON: field name → what to put in it)"
          help="A JSON object, checked as you type. A field Baton cannot find in the conversation is left empty, never invented."
        >
          {(p) => (
            <textarea
              {...p}
              className="mono"
              rows={8}
              spellCheck={false}
              placeholder={PLACEHOLDER}
              value={text}
              onChange={(e) => setField('policy.summarySchema', e.target.value)}
            />
          )}
        </Field>
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
