import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { renderNote } from '@/lib/note/render';
import { noteBody } from '@/lib/platforms/front/note';
import { noteBodies } from '@/lib/platforms/gorgias/note';
import { noteComment } from '@/lib/platforms/zendesk/note';
import type { EscalationPlan } from '@/lib/schema/plan';
import { conv, policy } from '../engine/fixtures';

const builders: Record<string, (note: string) => unknown> = {
  sidebar: (note) => renderNote(note),
  zendesk: (note) => noteComment({ note, noteMarker: 'bt12345678' } as EscalationPlan),
  gorgias: (note) => noteBodies(note, 'bt12345678'),
  front: (note) => noteBody(note, 'bt12345678'),
};

const ALLOWED_TAG = /^<\/?(p|br|ul|li|strong)>$/;

describe('note rendering never fails, whatever the note quotes', () => {
  it('a customer message carrying NUL-digits-NUL still gives a note on every platform', () => {
    const v = checkOffline(conv([['customer', 'I want to talk to a human agent now \u000099\u0000 please']]), policy());
    expect(v.escalate).toBe(true);
    for (const [name, build] of Object.entries(builders)) expect(() => build(v.note), name).not.toThrow();
    const { html, text } = renderNote('Quoted: \u00000\u0000 and \\* and \u00001\u0000 **bold**');
    expect(text).toBe('Quoted: \u00000\u0000 and * and \u00001\u0000 bold');
    expect(html).toBe('<p>Quoted: \u00000\u0000 and * and \u00001\u0000 <strong>bold</strong></p>');
  });

  it('keeps bold, escapes and unmatched markers as before', () => {
    expect(renderNote('**a** and **b c** but ** d** and \\*\\*e\\*\\* and **f').html).toBe(
      '<p><strong>a</strong> and <strong>b c</strong> but ** d** and **e** and **f</p>',
    );
    expect(renderNote('***x***').html).toBe('<p><strong>*x</strong>*</p>');
    expect(renderNote('**<b>** & "q"').html).toBe('<p><strong>&lt;b&gt;</strong> &amp; &quot;q&quot;</p>');
  });

  it('a long line of unclosed bold markers renders in one pass', () => {
    const line = '**a '.repeat(25_000);
    const { html, text } = renderNote(line);
    // Every "**" follows a space, so none closes: the line stays literal.
    expect(html).toBe(`<p>${line}</p>`);
    expect(text).toBe(line);
    expect(renderNote(`${line}b**`).html).toBe(`<p><strong>${line.slice(2)}b</strong></p>`);
  });

  it('property: any text renders on every platform, and the HTML has only the five note tags', () => {
    const unit = fc.oneof(
      fc.constantFrom(
        '*',
        '**',
        '\\',
        '\u0000',
        // What the old in-band placeholders looked like.
        '\u00001\u0000',
        '0',
        '1',
        '9',
        '<',
        '>',
        '&',
        '"',
        "'",
        '\n',
        '\n\n',
        '- ',
        '• ',
        ' ',
        '_',
        '`',
        '[',
        ']',
        '(',
        ')',
        '#',
      ),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 60 }).map((parts) => parts.join('')),
        (note) => {
          for (const build of Object.values(builders)) build(note);
          const { html } = renderNote(note);
          for (const tag of html.match(/<[^>]*>?/g) ?? []) expect(tag).toMatch(ALLOWED_TAG);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
