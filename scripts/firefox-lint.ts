/**
 * `npx tsx scripts/firefox-lint.ts [dir]`: Mozilla's add-ons linter (the checks behind `web-ext lint` and
 * addons.mozilla.org) on the Firefox build, `.output/firefox-mv3` by default. Fails on any error, and on any
 * warning that scripts/firefox-lint.json does not accept with a reason.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(ROOT, '.output/firefox-mv3'));

const MessageSchema = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
});
type LintMessage = z.infer<typeof MessageSchema>;
const ReportSchema = z.object({ errors: z.array(MessageSchema), warnings: z.array(MessageSchema), notices: z.array(MessageSchema) });
const AcceptedSchema = z.object({
  accepted: z.array(z.object({ code: z.string(), file: z.string(), near: z.string().optional(), reason: z.string().min(20) })),
});

function lint(): z.infer<typeof ReportSchema> {
  let out: string;
  try {
    out = execFileSync(join(ROOT, 'node_modules/.bin/addons-linter'), ['--output', 'json', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    // The linter exits non-zero when it finds errors; its report is still on stdout.
    out = String((e as { stdout?: unknown }).stdout ?? '');
    if (!out.trim()) throw e;
  }
  return ReportSchema.parse(JSON.parse(out));
}

/** The flagged line around the flagged column: what `near` is looked for in. */
function around(m: LintMessage): string {
  if (!m.file || !m.line) return '';
  const line = readFileSync(join(dir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  const at = m.column ?? 0;
  return line.slice(Math.max(0, at - 200), at + 200);
}

const where = (m: LintMessage) => `${m.file ?? '?'}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}`;

function main() {
  const { accepted } = AcceptedSchema.parse(JSON.parse(readFileSync(join(ROOT, 'scripts/firefox-lint.json'), 'utf8')));
  const report = lint();
  const used = new Set<number>();
  const refused = report.warnings.filter((w) => {
    const i = accepted.findIndex(
      (a) => a.code === w.code && new RegExp(a.file).test(w.file ?? '') && (!a.near || around(w).includes(a.near)),
    );
    if (i >= 0) used.add(i);
    return i < 0;
  });
  for (const e of report.errors) console.error(`Firefox lint error ${e.code} at ${where(e)}: ${e.message}`);
  for (const w of refused)
    console.error(`Firefox lint warning not accepted in scripts/firefox-lint.json, ${w.code} at ${where(w)}: ${w.message}`);
  accepted.forEach((a, i) => {
    if (!used.has(i))
      console.log(`Firefox lint: accepted warning ${a.code} (${a.file}) no longer occurs; remove it from scripts/firefox-lint.json.`);
  });
  const ok = report.errors.length === 0 && refused.length === 0;
  console.log(
    `Firefox lint (addons-linter) on ${dir}: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - refused.length} accepted with a reason), ${report.notices.length} notices${ok ? '' : ': FAILED'}`,
  );
  if (!ok) process.exit(1);
}

main();
