import type { SandboxRequest, SandboxResponse } from '../../types';
import { FrontJson, frontError } from './json';
import { paged, PagingError } from './paging';
import type { FConversation, FrontState } from './state';
import type { frontTeamApi } from './team';
import { inboxConversations } from './watch';

export const FRONT_TOKEN = 'sandbox-front-token';

export interface FrontApiOptions {
  /** Largest page the API hands out; Front's is 100. Tests lower it to make conversations span pages. */
  maxPageSize: number;
  /** Requests per minute before 429 (Front: 50–200 per company by plan). */
  rateLimitPerMinute: number;
  now: () => number;
  /** Whether the token has the "Private resources" scope (access to teammates' individual inboxes). */
  privateAccess: boolean;
  /** The token's scopes (Front's "Required scope" per operation); null = every scope. */
  scopes?: string[] | null;
}

/** The scope Front's spec names for each route Baton uses ("Required scope: `comments:write`"). */
function requiredScope(method: string, parts: string[]): string | null {
  const [head, id, sub] = parts;
  if (head === 'me') return null;
  if (head === 'tags' || (head === 'company' && id === 'tags')) return method === 'GET' ? 'tags:read' : 'tags:write';
  if (head === 'inboxes' || (head === 'teammates' && sub === 'inboxes')) return 'inboxes:read';
  if (head === 'teammates') return 'teammates:read';
  if (head === 'views') return 'views:read';
  if (head !== 'conversations') return null;
  if (!id) return method === 'GET' ? 'conversations:read' : 'conversations:write';
  if (sub === 'messages') return 'messages:read';
  if (sub === 'comments') return method === 'GET' ? 'comments:read' : 'comments:write';
  if (sub === 'inboxes') return 'inboxes:read';
  return method === 'GET' ? 'conversations:read' : 'conversations:write';
}

type Body = Record<string, unknown>;
const STATUSES = ['archived', 'open', 'deleted', 'spam'] as const;

const ok = (status: number, body?: unknown): SandboxResponse => ({ status, body });
const fail = (status: number, message: string): SandboxResponse => ({ status, body: frontError(status, message) });
const isObject = (b: unknown): b is Body => !!b && typeof b === 'object' && !Array.isArray(b);
const unknownKeys = (b: Body, allowed: string[]) => Object.keys(b).filter((k) => !allowed.includes(k));

/**
 * The Core API subset Baton uses, on api2.frontapp.com and company hosts (*.api.frontapp.com). Status
 * codes follow the spec: 200 reads, 201 creations, 204 updates with no body, 301 for a merged
 * conversation, 400 for an invalid body (what Front documents, e.g. invalid custom fields), 401 without a
 * valid Bearer token, 404 for unknown ids. Every answer carries Front's x-ratelimit-* headers.
 */
