import { describe, expect, it } from 'vitest';
import { htmlToText } from '@/lib/platforms/shared';
import { dropQuotedHtml, dropQuotedText } from '@/lib/html/quoted';

const PROMISE = 'our billing team will contact you by email';
const read = (html: string) => dropQuotedText(htmlToText(dropQuotedHtml(html, ['front-blockquote'])));

describe('quoted history in e-mail bodies', () => {
  it.each([
    [
      'Gmail',
      `<div>Still nothing.</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Bot &lt;b@x&gt; wrote:</div><blockquote>${PROMISE}</blockquote></div>`,
    ],
    [
      'Front',
      `<div>Still nothing.</div><blockquote type="cite" class="front-blockquote">On Mon wrote:<div><div>${PROMISE}</div></div></blockquote>`,
    ],
    ['Apple Mail', `<p>Still nothing.</p><blockquote type="cite"><div>${PROMISE}</div><blockquote>older</blockquote></blockquote>`],
    [
      'Outlook',
      `<p>Still nothing.</p><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Bot</div><div>${PROMISE}</div>`,
    ],
    ['unclosed quote', `<p>Still nothing.</p><blockquote><p>${PROMISE}`],
  ])('%s: only the new text is left', (_, html) => {
    expect(read(html)).toBe('Still nothing.');
  });

  it("a helpdesk's own quote class counts only when its adapter names it", () => {
    const html = '<p>New</p><div class="front-blockquote"><p>old</p></div>';
    expect(htmlToText(dropQuotedHtml(html))).toBe('New\nold');
    expect(htmlToText(dropQuotedHtml(html, ['front-blockquote']))).toBe('New');
  });

  it('keeps what follows a closed quote (a reply written under it)', () => {
    expect(read('<p>Above</p><blockquote><p>old</p></blockquote><p>Below</p>')).toBe('Above\nBelow');
  });

  it('plain text: from the attribution on (also wrapped over two lines), and ">" lines', () => {
    expect(dropQuotedText(`Still nothing.\n\nOn Mon, Nov 2, 2026 at 9:14 AM Aissist Bot <bot@acme.example> wrote:\n> ${PROMISE}`)).toBe(
      'Still nothing.',
    );
    expect(dropQuotedText(`Still nothing.\nOn Mon, Nov 2, 2026 at 9:14 AM Aissist Bot <bot@\nacme.example> wrote:\n${PROMISE}`)).toBe(
      'Still nothing.',
    );
    expect(dropQuotedText(`Merci\nLe lun. 2 nov. 2026, Bot a écrit :\n${PROMISE}`)).toBe('Merci');
    expect(dropQuotedText(`Thanks\n-----Original Message-----\nFrom: Bot\n${PROMISE}`)).toBe('Thanks');
    expect(dropQuotedText(`Thanks\n> ${PROMISE}\nAnd one more thing`)).toBe('Thanks\nAnd one more thing');
  });

  it("plain text: an Outlook reply header starts the quoted thread; a sentence starting with 'From:' does not", () => {
    expect(dropQuotedText(`Still waiting.\n\nFrom: Acme Support <help@acme.example>\nSent: Friday\nTo: me\n\n${PROMISE}`)).toBe(
      'Still waiting.',
    );
    const text = 'From: the warehouse, nothing yet.\nPlease check.';
    expect(dropQuotedText(text)).toBe(text);
  });

  it('leaves ordinary text alone, "wrote" in a sentence included', () => {
    const text = 'On Monday I wrote to you about my order.\nIt is still late.';
    expect(dropQuotedText(text)).toBe(text);
    expect(dropQuotedHtml('<p>a &lt; b</p>')).toBe('<p>a &lt; b</p>');
  });

  it('reads long hostile markup in linear time without throwing', () => {
    const html = '<blockquote>'.repeat(20_000) + '<div class="gmail_quote">'.repeat(20_000) + 'x';
    expect(read(html)).toBe('');
    expect(read('<'.repeat(50_000) + 'text')).toContain('text');
  });
});
