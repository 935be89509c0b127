import type { Conversation } from '../schema/conversation';
import type { SetupLine } from '../schema/setup';
import type { Target } from '../schema/target';
import type { AdapterContext, PlatformMeta } from '../platforms/types';
import { countPhrase, ok, unknown } from './lines';

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
