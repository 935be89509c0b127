import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

/** Every import specifier of a file that points into one of `layers`, by alias or by relative path. */
function importsInto(file: string, layers: string[]): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]!);
  return specs.filter((s) => {
    const target = s.startsWith('@/') ? s.slice(2) : s.startsWith('.') ? relative(root, join(file, '..', s)) : null;
    return target !== null && layers.some((l) => target === l || target.startsWith(`${l}/`));
  });
}

describe('imports go one way: entrypoints → components → utils → lib', () => {
  const cases: [string, string[]][] = [
    ['lib', ['utils', 'components', 'entrypoints']],
    ['utils', ['components', 'entrypoints']],
    ['components', ['entrypoints']],
  ];
  it.each(cases)('%s imports nothing from %j', (layer, above) => {
    const wrong = files(join(root, layer)).flatMap((f) => importsInto(f, above).map((s) => `${relative(root, f)} → ${s}`));
    expect(wrong).toEqual([]);
  });

  it('the options entrypoint holds only the page shell', () => {
    expect(readdirSync(join(root, 'entrypoints/options')).sort()).toEqual(['index.html', 'main.tsx', 'options.css']);
  });
});
