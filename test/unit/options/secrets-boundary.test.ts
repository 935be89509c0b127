import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

describe('secrets stay in the background worker', () => {
  it('no page or content-script code can read them: the options page asks the background which are set', () => {
    const pageCode = [
      ...files(join(root, 'components')),
      ...files(join(root, 'entrypoints/options')),
      ...files(join(root, 'entrypoints/content')),
    ];
    expect(pageCode.length).toBeGreaterThan(10);
    const readers = pageCode.filter((f) => /\bsecrets(Item|Store)\b|baton:secrets|storage\.(local|sync)\b/.test(readFileSync(f, 'utf8')));
    expect(readers.map((f) => relative(root, f))).toEqual([]);
  });
});
