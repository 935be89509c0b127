import { describe, expect, it } from 'vitest';
import { RecheckRule, seenOf, type SeenMessage } from '@/entrypoints/content/recheck';

const msg = (n: number): SeenMessage => ({ key: `m${n}`, at: Date.UTC(2026, 0, 1, 9, n) });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => msg(from + i));

describe('what a change of the conversation view is worth', () => {
  it('the first messages the page renders are the ones already read at load', () => {
    const rule = new RecheckRule();
    expect(rule.onChange([])).toBe('unreadable');
    expect(rule.onChange(range(1, 10))).toBe('unchanged');
  });

  it('a virtualised thread scrolled up and down again (rows dropped and added, count changing) is unchanged', () => {
    const rule = new RecheckRule();
    rule.onChange(range(11, 20));
    expect(rule.onChange(range(8, 17))).toBe('unchanged');
    expect(rule.onChange(range(1, 12))).toBe('unchanged');
    expect(rule.onChange(range(6, 20))).toBe('unchanged');
  });

  it('a new newest message is worth a re-check, once', () => {
    const rule = new RecheckRule();
    rule.onChange(range(1, 10));
    expect(rule.onChange(range(2, 11))).toBe('new-message');
    expect(rule.onChange(range(2, 11))).toBe('unchanged');
  });

  it('older rows never seen before, shown last after a jump up the thread, are not new', () => {
    const rule = new RecheckRule();
    rule.onChange(range(40, 50));
    expect(rule.onChange(range(1, 8))).toBe('unchanged');
  });

  it('a view whose messages Baton cannot pick out is unreadable, not unchanged', () => {
    const rule = new RecheckRule();
    rule.onChange(range(1, 3));
    expect(rule.onChange([])).toBe('unreadable');
  });

  it('a message without an id is known by its author, time and text', () => {
    const a = seenOf({ role: 'customer', text: 'Hello', author: { name: 'Ana' }, createdAt: '2026-01-01T09:00:00Z', internal: false });
    const b = seenOf({
      role: 'customer',
      text: 'Hello again',
      author: { name: 'Ana' },
      createdAt: '2026-01-01T09:00:00Z',
      internal: false,
    });
    expect(a.key).not.toBe(b.key);
    expect(seenOf({ id: 'msg_1', role: 'bot', text: 'x', internal: false }).key).toBe('msg_1');
  });
});
