import type { Platform } from '@/lib/schema/conversation';
import { FORM_PLATFORMS, PLATFORM_LABELS } from './state/form';
import { previewConversation, SAMPLE_OPTIONS, type SampleKey } from './state/preview';
import { setPreview, useOptions } from './state/store';

const ROLE: Record<string, string> = { customer: 'Customer', bot: 'Bot', agent: 'Agent' };

/** Which conversation the previews run on: a built-in sample, the team lead's own line, or the last one opened. */
export function SamplePicker() {
  const settings = useOptions((s) => s.preview);
  const last = useOptions((s) => s.lastConversation);
  // Without leave to keep customer text, Baton keeps no copy of a conversation to preview on.
  const kept = useOptions((s) => s.form.policy.handoffLog.keepCustomerText);
  const sample = previewConversation(settings, last);
  return (
    <div className="sample-picker">
      <div className="row wrap">
        <div className="field">
          <label htmlFor="preview-sample">Sample conversation</label>
          <select
            id="preview-sample"
            data-testid="preview-sample"
            value={settings.sample}
            onChange={(e) => setPreview({ sample: e.target.value as SampleKey })}
          >
            {SAMPLE_OPTIONS.map((o) => (
              <option key={o.key} value={o.key} disabled={o.key === 'last' && !last}>
                {o.key === 'last'
                  ? last
                    ? `${o.label} (${PLATFORM_LABELS[last.platform]})`
                    : `${o.label} (${kept ? 'none yet' : 'kept only with Keep customer text'})`
                  : o.label}
              </option>
            ))}
          </select>
        </div>
        {settings.sample !== 'last' && (
          <div className="field">
            <label htmlFor="preview-platform">As a conversation in</label>
            <select
              id="preview-platform"
              data-testid="preview-platform"
              value={settings.platform}
              onChange={(e) => setPreview({ platform: e.target.value as Platform })}
            >
              {FORM_PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {PLATFORM_LABELS[p]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <p className="help">
        The same sample drives the summary preview and the routing preview. The last conversation opened is the last one Baton checked in
        your helpdesk.
      </p>
      {settings.sample === 'custom' && (
        <div className="field">
          <label htmlFor="preview-custom">The customer writes</label>
          <textarea
            id="preview-custom"
            data-testid="preview-custom"
            rows={2}
            value={settings.customText}
            onChange={(e) => setPreview({ customText: e.target.value })}
          />
        </div>
      )}
      {sample && settings.sample !== 'custom' && (
        <details className="transcript">
          <summary>Show the conversation ({sample.conversation.messages.length} messages)</summary>
          <ol>
            {sample.conversation.messages.map((m, i) => (
              <li key={i} data-role={m.role}>
                <strong>
                  {ROLE[m.role]}
                  {m.internal ? ' (internal note)' : ''}:
                </strong>{' '}
                {m.text}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
