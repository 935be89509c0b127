import { isApiError } from '../http/errors';
import type { Conversation } from '../schema/conversation';
import type { BotFinding, SetupLine, SetupLineId } from '../schema/setup';
import type { Target } from '../schema/target';
import type { AdapterContext, PlatformMeta } from './types';

/** What each line checks, as the checklist shows it. */
const LINE_LABELS: Record<SetupLineId, string> = {
  identity: 'Who Baton is signed in as',
  read: 'Read one conversation',
  bot: 'The bot: who Baton treats as the bot, and how it pauses it',
  targets: 'List where conversations can be routed',
  tags: 'List tags',
  privateInboxes: 'Private inboxes',
  writeNote: 'Post internal notes',
  writeTags: 'Tag conversations',
  writeAssign: 'Assign and route conversations',
};

export const ok = (id: SetupLineId, detail: string): SetupLine => ({ id, label: LINE_LABELS[id], state: 'ok', detail });
export const problem = (id: SetupLineId, detail: string, permission?: string): SetupLine => ({
  id,
  label: LINE_LABELS[id],
  state: 'problem',
  detail,
  ...(permission ? { permission } : {}),
});
export const unknown = (id: SetupLineId, detail: string): SetupLine => ({ id, label: LINE_LABELS[id], state: 'unknown', detail });

/**
 * Runs one line's check; an error becomes that line's sentence instead of ending the checklist, because
 * a team lead needs every missing permission at once, not one per run.
 */
export async function line(id: SetupLineId, run: () => Promise<SetupLine | SetupLine[]>): Promise<SetupLine[]> {
  try {
    const out = await run();
    return Array.isArray(out) ? out : [out];
  } catch (e) {
    return [fromError(id, e)];
  }
}

function fromError(id: SetupLineId, e: unknown): SetupLine {
  const message = e instanceof Error ? e.message : String(e);
  if (isApiError(e) && (e.kind === 'auth' || e.kind === 'forbidden')) return problem(id, message);
  if (isApiError(e) && e.kind === 'not_found') return problem(id, message);
  return unknown(id, message);
}

/** "3 groups, 5 agents and 2 views". */
function countPhrase(parts: [number, string][]): string {
  const words = parts.map(([n, what]) => `${n} ${what}`);
  return words.length <= 1 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * The 'bot' line, the same on every helpdesk: the bot kind found and the authors Baton will read as the bot.
 * With no author at all it is not green: Baton would read the bot's replies as a human agent's, and the engine
 * ignores everything before a human agent's reply.
 */
export function botLine(found: BotFinding): SetupLine {
  const who = found.authors.map((a) => `${a.name} (${a.why})`);
  const list = who.length > 8 ? `${who.slice(0, 8).join(', ')} and ${who.length - 8} more` : who.join(', ');
  if (!found.authors.length) {
    return {
      ...unknown(
        'bot',
        `Bot: ${found.kind}. Baton found no author it would treat as the bot, so the bot's replies would be read as a human agent's; name the bot in Options (Bot identity).`,
      ),
      bot: found,
    };
  }
  return { ...ok('bot', `Bot: ${found.kind}. Baton treats as the bot: ${list}.`), bot: found };
}

/**
 * Reads the conversation the check was started from, or else the most recent one the account can see
 * (`latest`), through the adapter's own reader: the same requests an escalation's read makes.
 */
export async function readLine(
  ctx: AdapterContext,
  read: (ctx: AdapterContext) => Promise<Conversation>,
  latest: () => Promise<string | null>,
  noun: string,
): Promise<SetupLine> {
  const id = ctx.ref.conversationId || (await latest());
  if (!id) return unknown('read', `There is no ${noun} in this account yet, so Baton could not try reading one.`);
  const c = await read({ ...ctx, ref: { ...ctx.ref, conversationId: id, idIsGuess: false } });
  return ok('read', `Read ${noun} ${id}: ${c.messages.length} message${c.messages.length === 1 ? '' : 's'}.`);
}

/** Lists routing targets and counts them in the platform's own words ("2 groups, 5 agents and 3 views"). */
export async function targetsLine(
  ctx: AdapterContext,
  list: (ctx: AdapterContext) => Promise<Target[]>,
  meta: PlatformMeta,
): Promise<SetupLine> {
  const targets = await list(ctx);
  const parts = meta.targetKinds.map(({ kind, label }): [number, string] => [
    targets.filter((t) => t.kind === kind).length,
    label.toLowerCase(),
  ]);
  return ok('targets', `Listed ${countPhrase(parts)}.`);
}
