/**
 * `baton check [--engine offline|openai] [--policy policy.json] [FILE.jsonl]` and `baton eval FILE.jsonl`.
 * Team leads test their rules on exported conversations; the engine is measured with the same code.
 * Exit codes: 0 all lines checked, 1 some lines were bad (each reported, the run went on), 2 usage or policy error.
 */
import { checkEscalation, createVerdictCache } from '../engine';
import type { Policy } from '../schema/policy';
import type { Verdict } from '../schema/verdict';
import { parseArgs, USAGE, type CliArgs } from './args';
import { formatReport, score, type Labelled } from './eval';
import { parseLine, printable, readLines, readPolicy, toConversation } from './input';

function openaiFromEnv(policy: Policy) {
  const apiKey = process.env.OPENAI_API_KEY;
  if (!apiKey) return undefined;
  return {
    apiKey,
    baseURL: process.env.OPENAI_BASE_URL || policy.engine.baseURL,
    model: process.env.OPENAI_MODEL || policy.engine.model,
  };
}

async function run(args: CliArgs): Promise<number> {
  const policy = readPolicy(args.policy);
  const engine = args.engine ?? policy.engine.kind;
  const openai = openaiFromEnv(policy);
  if (engine === 'openai' && !openai) process.stderr.write('OPENAI_API_KEY is not set: every verdict falls back to the offline engine.\n');
  const cache = createVerdictCache(1000);
  const scored: { label: Labelled; verdict: Verdict }[] = [];
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
    if (args.command === 'check') process.stdout.write(`${JSON.stringify({ id: line.id, ...verdict })}\n`);
    else if (line.expected) scored.push({ label: { expected: line.expected, source: line.source }, verdict });
    else unlabelled++;
  }
  if (args.command === 'eval') {
    const report = score(scored);
    process.stdout.write(
      `${args.json ? JSON.stringify({ engine, badLines: bad, ...report }) : formatReport(report, { engine, badLines: bad, unlabelled })}\n`,
    );
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
