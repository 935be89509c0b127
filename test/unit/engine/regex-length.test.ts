/**
 * The phrase readers stay readable: no regular expression literal in the act readers, the phrase readers or the scope judge is longer than
 * MAX characters. A longer list is split into named parts (anyPart, or fragments composed with new RegExp).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const DIRS = ['lib/engine/acts', 'lib/engine/acts/phrases', 'lib/engine/scope'];
const MAX = 200;

function literals(dir: string): { at: string; length: number }[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => {
      const file = join(ROOT, dir, f);
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const out: { at: string; length: number }[] = [];
      const visit = (n: ts.Node) => {
        if (n.kind === ts.SyntaxKind.RegularExpressionLiteral)
          out.push({
            at: `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`,
            length: n.getText(sf).length,
          });
        ts.forEachChild(n, visit);
      };
      visit(sf);
      return out;
    });
}

describe('regular expression literals in the act and phrase readers and the scope judge', () => {
  it(`are at most ${MAX} characters long`, () => {
    const all = DIRS.flatMap(literals);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((l) => l.length > MAX).map((l) => `${l.at} (${l.length} characters)`)).toEqual([]);
  });
});
