import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

/** Every import specifier of a file (type-only imports and re-exports too: a cycle of types is still a cycle). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]!);
}

/** The root-relative path an in-project specifier points at (without extension), or null for a package. */
function target(file: string, spec: string): string | null {
  if (spec.startsWith('@/')) return spec.slice(2);
  if (spec.startsWith('.')) return relative(root, join(dirname(file), spec));
  return null;
}

/** Every import specifier of a file that points into one of `layers`, by alias or by relative path. */
function importsInto(file: string, layers: string[]): string[] {
  return specifiers(file).filter((s) => {
    const t = target(file, s);
    return t !== null && layers.some((l) => t === l || t.startsWith(`${l}/`));
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

describe('tests reach project code through the @/ alias', () => {
  it('no test file climbs two or more folders with a relative import (write @/lib/x, not ../../lib/x)', () => {
    const deep = ['test/unit', 'test/e2e'].flatMap((d) =>
      files(join(root, d)).flatMap((f) =>
        specifiers(f)
          .filter((s) => s.startsWith('../../'))
          .map((s) => `${relative(root, f)} → ${s}`),
      ),
    );
    expect(deep).toEqual([]);
  });
});

/**
 * lib/'s folders, bottom first. A folder imports only from folders on a lower line: never sideways, never up.
 * http and schema are the floor everything stands on; the engine and the platforms know nothing of each other;
 * the executor and the setup check drive the platforms, never the reverse. A new folder fails the first test
 * until it is given a line here.
 */
const LIB_LAYERS: string[][] = [
  ['http'],
  ['schema'],
  // The signal registry: what every surface calls a signal, read by the note, webhooks, Insights and the engine.
  ['signals'],
  ['html', 'note', 'config', 'handoff', 'notify', 'retention', 'routing', 'record'],
  ['engine', 'platforms'],
  ['executor', 'setup', 'insights', 'language', 'followup'],
  ['cli', 'watch'],
];

describe("lib's inner layers: schema and http at the bottom, each folder one way", () => {
  const rank = new Map(LIB_LAYERS.flatMap((line, i) => line.map((folder): [string, number] => [folder, i])));
  const folderOf = (path: string) => (path.startsWith('lib/') ? path.split('/')[1]! : null);

  it('every folder of lib has a place in the layers', () => {
    const folders = readdirSync(join(root, 'lib')).filter((n) => statSync(join(root, 'lib', n)).isDirectory());
    expect(folders.filter((f) => !rank.has(f))).toEqual([]);
  });

  it.each(LIB_LAYERS.flat())('lib/%s imports only from lower layers', (folder) => {
    const wrong = files(join(root, 'lib', folder)).flatMap((f) =>
      specifiers(f).flatMap((s) => {
        const to = folderOf(target(f, s) ?? '');
        return to && to !== folder && !(rank.get(to)! < rank.get(folder)!) ? [`${relative(root, f)} → ${s}`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });
});

/** The file a specifier resolves to, as the bundler would find it, or null outside the project. */
function resolve(file: string, spec: string): string | null {
  const t = target(file, spec);
  if (t === null) return null;
  const base = t.replace(/\.tsx?$/, '');
  const hit = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((p) => existsSync(join(root, p)));
  return hit ?? null;
}

/** Every import cycle among `paths` (root-relative), each as the files around it; Tarjan's strongly connected components. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('no import cycles', () => {
  it('the cycle finder finds a cycle through a type-only import and none in a chain', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('no file of lib, utils, components or entrypoints reaches itself through its imports', () => {
    const all = ['lib', 'utils', 'components', 'entrypoints'].flatMap((d) => files(join(root, d)));
    const graph = new Map(all.map((f): [string, string[]] => [relative(root, f), specifiers(f).flatMap((s) => resolve(f, s) ?? [])]));
    expect(cycles(graph)).toEqual([]);
  });
});
