import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { boundText, HEAD_CHARS, MAX_TOKEN_CHARS, TAIL_CHARS } from '@/lib/engine/read/bound';
import { clean } from '@/lib/engine/read/text';
import { htmlToText } from '@/lib/platforms/shared';
import { ConversationSchema } from '@/lib/schema/conversation';
import { PolicySchema } from '@/lib/schema/policy';
import { DEMO_BASE } from '@/test/fixtures/demo-policy';

// Speed is measured by `npm run bench`; here a quadratic pass shows as a check that never finishes (the old code
// took minutes on these inputs: 146 s for one 200,000-character token), and the generous timeouts only keep a busy
// machine from failing a linear one.
const TOKEN = 200_000;
const HTML = 500_000;
const policy = PolicySchema.parse(DEMO_BASE);
const chat = (...texts: string[]) =>
  ConversationSchema.parse({
    id: 'long',
    messages: [{ role: 'bot', text: 'Hi! How can I help?' }, ...texts.map((text) => ({ role: 'customer', text }))],
  });

describe('one customer message cannot stall the engine', () => {
  it.each([
    ['a run of letters', 'x'.repeat(TOKEN)],
    ['a hex log', Array.from({ length: TOKEN }, (_, i) => '0123456789abcdef'[(i * 7) % 16]).join('')],
    ['a snake_case trace', 'trace_id_'.repeat(TOKEN / 9)],
    ['a long link', `https://example.com/${'a'.repeat(TOKEN)}`],
    ['an unclosed "<style"', '<style'.repeat(TOKEN / 6)],
  ])('checks a 200 KB token (%s) and still hears the request after it', { timeout: 60_000 }, (_, token) => {
    const v = checkOffline(chat(`It still fails, my trace id is ${token}`, 'I want to talk to a real person now.'), policy);
    expect(v.signals.map((s) => s.kind)).toContain('user_requested_human');
  });

  it('hears a request for a human written after a long pasted log in the same message', { timeout: 60_000 }, () => {
    const v = checkOffline(chat(`${'ERROR 0x1f3a at worker.js:120 '.repeat(4000)}\nPlease let me talk to a human agent.`), policy);
    expect(v.signals.map((s) => s.kind)).toContain('user_requested_human');
    expect(v.signals.find((s) => s.kind === 'user_requested_human')?.evidence.messageIndex).toBe(1);
  });
});

describe('boundText', () => {
  it('keeps ordinary messages as written', () => {
    const text = 'Hi, my order #A-10234 has not arrived. My email is sam@example.com.\nCan you help?';
    expect(boundText(text)).toBe(text);
  });

  it('keeps the head and the tail of a long message, and never a word longer than the cap', () => {
    const text = `${'word '.repeat(3000)}${'z'.repeat(1000)} the end`;
    const bounded = boundText(text);
    expect(bounded.startsWith('word word')).toBe(true);
    expect(bounded.endsWith(' the end')).toBe(true);
    expect(bounded.length).toBeLessThanOrEqual(HEAD_CHARS + TAIL_CHARS + 3);
    expect(Math.max(...bounded.split(/\s+/).map((w) => w.length))).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
    expect(boundText(bounded)).toBe(bounded);
  });

  it('never splits an emoji in two', () => {
    const bounded = boundText('👍'.repeat(5000));
    expect(bounded).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

describe('htmlToText', () => {
  it('reads a body with a character reference past U+10FFFF instead of throwing', () => {
    // It threw a RangeError, and reading the conversation failed on all three helpdesks.
    expect(() => htmlToText('<p>Hi &#1114112; there</p>')).not.toThrow();
    expect(htmlToText('<p>Hi &#1114112; there</p>')).toBe('Hi \ufffd there');
    expect(htmlToText('&#xFFFFFFFFFF; &#99999999999999999999;')).toBe('\ufffd \ufffd');
  });

  it('turns helpdesk HTML into the text an agent reads', () => {
    expect(
      htmlToText('<div>Hello&nbsp;<b>Sam</b>,</div><ul><li>one</li><li class="x">two</li></ul><p>Caf&eacute; &amp; co&#39;s</p>'),
    ).toBe("Hello Sam,\n- one\n- two\nCafé & co's");
    expect(htmlToText('<style>p{}</style><script>if (a<b) x()</script><!-- note -->Text<br/>next')).toBe('Text\nnext');
    expect(htmlToText('&lt;b&gt; is a tag')).toBe('<b> is a tag');
  });

  it.each([
    ['"<style"', '<style'],
    ['"<!--"', '<!--'],
    ['"<li"', '<li'],
    ['"<a"', '<a'],
  ])('reads 500 KB of unclosed %s', { timeout: 60_000 }, (_, opener) => {
    const html = opener.repeat(Math.ceil(HTML / opener.length));
    // Never closed, so it is text (compared as booleans: a failure message of 100 KB helps nobody).
    expect(htmlToText(html) === html).toBe(true);
    expect(clean(html).startsWith(opener.repeat(10))).toBe(true);
  });
});
