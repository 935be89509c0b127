import { isApiError } from '../../http/errors';
import type { Target } from '../../schema/target';
import type { AdapterContext } from '../types';
import { expiring, TtlCache } from '../cache';
import { roleOf } from '../shared';
import { apiBase, listAll, PAGE_LIMIT } from './api';
import { TAG_TTL_MS, tagIndex } from './tags';
import { FInboxSchema, FTeammateSchema, FViewSchema, teammateName, type FTeammate, type FView } from './schemas';

/**
 * Front's rate limit is per company and shared by every agent and integration, and inboxes, teammates and
 * views change rarely: they are listed once per API host and kept for ten minutes, for every conversation
 * and every tab (the worker serves all tabs).
 */
const TARGETS_TTL_MS = 10 * 60_000;
const targetCache = new TtlCache<Target[]>(TARGETS_TTL_MS);
const teammateCache = new TtlCache<FTeammate[]>(TARGETS_TTL_MS);
const teammatesLoading = expiring(new Map<string, Promise<FTeammate[]>>());

/** Every teammate of the company (GET /teammates), shared by the target list and the note's author. */
export function teammates(ctx: AdapterContext): Promise<FTeammate[]> {
  const key = apiBase(ctx);
  const hit = teammateCache.get(key);
  if (hit) return Promise.resolve(hit);
  let pending = teammatesLoading.get(key);
  if (!pending) {
    pending = listAll(ctx, '/teammates', FTeammateSchema, 'the teammates')
      .then((list) => {
        teammateCache.set(key, list);
        return list;
      })
      .finally(() => teammatesLoading.delete(key));
    teammatesLoading.set(key, pending);
  }
  return pending;
}

/**
 * Inboxes (Front routes to a team by moving to its inbox), teammates (people only: bot seats, API and
 * automation users and blocked seats are not someone to hand over to) and views. A view is a filter; it
 * gets a viewTag when one tag makes a conversation match it.
 */
export async function listTargets(ctx: AdapterContext): Promise<Target[]> {
  const key = apiBase(ctx);
  const hit = targetCache.get(key);
  if (hit) return hit;
  const [inboxes, people, views, tags] = await Promise.all([
    listAll(ctx, '/inboxes', FInboxSchema, 'the inboxes'),
    teammates(ctx),
    // Views need their own scope (views:read); without it the other targets still work.
    listAll(ctx, '/views', FViewSchema, 'the views', { limit: String(PAGE_LIMIT) }).catch((e: unknown) => {
      if (isApiError(e) && e.kind === 'forbidden') return [];
      throw e;
    }),
    tagIndex(ctx, TAG_TTL_MS),
  ]);
  const targets: Target[] = [
    ...inboxes.map((i): Target => ({ platform: 'front', kind: 'inbox', id: i.id, name: i.name || i.id })),
    ...people
      .filter((t) => (t.type ?? 'user') === 'user' && !t.is_blocked && !isBot(t, ctx))
      .map((t): Target => ({ platform: 'front', kind: 'user', id: t.id, name: teammateName(t) ?? t.id })),
    ...views.map((v): Target => {
      const tagId = viewTagId(v);
      const viewTag = tagId ? tags.byId.get(tagId) : undefined;
      return { platform: 'front', kind: 'view', id: v.id, name: v.name || v.id, ...(viewTag ? { viewTag } : {}) };
    }),
  ];
  targetCache.set(key, targets);
  return targets;
}

const isBot = (t: FTeammate, ctx: AdapterContext) =>
  roleOf({ id: t.id, name: teammateName(t), email: t.email ?? undefined }, true, ctx.botIdentity) === 'bot';

/**
 * The tag that alone makes a conversation show in the view: the view filters on exactly one tag and on
 * nothing a tag cannot change (inboxes, assignees, "no tags"). Excluded tags are allowed: adding the
 * view's tag does not add them.
 */
function viewTagId(v: FView): string | undefined {
  const none = (xs?: string[] | null) => !xs || xs.length === 0;
  if (v.tag_ids?.length !== 1 || v.no_tags) return undefined;
  if (!none(v.inbox_ids) || !none(v.assignee_ids) || !none(v.not_assignee_ids)) return undefined;
  return v.tag_ids[0];
}
