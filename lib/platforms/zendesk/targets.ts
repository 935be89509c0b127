import type { Target } from '../../schema/target';
import type { AdapterContext } from '../types';
import { TtlCache } from '../cache';
import { viewWithoutTag } from '../shared';
import { getAll } from './api';
import { GroupsSchema, UsersSchema, ViewsSchema } from './schemas';

const cache = new TtlCache<Target[]>(60_000);

/**
 * Groups, agents and active views, every page of each (lists return at most 100 a page); a view is a target
 * only through a tag its conditions require.
 */
export async function listTargets(ctx: AdapterContext): Promise<Target[]> {
  const key = `${ctx.ref.account}:${ctx.authMode}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const [groups, users, views] = await Promise.all([
    getAll(ctx, '/groups.json?page[size]=100', GroupsSchema, (p) => p.groups, 'list the groups'),
    getAll(ctx, '/users.json?role[]=agent&role[]=admin&page[size]=100', UsersSchema, (p) => p.users, 'list the agents'),
    getAll(ctx, '/views.json?active=true&page[size]=100', ViewsSchema, (p) => p.views, 'list the views'),
  ]);
  const targets: Target[] = [
    ...groups
      .filter((g) => !g.deleted)
      .map((g) => ({ platform: 'zendesk' as const, kind: 'group' as const, id: String(g.id), name: g.name })),
    ...users.map((u) => ({ platform: 'zendesk' as const, kind: 'user' as const, id: String(u.id), name: u.name ?? String(u.id) })),
    ...views.map((v) => {
      const viewTag = viewTagOf(v.conditions?.all ?? []);
      return { platform: 'zendesk' as const, kind: 'view' as const, id: String(v.id), name: v.title, ...(viewTag ? { viewTag } : {}) };
    }),
  ];
  cache.set(key, targets);
  return targets;
}

/** A view can be reached by a tag when one of its "all" conditions requires that tag on the ticket. */
function viewTagOf(all: { field: string; operator: string; value: unknown }[]): string | undefined {
  const c = all.find((x) => x.field === 'current_tags' && x.operator === 'includes' && typeof x.value === 'string');
  return c ? String(c.value).split(/\s+/)[0] : undefined;
}

export const viewError = () => viewWithoutTag('a group or an agent');
