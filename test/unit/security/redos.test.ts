/**
 * Static ReDoS check: every regular expression in lib/ (literals and `new RegExp`) goes through recheck, and any
 * pattern it calls super-linear (polynomial or exponential backtracking) fails the test with its file:line.
 * Patterns built at run time are captured while their module loads and checked as built.
 *
 * A full run costs minutes on a busy machine, so recheck's verdicts are remembered in redos-verdicts.json (keyed by
 * recheck's version, flags and source; a verdict is kept as recheck gave it, the allow-lists below still decide):
 * only new or changed patterns are checked. `REDOS_REFRESH=1 npx vitest run test/unit/security/redos.test.ts`
 * rechecks every pattern and rewrites the file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const CACHE = join(__dirname, 'redos-verdicts.json');
const RECHECK_VERSION: string = createRequire(import.meta.url)('recheck/package.json').version;
const REFRESH = process.env.REDOS_REFRESH === '1';

/**
 * Patterns recheck calls super-linear that stay: each is read only on bounded input, said in one line. Keyed by file
 * and the start of the source (the whole source where it is short), so an edited pattern is checked again.
 */
const BOUNDED: { file: string; source: string; why: string }[] = [
  {
    file: 'lib/engine/read/extract.ts',
    source: String.raw`(?:[$€£¥₹]\s?\d[\d,.]*\d|[$€£¥₹]\s?\d|\b\d[\d,.]*\s?(?:usd|eur|gbp|inr|dollars?|euros?|pounds?|rupees?|rs\.?)(?![a-z]))`,
    why: 'a run of [\\d,.] never crosses a space, and boundText caps every word of customer text at 200 characters',
  },
  ...[
    String.raw`\b(?:only|just) escalate\b(.*)$`,
    String.raw`\bescalate (?:only|just)\b(.*)$`,
    String.raw`\bescalate\b(.*)\bonly$`,
    String.raw`\b(?:never|don'?t|do not|no need to|should not|shouldn'?t) escalate\b(.*)$`,
    String.raw`\bno escalation (?:for|when|if)\b(.*)$`,
    String.raw`\b(?:always|also|do) escalate\b(.*)$`,
  ].map((source) => ({
    file: 'lib/engine/decide/instruction.ts',
    source,
    why: "reads the team lead's instruction, one clause at a time, at most 2,000 characters (PolicySchema)",
  })),
  {
    file: 'lib/engine/read/extract.ts',
    source: String.raw`(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}\b|\+\d{8,15}\b`,
    why: 'every quantifier is bounded ({1,3} to {8,15}): at most ~25 characters are read from each start',
  },
  {
    file: 'lib/engine/read/extract.ts',
    source: String.raw`\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b(?:jan|feb|`,
    why: 'bounded digit groups; the one open run ([a-z]*) stays inside a word, which boundText caps at 200 characters',
  },
  {
    file: 'lib/engine/acts/bot.ts',
    source: String.raw`\b(full name|name|account (?:number|id)|order (?:number|id)|user ?name|username|`,
    why: 'its open runs (\\w*) stay inside one word of a bot sentence; boundText caps words at 200 characters',
  },
  {
    file: 'lib/engine/read/mood-words.ts',
    source: String.raw`\b(urgent\w*|immediately|right now|right away|as soon as possible|`,
    why: 'reads at most three words ((\\S+ ){0,3}) from a start, each capped at 200 characters by boundText',
  },
  {
    file: 'lib/engine/acts/phrases/bot.ts',
    source: String.raw`\b(connecting|transferring|escalating|routing|forwarding|passing) (you|this|your \w+)`,
    why: 'its open run (\\w+) stays inside one word of a bot sentence, which boundText caps at 200 characters',
  },
  {
    file: 'lib/engine/acts/phrases/customer.ts',
    source: String.raw`\b(transfer|connect|escalate|forward|patch|pass|put) me( through|`,
    why: 'reads one customer sentence of a message bounded by boundText (6 KB); each start stops at the first word off its list',
  },
  {
    file: 'lib/engine/decide/instruction.ts',
    source: String.raw`\bbot\b.{0,30}\b(hands? off|`,
    why: "reads the team lead's instruction, at most 2,000 characters (PolicySchema)",
  },
  {
    file: 'lib/engine/decide/missing.ts',
    source: String.raw`\b(user ?(name|id)|username|account)\b[^\n]{0,10}[:#]?\s*\S+|`,
    why: "one test() over the customer's replies since the bot asked (each bounded by boundText); it stops at the first label followed by a word",
  },
  {
    file: 'lib/note/render.ts',
    source: String.raw`^\s*[-*•]\s+(.*)$`,
    why: 'one line of the note at a time, and only its leading blanks can backtrack (quadratic in a run of blanks after the bullet)',
  },
  {
    file: 'lib/platforms/front/dom.ts',
    source: String.raw`__Styled\w*Inbound`,
    why: "a Front element's class attribute, written by Front's build, never by a customer",
  },
  {
    file: 'lib/platforms/gorgias/dom.ts',
    source: String.raw`^\S+@\S+$`,
    why: "the sender's address slot of one Gorgias message header",
  },
];

