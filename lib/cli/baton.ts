/**
 * `baton check [--engine offline|openai] [--policy policy.json] [FILE.jsonl]` and `baton eval FILE.jsonl`.
 * Team leads test their rules on exported conversations; the engine is measured with the same code.
 * Exit codes: 0 all lines checked, 1 some lines were bad (each reported, the run went on), 2 usage or policy error,
 * 3 the LLM engine was asked for and every check fell back to the offline verdict.
 */
import { checkEscalation, createVerdictCache, type OpenAIOptions } from '../engine';
import { engineNeedsKey, type Policy } from '../schema/policy';
import type { Verdict } from '../schema/verdict';
import { parseArgs, USAGE, type CliArgs } from './args';
import { formatReport, score, type Labelled } from './eval';
import { allFellBack, countFallbacks, formatFallbacks } from './fallbacks';
import { parseLine, printable, readLines, readPolicy, toConversation } from './input';

/** The LLM engine's settings from the environment; a local server (OPENAI_BASE_URL not OpenAI's) needs no key. */
function openaiFromEnv(policy: Policy): OpenAIOptions | undefined {
  const apiKey = process.env.OPENAI_API_KEY ?? '';
  const baseURL = process.env.OPENAI_BASE_URL || policy.engine.baseURL;
  if (!apiKey && engineNeedsKey(baseURL)) return undefined;
  const timeout = Number(process.env.OPENAI_TIMEOUT_MS);
  return {
    apiKey,
    baseURL,
    model: process.env.OPENAI_MODEL || policy.engine.model,
    ...(timeout > 0 ? { timeoutMs: timeout } : {}),
  };
}

async function run(args: CliArgs): Promise<number> {
  const policy = readPolicy(args.policy);
  const engine = args.engine ?? policy.engine.kind;
  const openai = openaiFromEnv(policy);
  if (engine === 'openai' && !openai) process.stderr.write('OPENAI_API_KEY is not set: every verdict falls back to the offline engine.\n');
  const cache = createVerdictCache(1000);
  const scored: { label: Labelled; verdict: Verdict }[] = [];
  const verdicts: Verdict[] = [];
  let lineNo = 0;
  let bad = 0;
  let unlabelled = 0;
  for await (const raw of readLines(args.file)) {
    lineNo++;
    if (!raw.trim()) continue;
    const parsed = parseLine(raw);
    if ('error' in parsed) {
      bad++;
      const message = printable(`line ${lineNo}: ${parsed.error}`);
      if (args.command === 'check')
        process.stdout.write(`${JSON.stringify({ ...(parsed.id ? { id: parsed.id } : {}), line: lineNo, error: message })}\n`);
      process.stderr.write(`${message}\n`);
      continue;
    }
    const { line } = parsed;
    const verdict = await checkEscalation(toConversation(line), policy, { engine, openai, cache });
    verdicts.push(verdict);
    if (args.command === 'check') process.stdout.write(`${JSON.stringify({ id: line.id, ...verdict })}\n`);
    else if (line.expected) scored.push({ label: { expected: line.expected, source: line.source }, verdict });
    else unlabelled++;
  }
  const fallbacks = engine === 'openai' ? countFallbacks(verdicts) : undefined;
  if (args.command === 'eval') {
    const report = score(scored);
    process.stdout.write(
      `${args.json ? JSON.stringify({ engine, badLines: bad, ...(fallbacks ? { fallbacks } : {}), ...report }) : formatReport(report, { engine, badLines: bad, unlabelled })}\n`,
    );
    if (fallbacks && !args.json) process.stdout.write(`${formatFallbacks(fallbacks)}\n`);
  }
  // `check` prints verdicts on stdout (each carries its `fallback`); the count goes to stderr.
  if (fallbacks?.count && args.command === 'check') process.stderr.write(`${formatFallbacks(fallbacks)}\n`);
  if (fallbacks && allFellBack(fallbacks)) {
    process.stderr.write("baton: every LLM check fell back to the offline engine; the figures are not the LLM engine's.\n");
    return 3;
  }
  return bad ? 1 : 0;
}

async function main(): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`baton: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!args.command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (args.command === 'eval' && !args.file) {
    process.stderr.write(`baton eval needs a FILE.jsonl\n${USAGE}\n`);
    return 2;
  }
  try {
    return await run(args);
  } catch (e) {
    process.stderr.write(`baton: ${printable((e as Error).message)}\n`);
    return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`baton: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
