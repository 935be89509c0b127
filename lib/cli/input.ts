import { createReadStream, readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadPolicy } from '../config/load-policy';
import { ConversationSchema, RoleSchema, type Conversation } from '../schema/conversation';
import { defaultPolicy, type Policy } from '../schema/policy';

/** One input line: a conversation, optionally with its label (eval files). Extra fields are ignored. */
const LineSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  messages: z.array(z.object({ role: RoleSchema, text: z.string(), internal: z.boolean().optional() })).min(1, 'messages cannot be empty'),
  scope: z.string().optional(),
  tags: z.array(z.string()).optional(),
  subject: z.string().optional(),
  expected: z.object({ escalate: z.boolean(), signal: z.string() }).optional(),
  /** Where a labelled item came from; eval reports figures per source. */
  source: z.string().optional(),
});
export type Line = z.infer<typeof LineSchema>;

export function toConversation(line: Line): Conversation {
  return ConversationSchema.parse({
    id: line.id,
    subject: line.subject,
    messages: line.messages,
    scope: line.scope,
    tags: line.tags ?? [],
    source: 'file',
  });
}

/** Zod issues as "field.path: message; …", the way the CLI reports bad input. */
function issuesText(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Parses one line; returns an error sentence instead of throwing, so the run can continue. */
export function parseLine(raw: string): { line: Line } | { error: string; id?: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})` };
  }
  const r = LineSchema.safeParse(json);
  if (r.success) return { line: r.data };
  const id = (json as { id?: unknown })?.id;
  return { error: issuesText(r.error), id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined };
}

/**
 * The input's lines, read as a stream: the next chunk is read only when the caller asks for the next line,
 * so memory holds the current line and one chunk, however large the file or slow the engine. A leading
 * byte-order mark (PowerShell, Excel and Baton's own CSV export write one) is not part of line 1.
 */
export async function* readLines(file?: string): AsyncGenerator<string> {
  const input = file ? createReadStream(file, { encoding: 'utf8' }) : process.stdin.setEncoding('utf8');
  let first = true;
  const finish = (line: string) => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    const out = first && text.startsWith('\uFEFF') ? text.slice(1) : text;
    first = false;
    return out;
  };
  // A long line arrives in many chunks; its pieces are joined once, at its end.
  let pieces: string[] = [];
  for await (const chunk of input as AsyncIterable<string>) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      pieces.push(chunk.slice(from, nl));
      const line = finish(pieces.join(''));
      pieces = [];
      from = nl + 1;
      yield line;
    }
    if (from < chunk.length) pieces.push(chunk.slice(from));
  }
  if (pieces.length) yield finish(pieces.join(''));
}

/**
 * Text from a bad input line, safe to print on a terminal: control characters (ESC sequences could retitle or
 * recolour it, a newline could fake another report line) and bidi overrides are shown as \u escapes.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The policy file, validated with PolicySchema (older versions upgraded); errors name the field. */
export function readPolicy(path?: string): Policy {
  if (!path) return defaultPolicy();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`Could not read the policy file ${path}: ${(e as Error).message}`, { cause: e });
  }
  const res = loadPolicy(raw);
  if (!res.ok) throw new Error(`Invalid policy file ${path}: ${res.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  return res.policy;
}
