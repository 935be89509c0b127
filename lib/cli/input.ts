import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { loadPolicy } from '../config/load-policy';
import { ConversationSchema, RoleSchema, type Conversation } from '../schema/conversation';
import { defaultPolicy, type Policy } from '../schema/policy';

/** One input line: a conversation, optionally with its label (eval files). Extra fields are ignored. */
export const LineSchema = z.object({
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
export function issuesText(e: z.ZodError): string {
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

export async function* readLines(file?: string): AsyncGenerator<string> {
  if (file) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    yield* lines;
    return;
  }
  for await (const l of createInterface({ input: process.stdin, crlfDelay: Infinity })) yield l;
}

/** The policy file, validated with PolicySchema (older versions upgraded); errors name the field. */
export function readPolicy(path?: string): Policy {
  if (!path) return defaultPolicy();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`Could not read the policy file ${path}: ${(e as Error).message}`, { cause: e });
  }
  const res = loadPolicy(raw);
  if (!res.ok) throw new Error(`Invalid policy file ${path}: ${res.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  return res.policy;
}