/**
 * Gaps of a fixed width (`.{0,60}`, `[^.!?\n]{0,40}`) between two word lists: recheck reports them as polynomial
 * because each start re-reads up to the gap, which is at most 60 characters per start; customer and bot text is
 * bounded by boundText (6 KB) before it gets here.
 */
const BOUNDED_GAP = /\.\{0,\d{1,2}\}|\[\^[^\]]*\]\{0,\d{1,2}\}/;
const GAP_FILES = new Set(['lib/engine/acts/phrases/bot.ts', 'lib/engine/acts/phrases/customer.ts', 'lib/engine/read/sanitize.ts']);

/** Calls that build the patterns a module makes only when used, so they are checked as built too. */
const EXERCISE: Record<string, (module: Record<string, any>) => unknown> = {
  'lib/engine/read/extract.ts': (m) => [m.EXTRACTORS.date('on 3 May'), m.countFor('number_of_guests', '2 guests')],
  'lib/engine/read/mood-words.ts': (m) => m.anyOf([...m.URGENT_PHRASES, ...m.URGENCY_WORDS]),
};

/** `new RegExp` sites whose pattern is neither built when the module loads nor by EXERCISE. */
const BUILT_LATER: Record<string, string> = {
  'lib/platforms/metas.ts:56':
    "a manifest match pattern from the platform registry (fixed in code, one '*' per path) over a page's URL path",
  'lib/handoff/customer-message.ts:40': 'the name of one of the customer message template slots, fixed in code',
};

