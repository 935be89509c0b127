import { describe, expect, it } from 'vitest';
import { parseRecords, recordLine, recordNoteLine } from '@/lib/record/codec';
import { renderNote } from '@/lib/note/render';
import { noteBody } from '@/lib/platforms/front/note';
import { HTML_BODY, markupToText } from '@/lib/html/to-text';
import type { HandoffRecord } from '@/lib/schema/record';

const record: HandoffRecord = {
  v: 1,
  kind: 'escalated',
  at: '2026-12-07T10:00:00.000Z',
  reason: 'user_requested_human',
  signals: [{ kind: 'user_requested_human', c: 0.92 }],
  subAgent: 'Returns — ünïcode & <b>',
  askedAt: '2026-12-07T09:58:00.000Z',
  asks: 2,
  target: { kind: 'group', id: '42', name: 'Tier 2' },
};

describe('the handoff record in a note', () => {
  it('reads back from the note as every helpdesk shows it: HTML, plain text and Front Markdown', () => {
    const note = `**Escalated**\nIssue: refund\n\n${recordNoteLine(record)}`;
    const rendered = renderNote(note);
    expect(parseRecords(rendered.html).records).toEqual([record]);
    expect(parseRecords(rendered.text).records).toEqual([record]);
    expect(parseRecords(markupToText(rendered.html, HTML_BODY)).records).toEqual([record]);
    expect(parseRecords(noteBody(note, 'bt123')).records).toEqual([record]);
  });

  it('names a damaged record as unreadable instead of guessing', () => {
    const line = recordLine(record);
    const damaged = line.slice(0, -6) + 'AAAAAA';
    expect(parseRecords(`x ${damaged}`)).toEqual({ records: [], unreadable: 1 });
    const forged = 'Baton record bt1.' + btoa(JSON.stringify({ ...record, subAgent: 'x', reason: 'whatever' })).replace(/=+$/, '');
    expect(parseRecords(forged)).toEqual({ records: [], unreadable: 1 });
  });

  it('finds nothing in an ordinary note', () => {
    expect(parseRecords('Customer wants a refund; Baton record pending')).toEqual({ records: [], unreadable: 0 });
  });
});
