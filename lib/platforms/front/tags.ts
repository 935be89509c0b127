import { errorForStatus } from '../../http/errors';
import type { AdapterContext } from '../types';
import { expiring } from '../cache';
import { apiBase, LABEL, listAll, PAGE_LIMIT, write } from './api';
import { FTagSchema } from './schemas';

interface TagIndex {
  at: number;
  byName: Map<string, string>;
  byId: Map<string, string>;
}

/** How long read() trusts the tag list before listing it again; a stale id is caught when it is used. */
export const TAG_TTL_MS = 5 * 60_000;

// Per API host: Front's tag endpoints take ids only, so names are resolved through GET /tags once and kept.
const indexes = expiring(new Map<string, TagIndex>());
const loading = expiring(new Map<string, Promise<TagIndex>>());
// Not expiring: a creation under way must not be sent twice.
const creating = new Map<string, Promise<string>>();

export function forgetTags(ctx: AdapterContext) {
  indexes.delete(apiBase(ctx));
}

export function tagIndex(ctx: AdapterContext, maxAgeMs = Infinity): Promise<TagIndex> {
  const key = apiBase(ctx);
  const hit = indexes.get(key);
  if (hit && Date.now() - hit.at <= maxAgeMs) return Promise.resolve(hit);
  let pending = loading.get(key);
  if (!pending) {
    pending = listAll(ctx, '/tags', FTagSchema, 'the tags', { limit: String(PAGE_LIMIT) })
      .then((tags) => {
        const idx: TagIndex = { at: Date.now(), byName: new Map(), byId: new Map() };
        // A teammate's private tag is theirs alone: rules, colleagues and the bot never see it, so a name never
        // resolves to one (spec TagResponse.is_private, "Whether or not the tag is individual").
        for (const t of tags) if (!t.is_private) remember(idx, t.name, t.id);
        indexes.set(key, idx);
        return idx;
      })
      .finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

function remember(idx: TagIndex, name: string, id: string) {
  if (!idx.byName.has(name)) idx.byName.set(name, id);
  idx.byId.set(id, name);
}

function lookup(idx: TagIndex, name: string): string | undefined {
  const exact = idx.byName.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [n, id] of idx.byName) if (n.toLowerCase() === lower) return id;
  return undefined;
}

/** Tag names → ids, creating each missing tag once (as a company tag) and remembering it. */
export async function resolveTagIds(ctx: AdapterContext, names: string[]): Promise<string[]> {
  const idx = await tagIndex(ctx);
  const ids: string[] = [];
  for (const name of names) ids.push(lookup(idx, name) ?? (await createTag(ctx, name)));
  return [...new Set(ids)];
}

function createTag(ctx: AdapterContext, name: string): Promise<string> {
  // Two steps resolving the same new tag at once must not create it twice.
  const key = `${apiBase(ctx)}\n${name}`;
  let pending = creating.get(key);
  if (!pending) {
    pending = postTag(ctx, name).finally(() => creating.delete(key));
    creating.set(key, pending);
  }
  return pending;
}

/**
 * Missing tags are created as company tags (POST /company/tags), which every workspace sees. The older POST /tags
 * is "a legacy endpoint" that creates the tag "in the oldest team (workspace)" (spec, Create tag), where a
 * conversation of another workspace, its rules and its bot never see it.
 */
export const CREATE_TAG_PATH = '/company/tags';

async function postTag(ctx: AdapterContext, name: string): Promise<string> {
  const action = `create the tag ${name}`;
  // Front's API default hides new tags from conversation lists; agents should see an escalation tag there.
  const res = await write(ctx, 'POST', CREATE_TAG_PATH, { name, is_visible_in_conversation_lists: true }, { action, accept: [400, 409] });
  const created = res.status < 300 ? FTagSchema.safeParse(res.body) : null;
  let id = created?.success ? created.data.id : undefined;
  if (!id) {
    // Refused, most likely because someone created it since the list was read: list again and use theirs.
    forgetTags(ctx);
    id = lookup(await tagIndex(ctx), name);
    if (!id) throw errorForStatus(res.status, action, LABEL, res.body);
  }
  const idx = indexes.get(apiBase(ctx));
  if (idx) remember(idx, name, id);
  return id;
}
