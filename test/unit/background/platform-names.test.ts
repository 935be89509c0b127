import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORM_METAS } from '@/lib/platforms/metas';

/**
 * Only the platform layer (lib/platforms/) and the schemas (lib/schema/) may name a helpdesk; everything else
 * asks the registry. Rules:
 * - Scanned: source files (.ts, .tsx, .js, .mjs, .css, .html) under entrypoints/, components/, lib/, utils/,
 *   and the build/test config files at the root. Not scanned: lib/platforms/, lib/schema/, test/, scripts/,
 *   docs, README and package.json (prose for people, not code paths).
 * - A platform is named by its id or label (case-insensitive, also inside identifiers such as `zendeskToken`
 *   or `PLATFORM_ZENDESK`) or by its own hostnames. For a platform whose name is an English word ("front"),
 *   only a whole word or an identifier part counts, and the ordinary phrases "front-end", "frontend",
 *   "front end", "in front of", "up front" and "upfront" do not.
 * - Comments count too: a comment that names a platform is platform knowledge living outside its folder.
 * - Lines longer than 2,000 characters are generated data (a model's English vocabulary), not code, and are skipped.
 */
const ROOT = join(__dirname, '../../..');
const SCANNED_DIRS = ['entrypoints', 'components', 'lib', 'utils'];
const ALLOWED = ['lib/platforms/', 'lib/schema/'];
const EXT = /\.(ts|tsx|js|mjs|css|html)$/;
const ROOT_FILES = ['wxt.config.ts', 'vitest.config.ts', 'eslint.config.js', 'eslint.config.mjs', 'tsconfig.json'];

const MAX_CODE_LINE = 2000;
const ENGLISH_WORDS = /front[\s-]?end|in front of|up[\s-]?front/gi;

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function namePatterns(): RegExp[] {
  const names = new Set(PLATFORM_METAS.flatMap((m) => [m.platform.toLowerCase(), m.label.toLowerCase()]));
  // Distinctive names match anywhere (identifiers too); an ordinary English word only as a word or identifier part.
  return [...names].map((n) =>
    /^(front|help|desk|chat|team)$/.test(n)
      ? new RegExp(`(?<![A-Za-z])(?:${n}|${cap(n)}|${n.toUpperCase()})(?![a-z])|[a-z]${cap(n)}(?![a-z])|${n}app`, 'g')
      : new RegExp(n, 'gi'),
  );
}

export function namesIn(text: string): string[] {
  const cleaned = text.replace(ENGLISH_WORDS, '');
  return namePatterns().flatMap((re) => [...cleaned.matchAll(re)].map((m) => m[0]));
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (EXT.test(name)) out.push(path);
  }
  return out;
}

describe('platform names stay inside the platform layer', () => {
  it('the rule catches names, identifiers and hosts, and ignores ordinary English', () => {
    expect(namesIn("case 'front':")).toEqual(['front']);
    expect(namesIn('secrets.frontToken')).toEqual(['front']);
    expect(namesIn('https://app.frontapp.com/*').length).toBeGreaterThan(0);
    expect(namesIn('const ZENDESK_URL = 1; gorgiasApiKey')).toHaveLength(2);
    expect(namesIn('Front API token')).toEqual(['Front']);
    expect(namesIn('a front-end build; the frontend; sits in front of the reply box; paid up front')).toEqual([]);
    expect(namesIn('frontier, confront, storefront')).toEqual([]);
  });

  it('no file outside lib/platforms and lib/schema names a platform', () => {
    const files = [
      ...SCANNED_DIRS.flatMap((d) => walk(join(ROOT, d))),
      ...ROOT_FILES.map((f) => join(ROOT, f)).filter((f) => {
        try {
          return statSync(f).isFile();
        } catch {
          return false;
        }
      }),
    ];
    const offenders = files
      .map((f) => relative(ROOT, f).replace(/\\/g, '/'))
      .filter((rel) => !ALLOWED.some((a) => rel.startsWith(a)))
      .flatMap((rel) =>
        readFileSync(join(ROOT, rel), 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            line.length <= MAX_CODE_LINE && namesIn(line).length ? [`${rel}:${i + 1}: ${line.trim().slice(0, 120)}`] : [],
          ),
      );
    expect(offenders).toEqual([]);
  });
});
