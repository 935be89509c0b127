import type { SandboxRequest, SandboxResponse } from '../../types';
import { AGENT_ID, match, type SandboxStore } from '../common';
import { planHandoffs, seedNoteText, type TeamSeed } from '../../team-seed';
import { authenticate, zendeskError } from './auth';

/**
 * Team Insights on the sandbox Zendesk: Export Search Results (spec ExportSearchResults), and the admin seed.
 * Kept apart from api.ts: the search reads the same store, and only this file knows its query syntax.
 *
 * The query syntax is the subset Baton sends (Zendesk Support search reference): `tags:name` (a trailing `*`
 * matches a prefix), `updated>` / `updated<` / `created>` with an ISO time or a date. `type:` in the query
 * is refused, as the spec says for this endpoint; `filter[type]` must be `ticket`. Results come in created_at
 * order with cursor pages (`page[size]` ≤ 1000, `page[after]`), and the endpoint keeps its own budget of 100
 * requests a minute on top of the account's.
 */
const EXPORT_PER_MINUTE = 100;

type Term = (c: { tags: string[]; updatedAt: string; createdAt: string }) => boolean;

function parseQuery(query: string): Term[] | string {
  const terms: Term[] = [];
  for (const token of query.trim().split(/\s+/).filter(Boolean)) {
    let m: RegExpExecArray | null;
    if (/^type:/i.test(token)) return 'Searches with type in the query string are not supported on this endpoint; use filter[type].';
    if ((m = /^tags:(.+)$/i.exec(token))) {
      const want = m[1].toLowerCase();
      terms.push(want.endsWith('*') ? (c) => c.tags.some((t) => t.startsWith(want.slice(0, -1))) : (c) => c.tags.includes(want));
    } else if ((m = /^(updated|created)([<>])(.+)$/i.exec(token))) {
      const at = Date.parse(m[3]);
      if (Number.isNaN(at)) return `Invalid date in ${token}`;
      const field = m[1].toLowerCase() === 'updated' ? 'updatedAt' : 'createdAt';
      const after = m[2] === '>';
      terms.push((c) => (after ? Date.parse(c[field]) > at : Date.parse(c[field]) < at));
    } else return `The sandbox does not search on ${token}`;
  }
  return terms;
}

export function zendeskTeamApi(store: SandboxStore, now: () => number = Date.now) {
  let window: number[] = [];

  function searchExport(req: SandboxRequest): SandboxResponse {
    const t = now();
    window = window.filter((x) => x > t - 60_000);
    if (window.length >= EXPORT_PER_MINUTE)
      return {
        status: 429,
        headers: { 'Retry-After': String(Math.ceil((window[0] + 60_000 - t) / 1000)) },
        body: { error: 'TooManyRequests' },
      };
    window.push(t);
    const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.at(-1) : v);
    if (one(req.query['filter[type]']) !== 'ticket')
      return zendeskError(400, 'invalid', 'filter[type] is required: ticket, user, organization or group');
    const terms = parseQuery(one(req.query.query) ?? '');
    if (typeof terms === 'string') return zendeskError(400, 'invalid', terms);
    const size = Math.min(1000, Math.max(1, Number(one(req.query['page[size]']) ?? 100)));
    const after = Number(Buffer.from(one(req.query['page[after]']) ?? '', 'base64url').toString() || 0);
    const hits = [...store.conversations.values()]
      .filter((c) => terms.every((term) => term(c)))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
    const page = hits.slice(after, after + size);
    const more = after + size < hits.length;
    const cursor = more ? Buffer.from(String(after + size)).toString('base64url') : null;
    const next = new URL(`https://${req.host}/api/v2/search/export.json`);
    next.searchParams.set('query', one(req.query.query) ?? '');
    next.searchParams.set('filter[type]', 'ticket');
    next.searchParams.set('page[size]', String(size));
    if (cursor) next.searchParams.set('page[after]', cursor);
    return {
      status: 200,
      body: {
        results: page.map((c) => ({
          id: c.id,
          url: `https://${req.host}/api/v2/tickets/${c.id}.json`,
          subject: c.subject,
          status: 'open',
          tags: c.tags,
          created_at: c.createdAt,
          updated_at: c.updatedAt,
          result_type: 'ticket',
        })),
        facets: null,
        meta: { has_more: more, after_cursor: cursor, before_cursor: null },
        links: { next: more ? next.toString() : null, prev: null },
      },
    };
  }

  return {
    /** The API routes this file serves; null for every other path. */
    api(req: SandboxRequest): SandboxResponse | null {
      if (!(req.method === 'GET' && match('/api/v2/search/export', req.path))) return null;
      const a = authenticate(req);
      return a === 'ok' ? searchExport(req) : a;
    },
    /** POST /__admin/zendesk/team-seed {count, days?, agents?, …}: escalated tickets with records, as other agents left them. */
    admin(req: SandboxRequest): SandboxResponse | null {
      if (!(req.method === 'POST' && match('/__admin/zendesk/team-seed', req.path))) return null;
      const planned = planHandoffs((req.body ?? {}) as TeamSeed, 'zendesk');
      const agentId = (name: string) => {
        const found = [...store.users.values()].find((u) => u.role === 'agent' && u.name === name);
        if (found) return found.id;
        // Agents next to the seeded ones (900s), clear of the customers' range.
        let id = AGENT_ID + 10;
        while (store.users.has(id)) id++;
        store.addUser({ id, name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@acme-support.example`, role: 'agent' });
        return id;
      };
      let id = Math.max(0, ...store.conversations.keys()) + 1;
      const ids: number[] = [];
      for (const h of planned) {
        const customerId = 50_000 + id;
        store.addUser({ id: customerId, name: `Customer ${id}`, email: `customer${id}@example.com`, role: 'customer' });
        const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
        store.conversations.set(id, {
          id,
          key: `team_${h.index}`,
          subject: h.subject,
          customerId,
          messages: [],
          tags: [...h.tags],
          assigneeId: null,
          teamId: Number(h.target.id),
          inboxId: null,
          createdAt: at(h.askedAt - 60_000),
          updatedAt: at(h.updatedAt),
        });
        const author = agentId(h.agent);
        const msgs = [
          store.addMessage(id, 'customer', 'I need to talk to a person about my order.'),
          ...h.records.map((r) => store.addMessage(id, 'agent', seedNoteText(r, h.agent), { internal: true, authorId: author })),
        ];
        msgs.forEach((m, j) => m && (m.createdAt = at(j === 0 ? h.askedAt : Date.parse(h.records[j - 1].at))));
        store.conversations.get(id)!.updatedAt = at(h.updatedAt);
        ids.push(id++);
      }
      return { status: 201, body: { ids: ids.map(String) } };
    },
  };
}