export function createFrontApi(state: FrontState, opts: FrontApiOptions, team?: ReturnType<typeof frontTeamApi>) {
  let window = { start: 0, used: 0 };

  function rateHeaders(): Record<string, string> | SandboxResponse {
    const now = opts.now();
    if (now - window.start >= 60_000) window = { start: now, used: 0 };
    const reset = String(Math.ceil((window.start + 60_000) / 1000));
    if (window.used >= opts.rateLimitPerMinute) {
      state.counters.rateLimited++;
      const wait = String(Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)));
      const headers = {
        'x-ratelimit-limit': String(opts.rateLimitPerMinute),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset,
        'retry-after': wait,
      };
      return { ...fail(429, 'Rate limit exceeded. Please retry after the reset time.'), headers };
    }
    window.used++;
    return {
      'x-ratelimit-limit': String(opts.rateLimitPerMinute),
      'x-ratelimit-remaining': String(opts.rateLimitPerMinute - window.used),
      'x-ratelimit-reset': reset,
    };
  }

  function handle(req: SandboxRequest): SandboxResponse | null {
    if (req.headers.authorization !== `Bearer ${FRONT_TOKEN}`) return fail(401, 'The API token is missing or invalid.');
    const limited = rateHeaders();
    if ('status' in limited) return limited as SandboxResponse;
    const scope = requiredScope(req.method, req.path.split('/').filter(Boolean));
    // The wording of Front's own refusal (spec: "Token lacks the required `conversations:delete` scope").
    if (scope && opts.scopes && !opts.scopes.includes(scope)) return fail(403, `Token lacks the required \`${scope}\` scope`);
    const res = route(req);
    if (!res) return null;
    return { ...res, headers: { ...limited, ...(res.headers ?? {}) } };
  }

  function route(req: SandboxRequest): SandboxResponse | null {
    const json = new FrontJson(state, `https://${req.host}`);
    const parts = req.path.split('/').filter(Boolean);
    const body = req.body;
    const count = (name: string) => {
      state.counters.requests++;
      state.counters.byRoute[`${req.method} ${name}`] = (state.counters.byRoute[`${req.method} ${name}`] ?? 0) + 1;
    };
    const page = <T>(items: T[]) => {
      try {
        return ok(200, paged(items, req, opts.maxPageSize));
      } catch (e) {
        if (e instanceof PagingError) return fail(400, e.message);
        throw e;
      }
    };

    // Team Insights' search (team.ts), before the conversation routes would read "search" as an id.
    const searched = team?.search(req, page, (c) => json.conversation(c));
    if (searched) {
      count('/conversations/search/:query');
      return searched;
    }
    if (parts[0] === 'conversations' && parts.length >= 2) {
      const [, id, sub, ...rest] = parts;
      if (rest.length) return null;
      const name = `/conversations/:id${sub ? `/${sub}` : ''}`;
      count(name);
      const mergedInto = state.merged.get(id);
      if (mergedInto) {
        const query = new URLSearchParams(flatQuery(req.query)).toString();
        const location = `https://${req.host}/conversations/${mergedInto}${sub ? `/${sub}` : ''}${query ? `?${query}` : ''}`;
        return { status: 301, headers: { Location: location }, body: null };
      }
      const c = state.conversation(id);
      if (!c || !/^cnv_[0-9a-z]+$/.test(id)) return fail(404, `Conversation ${id} not found.`);
      // Front's answer for a conversation in a private inbox the token may not reach (community.front.com,
      // "Question about API tokens / permissions", 2022).
      if (state.isPrivate(c) && !opts.privateAccess)
        return fail(403, `This agent is not allowed to read the "conversation" with ID: "${c.num}"`);
      return conversationRoute(req, c, sub, body, json, page);
    }

    const path = parts.join('/');
    if (path === 'conversations' && req.method === 'GET') {
      count('/conversations');
      // Most recently updated first; conversations in a private inbox only with private access.
      const visible = [...state.conversations.values()]
        .filter((c) => !state.isPrivate(c) || opts.privateAccess)
        .sort((a, b) => b.updatedAt - a.updatedAt);
      return page(visible.map((c) => json.conversation(c)));
    }
    if (parts[0] === 'teammates' && parts[2] === 'inboxes' && parts.length === 3 && req.method === 'GET') {
      count('/teammates/:id/inboxes');
      const t = state.teammate(parts[1]);
      if (!t) return fail(404, `Teammate ${parts[1]} not found.`);
      // A teammate's individual inbox is a private resource (help.front.com/t/80d8nt): ASSUMED to refuse the list.
      const own = state.inboxes.filter((i) => i.privateOf === t.id);
      if (own.length && !opts.privateAccess) return fail(403, 'You do not have access to the resources of this teammate.');
      return ok(200, {
        _links: { self: `https://${req.host}${req.path}` },
        _results: state.inboxes.filter((i) => !i.privateOf || i.privateOf === t.id).map((i) => json.inbox(i)),
      });
    }
    if (path === 'me' && req.method === 'GET') {
      count('/me');
      return ok(200, { _links: { self: `https://${req.host}/me` }, id: 'cmp_acme', name: 'Acme Support' });
    }
    if (path === 'tags') {
      count('/tags');
      // "All the tags …, whether they be company tags, team tags, or teammate tags" (spec, List tags).
      if (req.method === 'GET') return page(state.tags.map((t) => json.tag(t)));
      // The legacy create: the tag lands in the oldest workspace (spec, Create tag). Kept so a client still
      // calling it shows in the traffic; it is counted apart from company tags.
      if (req.method === 'POST') {
        state.counters.legacyTagsCreated++;
        return createTag(body, json);
      }
      return fail(405, 'Method not allowed.');
    }
    if (path === 'company/tags') {
      count('/company/tags');
      if (req.method === 'GET') return page(state.tags.filter((t) => !t.privateOf).map((t) => json.tag(t)));
      if (req.method === 'POST') return createTag(body, json);
      return fail(405, 'Method not allowed.');
    }
    if (path === 'inboxes' && req.method === 'GET') {
      count('/inboxes');
      // Shared inboxes only: individual inboxes are listed per teammate (GET /teammates/{id}/inboxes).
      return ok(200, {
        _links: { self: `https://${req.host}/inboxes` },
        _results: state.inboxes.filter((i) => !i.privateOf).map((i) => json.inbox(i)),
      });
    }
    if (parts[0] === 'inboxes' && parts[2] === 'conversations' && parts.length === 3 && req.method === 'GET') {
      // Queue watch (watch.ts).
      count('/inboxes/:id/conversations');
      const inbox = state.inboxes.find((i) => i.id === parts[1]);
      if (!inbox) return fail(404, `Inbox ${parts[1]} not found.`);
      if (inbox.privateOf && !opts.privateAccess) return fail(403, 'You do not have access to the resources of this teammate.');
      return page(inboxConversations(state, inbox.id).map((c) => json.conversation(c)));
    }
    if (path === 'teammates' && req.method === 'GET') {
      count('/teammates');
      return ok(200, { _links: { self: `https://${req.host}/teammates` }, _results: state.teammates.map((t) => json.teammate(t)) });
    }
    if (path === 'views' && req.method === 'GET') {
      count('/views');
      return page(state.views.map((v) => json.view(v)));
    }
    if (parts[0] === 'views' && parts.length === 2 && req.method === 'GET') {
      count('/views/:id');
      const v = state.views.find((x) => x.id === parts[1]);
      return v ? ok(200, json.view(v)) : fail(404, `View ${parts[1]} not found.`);
    }
    return null;
  }

  function conversationRoute(
    req: SandboxRequest,
    c: FConversation,
    sub: string | undefined,
    body: unknown,
    json: FrontJson,
    page: <T>(items: T[]) => SandboxResponse,
  ): SandboxResponse | null {
    switch (`${req.method} ${sub ?? ''}`) {
      case 'GET ':
        return ok(200, json.conversation(c));
      case 'PATCH ':
        return updateConversation(c, body);
      case 'PUT assignee': {
        if (!isObject(body) || !('assignee_id' in body)) return fail(400, 'assignee_id is required.');
        return assign(c, body.assignee_id) ?? done(c);
      }
      case 'GET messages': {
        const order = req.query.sort_order ?? 'desc';
        if (order !== 'asc' && order !== 'desc') return fail(400, 'sort_order must be asc or desc.');
        const messages = c.items.filter((i) => i.kind === 'message').map((m) => json.message(m, c));
        // "List the messages in a conversation in reverse chronological order (newest first)."
        return page(order === 'desc' ? messages.reverse() : messages);
      }
      case 'GET comments':
        return ok(200, {
          _links: { self: `https://${req.host}${req.path}` },
          _results: c.items.filter((i) => i.kind === 'comment').map((m) => json.comment(m, c)),
        });
      case 'POST comments': {
        if (!isObject(body) || typeof body.body !== 'string' || !body.body.trim()) return fail(400, 'body must be a non-empty string.');
        const extra = unknownKeys(body, ['body', 'author_id', 'is_pinned', 'attachments']);
        if (extra.length) return fail(400, `Unknown field ${extra[0]}.`);
        // An author Front does not know is refused like the real API refuses an unknown alias: 404.
        if (body.author_id !== undefined && !state.teammate(String(body.author_id)))
          return fail(404, `Teammate ${String(body.author_id)} not found.`);
        const author =
          typeof body.author_id === 'string' ? state.teammate(body.author_id)!.id : state.teammates.find((t) => t.type === 'api')!.id;
        const item = state.addItem(c, 'agent', body.body, { internal: true, authorId: author });
        state.counters.commentsPosted++;
        return ok(201, json.comment(item, c));
      }
      case 'GET inboxes':
        return ok(200, {
          _links: { self: `https://${req.host}${req.path}` },
          _results: state.inboxes.filter((i) => i.id === c.inboxId).map((i) => json.inbox(i)),
        });
      case 'POST tags':
      case 'DELETE tags': {
        const ids = tagIds(body);
        if (typeof ids === 'string') return fail(400, ids);
        const missing = ids.find((id) => !state.tagById(id));
        if (missing) return fail(404, `Tag ${missing} not found.`);
        c.tagIds = req.method === 'POST' ? [...new Set([...c.tagIds, ...ids])] : c.tagIds.filter((id) => !ids.includes(id));
        return done(c);
      }
      default:
        return null;
    }
  }

  function done(c: FConversation): SandboxResponse {
    state.touch(c);
    return ok(204);
  }

  function updateConversation(c: FConversation, body: unknown): SandboxResponse {
    if (!isObject(body)) return fail(400, 'The request body must be a JSON object.');
    const extra = unknownKeys(body, ['assignee_id', 'inbox_id', 'status', 'status_id', 'tag_ids', 'custom_fields']);
    if (extra.length) return fail(400, `Unknown field ${extra[0]}.`);
    // An update that asks for nothing changes nothing (Check setup uses it to test conversations:write).
    if (Object.keys(body).length === 0) return ok(204);
    if (body.status !== undefined && !STATUSES.includes(body.status as (typeof STATUSES)[number]))
      return fail(400, `Invalid status ${String(body.status)}.`);
    if (body.inbox_id !== undefined && !state.inboxes.some((i) => i.id === body.inbox_id))
      return fail(404, `Inbox ${String(body.inbox_id)} not found.`);
    const ids = body.tag_ids === undefined ? undefined : tagIds({ tag_ids: body.tag_ids });
    if (typeof ids === 'string') return fail(400, ids);
    if (ids?.some((id) => !state.tagById(id))) return fail(404, 'Tag not found.');
    if ('assignee_id' in body) {
      const refused = assign(c, body.assignee_id);
      if (refused) return refused;
    }
    if (typeof body.inbox_id === 'string') c.inboxId = body.inbox_id;
    if (body.status !== undefined) c.status = body.status as FConversation['status'];
    if (ids) c.tagIds = [...new Set(ids)];
    return done(c);
  }

  /** Sets the assignee (null unassigns); returns the refusal when the teammate is unknown or blocked. */
  function assign(c: FConversation, id: unknown): SandboxResponse | null {
    if (id === null) {
      c.assigneeId = null;
      return null;
    }
    if (typeof id !== 'string') return fail(400, 'assignee_id must be a teammate id or null.');
    const t = state.teammate(id);
    if (!t || t.type !== 'user') return fail(404, `Teammate ${id} not found.`);
    if (t.blocked) return fail(400, `Teammate ${id} is blocked and cannot be assigned.`);
    c.assigneeId = t.id;
    return null;
  }

  function createTag(body: unknown, json: FrontJson): SandboxResponse {
    if (!isObject(body) || typeof body.name !== 'string' || !body.name.trim()) return fail(400, 'name must be a non-empty string.');
    const extra = unknownKeys(body, ['name', 'description', 'highlight', 'is_visible_in_conversation_lists']);
    if (extra.length) return fail(400, `Unknown field ${extra[0]}.`);
    if (body.name.length > 64) return fail(400, 'name must be at most 64 characters.');
    // Names are unique among shared tags; a teammate's private tag may carry the same name.
    if (state.tagByName(body.name)) return fail(409, `A tag named ${body.name} already exists.`);
    state.counters.tagsCreated++;
    return ok(201, json.tag(state.createTag(body.name)));
  }

  return { handle };
}

function tagIds(body: unknown): string[] | string {
  if (!isObject(body) || !Array.isArray(body.tag_ids)) return 'tag_ids is required.';
  if (!body.tag_ids.length) return 'tag_ids must not be empty.';
  if (!body.tag_ids.every((t) => typeof t === 'string')) return 'tag_ids must be a list of tag ids.';
  const extra = unknownKeys(body, ['tag_ids']);
  if (extra.length) return `Unknown field ${extra[0]}.`;
  return body.tag_ids as string[];
}

function flatQuery(q: Record<string, string | string[]>): [string, string][] {
  return Object.entries(q).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));
}
