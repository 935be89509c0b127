/** Command-line arguments of `baton`; plain parsing, so errors can name exactly what was wrong. */
export interface CliArgs {
  command?: 'check' | 'eval' | 'help';
  engine?: 'offline' | 'openai';
  policy?: string;
  file?: string;
  json: boolean;
}

export const USAGE = `usage:
  baton check [--engine offline|openai] [--policy policy.json] [FILE.jsonl]   one verdict a line (stdin when no file)
  baton eval  [--engine offline|openai] [--policy policy.json] [--json] FILE.jsonl   precision, recall, F1, per-signal accuracy

Input: one conversation a line, {"id": "...", "messages": [{"role": "customer"|"bot"|"agent", "text": "..."}], "scope"?: "..."}
LLM engine (--engine openai): OPENAI_API_KEY (not needed for a local server), OPENAI_BASE_URL, OPENAI_MODEL and
OPENAI_TIMEOUT_MS from the environment. Fallbacks to the offline verdict are counted; exit code 3 when all fell back.`;

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new Error(`${name} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h' || a === 'help') out.command = 'help';
    else if (a === '--engine' || a.startsWith('--engine=')) {
      const v = value('--engine');
      if (v !== 'offline' && v !== 'openai') throw new Error(`--engine must be offline or openai, not "${v}"`);
      out.engine = v;
    } else if (a === '--policy' || a.startsWith('--policy=')) out.policy = value('--policy');
    else if (a === '--json') out.json = true;
    else if (a.startsWith('-') && a !== '-') throw new Error(`unknown option ${a}`);
    else if (!out.command) {
      if (a !== 'check' && a !== 'eval') throw new Error(`unknown command "${a}"`);
      out.command = a;
    } else if (!out.file) out.file = a === '-' ? undefined : a;
    else throw new Error(`unexpected argument "${a}"`);
  }
  return out;
}
