import { describe, expect, it } from 'vitest';
import { renderNote } from '@/lib/note/render';

const NOTE = [
  '**Escalation** — Refund for order 1042',
  '',
  'Issue: the parcel never arrived',
  '',
  'Evidence:',
  '- Customer asked for a human (customer, message 3): "I want a \\<b\\>person\\</b\\> now \\*\\*please\\*\\*"',
  '- Bot handed off (bot, message 4): "I have passed this to our team"',
  '',
  'Next step: check the carrier',
].join('\n');

describe('escalation note as the helpdesk shows it', () => {
  it('shows the heading in bold and the evidence as a list, without literal asterisks', () => {
    const { html } = renderNote(NOTE);
    expect(html).toContain('<p><strong>Escalation</strong> — Refund for order 1042</p>');
    expect(html).toMatch(/<ul><li>Customer asked.*<\/li><li>Bot handed off.*<\/li><\/ul>/);
    expect(html).not.toContain('**Escalation**');
  });

  it('keeps customer text literal: escaped markup stays text, never HTML or bold', () => {
    const { html, text } = renderNote(NOTE);
    expect(html).toContain('I want a &lt;b&gt;person&lt;/b&gt; now **please**');
    expect(html).not.toContain('<b>');
    expect(text).toContain('I want a <b>person</b> now **please**');
  });

  it('escapes raw HTML an agent typed into the note', () => {
    const { html } = renderNote('Call <img src=x onerror=alert(1)> & "quote"');
    expect(html).toBe('<p>Call &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quote&quot;</p>');
  });

  it('gives a plain-text twin without markup', () => {
    const { text } = renderNote(NOTE);
    expect(text.startsWith('Escalation — Refund for order 1042\n\nIssue: the parcel never arrived')).toBe(true);
    expect(text).toContain('- Bot handed off');
  });
});
