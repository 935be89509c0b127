import type { Target } from '../../schema/target';
import { TtlCache } from '../cache';
import { roleOf } from '../shared';
import type { AdapterContext } from '../types';
import { listAll, PAGE_LIMIT } from './api';
import { isBotUser } from './bots';
import { viewTagOf } from './filters';
import { nameOf } from './read';
import { GTeamSchema, GUserSchema, GViewSchema } from './schemas';

const cache = new TtlCache<Target[]>(60_000);
const page = { limit: String(PAGE_LIMIT) };

/**
 * Teams, users and views of the account. Users who cannot take a ticket (deactivated, or the bot itself)
 * are left out; every view is listed, with the tag that routes to it when its filter allows one.
 */
export async function listTargets(ctx: AdapterContext): Promise<Target[]> {
  const key = `${ctx.ref.account.toLowerCase()}|${ctx.authMode}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [teams, users, views] = await Promise.all([
    listAll(ctx, '/api/teams', page, GTeamSchema, 'list the Gorgias teams'),
    listAll(ctx, '/api/users', page, GUserSchema, 'list the Gorgias users'),
    listAll(ctx, '/api/views', page, GViewSchema, 'list the Gorgias views'),
  ]);
  const target = (kind: Target['kind'], id: number, name: string, extra: Partial<Target> = {}): Target => ({
    platform: 'gorgias',
    kind,
    id: String(id),
    name: name.trim() || `${kind} ${id}`,
    ...extra,
  });
  const targets: Target[] = [
    ...teams.map((t) => target('team', t.id, t.name)),
    ...users
      .filter((u) => u.active !== false && !isBotUser(u))
      .filter((u) => roleOf({ id: String(u.id), name: nameOf(u), email: u.email ?? undefined }, true, ctx.botIdentity) !== 'bot')
      .map((u) => target('user', u.id, nameOf(u) ?? '')),
    ...views.map((v) => {
      const viewTag = viewTagOf(v.filters);
      return target('view', v.id, v.name ?? '', viewTag ? { viewTag } : {});
    }),
  ];
  cache.set(key, targets);
  return targets;
}
