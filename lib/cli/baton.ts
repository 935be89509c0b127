/**
 * `baton check [--engine offline|openai] [--policy policy.json] [FILE.jsonl]` and `baton eval FILE.jsonl`.
 * Team leads test their rules on exported conversations; the engine is measured with the same code.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { checkEscalation } from '../engine';
import { loadPolicy } from '../config/migrate';
import { defaultPolicy, type Policy } from '../schema/policy';
import { ConversationSchema, RoleSchema } from '../schema/conversation';
import type { Verdict } from '../schema/verdict';
import { score, type Labelled } from './eval';

const LineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  messages: z.array(z.object({ role: RoleSchema, text: z.string(), internal: z.boolean().optional() })).min(1, 'messages cannot be empty'),
  scope: z.string().optional(),
  tags: z.array(z.string()).optional(),
  expected: z.object({ escalate: z.boolean(), signal: z.string() }).optional(),
});

function args(argv: string[]) {
  const out: { cmd?: string; engine?: 'offline' | 'openai'; policy?: string; file?: string; json?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--engine') out.engine = argv[++i] as 'offline' | 'openai';
    else if (a === '--policy') out.policy = argv[++i];
    else if (a === '--json') out.json = true;
    else if (!out.cmd) out.cmd = a;
    else out.file = a;
  }
  return out;
}

async function* lines(file?: string): AsyncGenerator<string> {
  if (file) {
    for (const l of readFileSync(file, 'utf8').split('\n')) yield l;
    return;
  }
  for await (const l of createInterface({ input: process.stdin })) yield l;
}

function readPolicy(path?: string): Policy {
  if (!path) return defaultPolicy();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`Could not read the policy ${path}: ${(e as Error).message}`);
  }
  const res = loadPolicy(raw);
  if (!res.ok) throw new Error(`Invalid policy ${path}: ${res.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return res.policy;
}

async function main() {
  const a = args(process.argv.slice(2));
  if (a.cmd !== 'check' && a.cmd !== 'eval') {
    console.error('usage: baton check [--engine offline|openai] [--policy policy.json] [FILE.jsonl]\n       baton eval [--engine offline|openai] [--policy policy.json] FILE.jsonl');
    process.exit(2);
  }
  const policy = readPolicy(a.policy);
  const engine = a.engine ?? policy.engine.kind;
  const openai = process.env.OPENAI_API_KEY
    ? { apiKey: process.env.OPENAI_API_KEY, baseURL: process.env.OPENAI_BASE_URL ?? policy.engine.baseURL, model: process.env.OPENAI_MODEL ?? policy.engine.model }
    : undefined;
  const scored: { label: Labelled; verdict: Verdict }[] = [];
  let n = 0;
  let errors = 0;
  for await (const raw of lines(a.file)) {
    n++;
    if (!raw.trim()) continue;
    let line: z.infer<typeof LineSchema>;
    try {
      line = LineSchema.parse(JSON.parse(raw));
    } catch (e) {
      errors++;
      const msg = e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') : (e as Error).message;
      const out = { line: n, error: `line ${n}: ${msg}` };
      if (a.cmd === 'check') console.log(JSON.stringify(out));
      else console.error(out.error);
      continue;
    }
    const conversation = ConversationSchema.parse({ id: line.id, messages: line.messages, scope: line.scope, tags: line.tags ?? [], source: 'file' });
    const verdict = await checkEscalation(conversation, policy, { engine, openai });
    if (a.cmd === 'check') console.log(JSON.stringify({ id: line.id, ...verdict }));
    else if (line.expected) scored.push({ label: { expected: line.expected }, verdict });
  }
  if (a.cmd === 'eval') {
    const r = score(scored);
    if (a.json) {
      console.log(JSON.stringify(r));
      return;
    }
    console.log(`items ${r.n}${errors ? ` (${errors} bad lines skipped)` : ''}, engine ${engine}`);
    console.log(`escalate precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}`);
    console.log(`unconfirmed items escalated: ${r.unconfirmedEscalated}`);
    console.log('per-signal accuracy:');
    for (const [k, v] of Object.entries(r.perSignal)) console.log(`  ${k.padEnd(22)} ${v.correct}/${v.n}  ${(v.accuracy * 100).toFixed(1)}%`);
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
