import { isApiError } from '../../http/errors';
import type { Target } from '../../schema/target';
import type { AdapterContext } from '../types';
import { TtlCache } from '../cache';
import { roleOf } from '../shared';
import { apiBase, listAll, PAGE_LIMIT } from './api';
import { TAG_TTL_MS, tagIndex } from './tags';
import { teammateName, type FrontInbox, type FrontTeammate, type FrontView } from './types';

const cache = new TtlCache<Target[]>(60_000);

export function clearTargetCache() {
  cache.clear();
}

/**
 * Inboxes (Front routes to a team by moving to its inbox), teammates (people only: bot seats, API and
 * automation users and blocked seats are not someone to hand over to) and views. A view is a filter; it gets a viewTag when one tag
 * makes a conversation match it.
 */
export async function listTargets(ctx: AdapterContext): Promise<Target[]> {
  const key = apiBase(ctx);
  const hit = cache.get(key);
  if (hit) return hit;
  const [inboxes, teammates, views, tags] = await Promise.all([
    listAll<FrontInbox>(ctx, '/inboxes', 'the inboxes'),
    listAll<FrontTeammate>(ctx, '/teammates', 'the teammates'),
    // Views need their own scope (views:read); without it the other targets still work.
    listAll<FrontView>(ctx, '/views', 'the views', { limit: String(PAGE_LIMIT) }).catch((e: unknown) => {
      if (isApiError(e) && e.kind === 'forbidden') return [];
      throw e;
    }),
    tagIndex(ctx, TAG_TTL_MS),
  ]);
  const targets: Target[] = [
    ...inboxes.map((i): Target => ({ platform: 'front', kind: 'inbox', id: i.id, name: i.name || i.id })),
    ...teammates
      .filter((t) => (t.type ?? 'user') === 'user' && !t.is_blocked && !isBot(t, ctx))
      .map((t): Target => ({ platform: 'front', kind: 'user', id: t.id, name: teammateName(t) ?? t.id })),
    ...views.map((v): Target => {
      const tagId = viewTagId(v);
      const viewTag = tagId ? tags.byId.get(tagId) : undefined;
      return { platform: 'front', kind: 'view', id: v.id, name: v.name || v.id, ...(viewTag ? { viewTag } : {}) };
    }),
  ];
  cache.set(key, targets);
  return targets;
}

const isBot = (t: FrontTeammate, ctx: AdapterContext) =>
  roleOf({ id: t.id, name: teammateName(t), email: t.email }, true, ctx.botIdentity) === 'bot';

/**
 * The tag that alone makes a conversation show in the view: the view filters on exactly one tag and on
 * nothing a tag cannot change (inboxes, assignees, "no tags"). Excluded tags are allowed: adding the
 * view's tag does not add them.
 */
export function viewTagId(v: FrontView): string | undefined {
  const none = (xs?: string[]) => !xs || xs.length === 0;
  if (v.tag_ids?.length !== 1 || v.no_tags) return undefined;
  if (!none(v.inbox_ids) || !none(v.assignee_ids) || !none(v.not_assignee_ids)) return undefined;
  return v.tag_ids[0];
}
