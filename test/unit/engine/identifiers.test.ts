import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankIdentifiers, blankLinks } from '@/lib/engine/read/identifiers';

// The expressions the scanner replaced: quadratic on a long run of word characters, exact on short text, so they
// serve as the reference for what is blanked.
const OLD_FEATURES = /https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const OLD_SCOPE = /[\w.+-]+@[\w-]+(\.[\w-]+)+|https?:\/\/\S+|www\.\S+/g;
const OLD_IDENTIFIER = /[\w.+-]+@[\w-]+(\.[\w-]+)+|\+?\d[\d\s()./#-]{2,}\d|\b[a-z]*\d[a-z\d]{3,}\b/g;

// Short strings over the characters these patterns care about, so that every branch is reached often.
const tricky = fc
  .array(
    fc.constantFrom(...'aAbwh1209_.+-@:/ (#)\n\tshttp://www.x@y.co-+1 555'.split(''), 'http://', 'https://', 'www.', '@', 'a1b2', ' '),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('identifier scanner', () => {
  it('blanks exactly what the old link and email expressions blanked', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        expect(blankLinks(s)).toBe(s.replace(OLD_FEATURES, ' '));
        expect(blankLinks(s, true)).toBe(s.replace(OLD_SCOPE, ' '));
      }),
      { numRuns: 5000 },
    );
  });

  it('blanks exactly what the old identifier expression blanked', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        expect(blankIdentifiers(s)).toBe(s.replace(OLD_IDENTIFIER, ' '));
      }),
      { numRuns: 5000 },
    );
    for (const s of [
      'my email is cminh730@email.com',
      'order id: 3348917502',
      '(977) 625-2661 or +44 20 7946 0958',
      'code a1b2c3, not ab1',
    ])
      expect(blankIdentifiers(s)).toBe(s.replace(OLD_IDENTIFIER, ' '));
  });

  it('reads a 100,000-character run of word characters without backtracking over it', () => {
    const run = `mail me at ${'x'.repeat(100_000)}`;
    expect(blankLinks(run)).toBe(run);
    expect(blankIdentifiers(`${run}@example.com`)).toBe('mail me at  ');
  });
});