interface Pattern {
  at: string;
  source: string;
  flags: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

const literalText = (n: ts.Node | undefined): string | undefined =>
  n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined;

/** Every regular expression literal and `RegExp(...)` call in lib/, read with the TypeScript parser. */
function collect(): { fixed: Pattern[]; dynamic: string[] } {
  const fixed: Pattern[] = [];
  const dynamic: string[] = [];
  for (const file of tsFiles(join(ROOT, 'lib'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const end = text.lastIndexOf('/');
        fixed.push({ at: at(n), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
        const [pattern, flags] = n.arguments ?? [];
        const source = literalText(pattern);
        const flagText = flags === undefined ? '' : literalText(flags);
        if (source !== undefined && flagText !== undefined) fixed.push({ at: at(n), source, flags: flagText });
        else dynamic.push(at(n));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { fixed, dynamic };
}

/** The patterns `new RegExp` builds while the modules with dynamic sites load, with the line that built each. */
async function captureBuilt(files: string[]): Promise<Pattern[]> {
  const built: Pattern[] = [];
  const Original = globalThis.RegExp;
  const record = (args: unknown[]) => {
    const [pattern, flags] = args;
    const site = new Error().stack?.split('\n').find((l) => l.includes(`${ROOT}/lib/`));
    const m = site && /\/(lib\/[^:)]+):(\d+)/.exec(site);
    if (!m) return;
    const source = pattern instanceof Original ? pattern.source : String(pattern);
    built.push({
      at: `${m[1]}:${m[2]}`,
      source,
      flags: typeof flags === 'string' ? flags : pattern instanceof Original ? pattern.flags : '',
    });
  };
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args) {
      record(args);
      return Reflect.construct(target, args);
    },
    apply(target, self, args) {
      record(args);
      return Reflect.apply(target, self, args);
    },
  });
  try {
    for (const file of files) {
      const module = await import(join(ROOT, file));
      EXERCISE[file]?.(module);
    }
  } finally {
    globalThis.RegExp = Original;
  }
  return built;
}

const keyOf = (p: Pattern) => createHash('sha256').update(`${RECHECK_VERSION}\0${p.flags}\0${p.source}`).digest('hex').slice(0, 24);

async function verdict(p: Pattern): Promise<string | null> {
  // Sticky and global flags only move where a search starts; recheck judges the pattern as a search.
  const d = await check(p.source, p.flags.replace(/[gyd]/g, ''), { timeout: 60_000 });
  if (d.status === 'safe') return null;
  if (d.status === 'vulnerable') return `${d.complexity.type}${d.attack ? ` (attack: ${d.attack.pattern})` : ''}`;
  return `not proven linear (${d.error.kind})`;
}

describe('regular expressions in lib/', () => {
  it('are all linear, or read only bounded input', { timeout: 30 * 60_000 }, async () => {
    const { fixed, dynamic } = collect();
    const dynamicFiles = [...new Set(dynamic.map((d) => d.replace(/:\d+$/, '')))];
    const built = (await captureBuilt(dynamicFiles)).filter((b) => dynamic.includes(b.at));
    const unchecked = dynamic.filter((d) => !built.some((b) => b.at === d) && !BUILT_LATER[d]);
    expect(unchecked, 'dynamic RegExp sites neither built at load nor listed in BUILT_LATER').toEqual([]);

    const known: Record<string, string | null> = REFRESH || !existsSync(CACHE) ? {} : JSON.parse(readFileSync(CACHE, 'utf8')).verdicts;
    const verdicts: Record<string, string | null> = {};
    const problems: string[] = [];
    for (const p of [...fixed, ...built]) {
      const file = p.at.replace(/:\d+$/, '');
      const key = keyOf(p);
      const bad = (verdicts[key] = key in known ? known[key] : await verdict(p));
      if (!bad || BOUNDED.some((b) => b.file === file && p.source.startsWith(b.source))) continue;
      if (!(GAP_FILES.has(file) && BOUNDED_GAP.test(p.source))) problems.push(`${p.at} /${p.source.slice(0, 120)}/${p.flags}: ${bad}`);
    }
    // Written only when asked (or missing), so a test run never edits a tracked file.
    if (REFRESH || !existsSync(CACHE)) {
      const sorted = Object.fromEntries(Object.entries(verdicts).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(CACHE, `${JSON.stringify({ recheck: RECHECK_VERSION, verdicts: sorted }, null, 2)}\n`);
    }
    expect(problems).toEqual([]);
  });

  it('lists only allowed patterns that still exist', async () => {
    const { fixed } = collect();
    const all = [...fixed, ...(await captureBuilt(['lib/engine/read/extract.ts', 'lib/engine/read/mood-words.ts']))];
    const gone = BOUNDED.filter((b) => !all.some((p) => p.at.startsWith(`${b.file}:`) && p.source.startsWith(b.source)));
    expect(gone.map((b) => `${b.file} /${b.source}/`)).toEqual([]);
    const { dynamic } = collect();
    expect(Object.keys(BUILT_LATER).filter((at) => !dynamic.includes(at))).toEqual([]);
  });
});
