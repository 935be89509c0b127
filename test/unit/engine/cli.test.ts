import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAI_SANDBOX } from '@/test/sandbox/openai';
import { startLlmServer } from './llm-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = join(root, 'bin/baton.mjs');
const dir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
/** Runs still going when the file ends (a CLI stuck on its input) are stopped, so none outlives the tests. */
const running = new Set<ChildProcess>();

function run(
  args: string[],
  opts: { stdin?: string; env?: Record<string, string>; cwd?: string; cmd?: string[]; onStdout?: (all: string) => void } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const [cmd, ...pre] = opts.cmd ?? [process.execPath, BIN];
    const env = { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', OPENAI_MODEL: '', ...opts.env };
    const child = spawn(cmd, [...pre, ...args], { cwd: opts.cwd ?? dir, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      opts.onStdout?.(stdout);
    });
    child.stderr.on('data', (d) => (stderr += d));
    running.add(child);
    child.on('error', fail);
    child.on('close', (code) => {
      running.delete(child);
      done({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

const lines = (...objs: unknown[]) => objs.map((o) => (typeof o === 'string' ? o : JSON.stringify(o))).join('\n') + '\n';
const out = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

const input = lines(
  { id: 'a', messages: [{ role: 'customer', text: 'I want to talk to a human' }] },
  'this is not json',
  { id: 'b', messages: [] },
  {
    id: 'c',
    messages: [
      { role: 'customer', text: 'where is my order?' },
      { role: 'bot', text: 'It arrives tomorrow.' },
    ],
  },
  { id: 7, messages: [{ role: 'customer', text: 'recommend a pizza place' }], scope: 'Online store: orders, delivery, refunds.' },
  { id: 'd', messages: [{ role: 'robot', text: 'hi' }] },
);

let llm: Awaited<ReturnType<typeof startLlmServer>>;
beforeAll(async () => {
  llm = await startLlmServer();
});
afterAll(async () => {
  for (const child of running) child.kill('SIGTERM');
  await llm.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('baton CLI', () => {
  it('check: one verdict a line with the same id; bad lines get an error line naming the line number, and the run goes on', async () => {
    writeFileSync(join(dir, 'in.jsonl'), input);
    const r = await run(['check', 'in.jsonl']);
    expect(r.code).toBe(1);
    const rows = out(r.stdout);
    expect(rows.map((x) => x.id ?? null)).toEqual(['a', null, 'b', 'c', '7', 'd']);
    expect(rows[0]).toMatchObject({ id: 'a', escalate: true, status: 'escalate', engine: 'offline' });
    expect(rows[0].signals[0].kind).toBe('user_requested_human');
    expect(rows[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^line 2: not valid JSON/) });
    expect(rows[2]).toMatchObject({ line: 3, error: 'line 3: messages: messages cannot be empty' });
    expect(rows[3]).toMatchObject({ id: 'c', escalate: false, status: 'none' });
    expect(rows[4]).toMatchObject({ id: '7', escalate: true, signals: [expect.objectContaining({ kind: 'out_of_scope' })] });
    expect(rows[5]).toMatchObject({ line: 6, error: expect.stringMatching(/^line 6: messages\.0\.role: /) });
    expect(r.stderr).toMatch(/line 2: not valid JSON/);
  });

  it('check reads stdin when no file is given, and applies --policy', async () => {
    writeFileSync(
      join(dir, 'policy.json'),
      JSON.stringify({
        version: 3,
        scope: 'Online store: orders, delivery, refunds.',
        customInstruction: 'Never escalate out of scope requests.',
      }),
    );
    const r = await run(['check', '--policy', 'policy.json'], {
      stdin: lines({ id: 'x', messages: [{ role: 'customer', text: 'recommend a pizza place' }] }),
    });
    expect(r.code).toBe(0);
    expect(out(r.stdout)).toEqual([expect.objectContaining({ id: 'x', escalate: false })]);
  });

  it('rejects an invalid policy with the field path of the problem', async () => {
    writeFileSync(
      join(dir, 'bad-policy.json'),
      JSON.stringify({ version: 3, subAgents: [{ name: '' }], tags: { escalation: ['has space'] } }),
    );
    const r = await run(['check', '--policy', 'bad-policy.json', 'in.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Invalid policy file bad-policy\.json: .*subAgents\.0\.name: Give the sub agent a name/);
    expect(r.stderr).toMatch(/tags\.escalation\.0: Tag names cannot contain spaces or commas/);
    expect(r.stdout).toBe('');
  });

  it('usage errors exit with 2', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const bad = await run(['check', '--engine', 'gpt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--engine must be offline or openai/);
    expect((await run(['eval'])).stderr).toMatch(/needs a FILE.jsonl/);
  });

  it('eval prints precision, recall, F1, per-signal accuracy and escalated unconfirmed items', async () => {
    writeFileSync(
      join(dir, 'labelled.jsonl'),
      lines(
        { id: 1, messages: [{ role: 'customer', text: 'get me a human' }], expected: { escalate: true, signal: 'user_requested_human' } },
        { id: 2, messages: [{ role: 'customer', text: 'where is my order?' }], expected: { escalate: false, signal: 'none' } },
        {
          id: 3,
          messages: [{ role: 'bot', text: 'Before I pass this to our team, could you share your order number?' }],
          expected: { escalate: false, signal: 'unconfirmed' },
        },
        { id: 4, messages: [{ role: 'customer', text: 'are you a bot?' }], expected: { escalate: true, signal: 'user_requested_human' } },
        'oops',
      ),
    );
    const r = await run(['eval', 'labelled.jsonl']);
    expect(r.stdout).toMatch(/items 4 \(engine offline\), 1 bad lines skipped/);
    expect(r.stdout).toMatch(/precision 1\.000 {2}recall 0\.500 {2}F1 0\.667/);
    expect(r.stdout).toMatch(/unconfirmed items escalated: 0/);
    expect(r.stdout).toMatch(/user_requested_human +1\/2 +50\.0%/);
    expect(r.stdout).toMatch(/unconfirmed +1\/1 +100\.0%/);
    expect(r.stderr).toMatch(/line 5: not valid JSON/);
    const json = await run(['eval', '--json', 'labelled.jsonl']);
    expect(JSON.parse(json.stdout)).toMatchObject({ n: 4, precision: 1, recall: 0.5, unconfirmedEscalated: 0, badLines: 1 });
  });

  it('--engine openai uses OPENAI_API_KEY and OPENAI_BASE_URL, and falls back offline without a key', async () => {
    llm.sandbox.reset();
    const stdin = lines(
      { id: 'a', messages: [{ role: 'customer', text: 'I want to talk to a human' }] },
      { id: 'a2', messages: [{ role: 'customer', text: 'I want to talk to a human' }] },
    );
    const r = await run(['check', '--engine', 'openai'], {
      stdin,
      env: { OPENAI_API_KEY: OPENAI_SANDBOX.apiKey, OPENAI_BASE_URL: llm.baseURL },
    });
    expect(r.code).toBe(0);
    expect(out(r.stdout)).toEqual([
      expect.objectContaining({ id: 'a', engine: 'openai', escalate: true }),
      expect.objectContaining({ id: 'a2', engine: 'openai', escalate: true }),
    ]);
    expect(llm.sandbox.state().calls).toBe(1);
    const offline = await run(['check', '--engine', 'openai'], { stdin });
    expect(out(offline.stdout)[0]).toMatchObject({ engine: 'offline', fallback: expect.stringMatching(/No OpenAI API key/) });
    expect(offline.stderr).toMatch(/OPENAI_API_KEY is not set/);
  });

  it('eval --engine openai counts fallbacks with their reasons, and exits 3 when every call fell back', async () => {
    writeFileSync(
      join(dir, 'llm.jsonl'),
      lines(
        { id: 1, messages: [{ role: 'customer', text: 'get me a human' }], expected: { escalate: true, signal: 'user_requested_human' } },
        { id: 2, messages: [{ role: 'customer', text: 'where is my order?' }], expected: { escalate: false, signal: 'none' } },
      ),
    );
    const env = { OPENAI_API_KEY: OPENAI_SANDBOX.apiKey, OPENAI_BASE_URL: llm.baseURL };
    llm.sandbox.reset();
    llm.sandbox.setMode('server_error');
    const failed = await run(['eval', '--engine', 'openai', 'llm.jsonl'], { env });
    expect(failed.code).toBe(3);
    expect(failed.stdout).toMatch(/LLM fallbacks: 2 of 2 checks showed the offline verdict \(all: these are offline figures\)/);
    expect(failed.stdout).toMatch(/ {3}2 {2}The model server at 127\.0\.0\.1:\d+ had a server error \(500\)/);
    expect(failed.stderr).toMatch(/every LLM check fell back/);
    const json = await run(['eval', '--json', '--engine', 'openai', 'llm.jsonl'], { env });
    expect(JSON.parse(json.stdout).fallbacks).toMatchObject({ checked: 2, count: 2 });
    llm.sandbox.setMode('ok');
    const ok = await run(['eval', '--engine', 'openai', 'llm.jsonl'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/LLM fallbacks: 0 of 2 checks/);
  }, 60_000);

  it('a UTF-8 byte-order mark before line 1 (PowerShell, Excel) is not part of the line, in a file or on stdin', async () => {
    const bom = `\uFEFF${lines({ id: 'bom', messages: [{ role: 'customer', text: 'I want to talk to a human' }] })}`;
    writeFileSync(join(dir, 'bom.jsonl'), bom);
    for (const r of [await run(['check', 'bom.jsonl']), await run(['check'], { stdin: bom })]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(out(r.stdout)).toEqual([expect.objectContaining({ id: 'bom', escalate: true })]);
    }
    writeFileSync(join(dir, 'bom-policy.json'), `\uFEFF${JSON.stringify({ version: 3, signals: { user_requested_human: false } })}`);
    const withPolicy = await run(['check', '--policy', 'bom-policy.json', 'bom.jsonl']);
    expect(withPolicy.code).toBe(0);
    expect(out(withPolicy.stdout)).toEqual([expect.objectContaining({ id: 'bom', escalate: false })]);
  });

  it('error lines never carry raw control characters to the terminal', async () => {
    writeFileSync(join(dir, 'esc.jsonl'), '\x1b]0;PWNED-TITLE\x07\x1b[31mRED\n{"id": "\u202eoops", "messages": 3}\n');
    const r = await run(['check', 'esc.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(r.stderr).toMatch(/^line 1: not valid JSON .*\\u001b/m);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(out(r.stdout)[0].error).toContain('\\u001b');
  });

  it('reads a file as a stream: each verdict is out before the next line is even written', async () => {
    const fifo = join(dir, 'stream.fifo');
    spawnSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.write(lines({ id: 'first', messages: [{ role: 'customer', text: 'I want to talk to a human' }] }));
    let sentSecond = false;
    const r = await run(['check', fifo], {
      onStdout: (all) => {
        // The second line is written only once the first verdict is out; a reader that waits for the whole
        // file would never print it, and the run would hang.
        if (!sentSecond && all.includes('"first"')) {
          sentSecond = true;
          writer.end(lines({ id: 'second', messages: [{ role: 'customer', text: 'where is my order?' }] }));
        }
      },
    });
    expect(r.code).toBe(0);
    expect(out(r.stdout).map((x) => x.id)).toEqual(['first', 'second']);
  }, 60_000);

  it('a 10 MB line is read and checked, and memory does not grow with the number of such lines', async () => {
    const pad = 'lorem ipsum '.repeat(900_000);
    const big = (id: string) => ({ id, pad, messages: [{ role: 'customer', text: 'I want to talk to a human' }] });
    writeFileSync(join(dir, 'one.jsonl'), lines(big('big0')));
    writeFileSync(join(dir, 'six.jsonl'), lines(...['big0', 'big1', 'big2', 'big3', 'big4', 'big5'].map(big)));
    // Each Node process (the launcher and the CLI) reports its peak resident memory when it exits.
    writeFileSync(join(dir, 'rss.mjs'), "process.on('exit', () => process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\\n`));\n");
    const peak = async (file: string) => {
      const r = await run(['check', file], { env: { NODE_OPTIONS: `--max-old-space-size=64 --import=${join(dir, 'rss.mjs')}` } });
      expect(r.code).toBe(0);
      return { rows: out(r.stdout), kb: Math.max(...[...r.stderr.matchAll(/maxrss=(\d+)/g)].map((m) => Number(m[1]))) };
    };
    const one = await peak('one.jsonl');
    expect(one.rows).toEqual([expect.objectContaining({ id: 'big0', escalate: true })]);
    const six = await peak('six.jsonl');
    expect(six.rows.map((x) => x.id)).toEqual(['big0', 'big1', 'big2', 'big3', 'big4', 'big5']);
    // Reading the whole 65 MB file at once would add well over 100 MB; line by line adds next to nothing.
    expect(six.kb - one.kb).toBeLessThan(40_000);
  }, 120_000);

  it('runs as `npm run -s baton -- check` from the repository', async () => {
    const r = await run(['run', '-s', 'baton', '--', 'check'], {
      cmd: ['npm'],
      cwd: root,
      stdin: lines({ id: 'n', messages: [{ role: 'customer', text: 'hola, quiero hablar con una persona' }] }),
    });
    expect(r.code).toBe(0);
    expect(out(r.stdout)[0]).toMatchObject({ id: 'n', escalate: true });
  });
});
