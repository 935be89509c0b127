import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E = join(__dirname, '../../e2e');

/** What only test/e2e/fixture.ts may do: start the sandbox helpdesks or a browser. */
const OWN_SETUP = /\bstartSandbox\s*\(|\blaunchBrowser\s*\(|\blaunchPersistentContext\s*\(|\bchromium\.launch/;

function ownSetup(text: string): string[] {
  return text.split('\n').flatMap((line, i) => (OWN_SETUP.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

describe('every e2e file uses the one fixture', () => {
  it('the check catches a file that starts its own sandbox or browser', () => {
    expect(ownSetup('  sandbox = await startSandbox({});\n  browser = await launchBrowser(sandbox);')).toHaveLength(2);
    expect(ownSetup('const ctx = await chromium.launchPersistentContext(dir, {});')).toHaveLength(1);
    expect(ownSetup('const e2e = e2eFixture({ fresh: true });')).toEqual([]);
  });

  it('no e2e test file starts the sandbox or a browser itself; they call e2eFixture()', () => {
    const files = readdirSync(E2E).filter((f) => f.endsWith('.test.ts'));
    const offenders = files.flatMap((f) => ownSetup(readFileSync(join(E2E, f), 'utf8')).map((l) => `${f}:${l}`));
    expect(offenders).toEqual([]);
    // Files that drive a browser get it from the fixture (the manifest test only reads the build).
    const browserless = files.filter((f) => !/\be2eFixture\(/.test(readFileSync(join(E2E, f), 'utf8')));
    expect(browserless).toEqual(['manifest.test.ts']);
  });
});
