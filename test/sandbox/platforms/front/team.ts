import type { SandboxRequest, SandboxResponse } from '../../types';
import { planHandoffs, seedNoteText, type TeamSeed } from '../../team-seed';
import { frontError } from './json';
import { id36, type FConversation, type FrontState } from './state';

/**
 * Team Insights on the sandbox Front: `GET /conversations/search/{query}` (spec search-conversations) and the
 * admin seed. The query syntax is the subset Baton sends (dev.frontapp.com/docs/search-1): `tag:{tag id}`,
 * `after:` / `before:` a Unix time in seconds (the conversation's last activity), all of them required. Results
 * are newest activity first with `_total`, paged like every Front list. Search is held to 40% of the company's
 * rate limit (spec: "proportional rate limiting"): past it, a 429 with Retry-After.
 */
const SEARCH_SHARE = 0.4;

type Term = (c: FConversation) => boolean;

function parseQuery(query: string): Term[] | string {
  const terms: Term[] = [];
  for (const token of query.trim().split(/\s+/).filter(Boolean)) {
    let m: RegExpExecArray | null;
    if ((m = /^tag:(tag_[0-9a-z]+)$/.exec(token))) {
      const id = m[1];
      terms.push((c) => c.tagIds.includes(id));
    } else if ((m = /^(after|before):(\d+)$/.exec(token))) {
      const t = Number(m[2]);
      terms.push(m[1] === 'after' ? (c) => c.updatedAt > t : (c) => c.updatedAt < t);
    } else return `The search query is invalid near "${token}".`;
  }
  return terms;
}

export function frontTeamApi(state: FrontState, limitPerMinute: () => number, now: () => number) {
  let window: number[] = [];
  return {
    /** GET /conversations/search/{query}; `page` pages the results as every Front list. Null for other paths. */
    search(
      req: SandboxRequest,
      page: <T>(items: T[]) => SandboxResponse,
      conversation: (c: FConversation) => unknown,
    ): SandboxResponse | null {
      const parts = req.path.split('/').filter(Boolean);
      if (!(req.method === 'GET' && parts[0] === 'conversations' && parts[1] === 'search' && parts.length === 3)) return null;
      const t = now();
      window = window.filter((x) => x > t - 60_000);
      const share = Math.max(1, Math.floor(limitPerMinute() * SEARCH_SHARE));
      if (window.length >= share) {
        const wait = String(Math.max(1, Math.ceil((window[0] + 60_000 - t) / 1000)));
        return {
          status: 429,
          headers: { 'retry-after': wait },
          body: frontError(429, 'Search is limited to 40% of the company rate limit.'),
        };
      }
      window.push(t);
      const terms = parseQuery(decodeURIComponent(parts[2]));
      if (typeof terms === 'string') return { status: 400, body: frontError(400, terms) };
      const hits = [...state.conversations.values()].filter((c) => !state.isPrivate(c) && terms.every((term) => term(c)));
      hits.sort((a, b) => b.updatedAt - a.updatedAt);
      const res = page(hits.map(conversation));
      return res.status === 200 ? { ...res, body: { ...(res.body as object), _total: hits.length } } : res;
    },
    /** POST /__admin/front/team-seed {count, days?, agents?, …}: escalated conversations with records in their comments. */
    admin(req: SandboxRequest): SandboxResponse | null {
      if (!(req.method === 'POST' && /^\/__admin\/front\/team-seed\/?$/.test(req.path))) return null;
      const planned = planHandoffs((req.body ?? {}) as TeamSeed, 'front');
      const teammate = (name: string) => {
        const found = state.teammates.find((x) => `${x.first} ${x.last}` === name);
        if (found) return found.id;
        const num = Math.max(...state.teammates.map((x) => x.num)) + 1;
        const [first, ...rest] = name.split(' ');
        const username = name.toLowerCase().replace(/\W+/g, '.');
        state.teammates.push({
          id: id36('tea', num),
          num,
          first,
          last: rest.join(' '),
          email: `${username}@acme-support.example`,
          username,
          type: 'user',
          blocked: false,
        });
        return id36('tea', num);
      };
      let num = Math.max(...[...state.conversations.values()].map((c) => c.num)) + 1;
      const ids: string[] = [];
      for (const h of planned) {
        const c: FConversation = {
          id: id36('cnv', num),
          num,
          key: `team_${h.index}`,
          subject: h.subject,
          contact: { name: `Customer ${num}`, email: `customer${num}@example.com` },
          tagIds: h.tags.map((n) => (state.tagByName(n) ?? state.createTag(n)).id),
          assigneeId: null,
          inboxId: state.inbox('bot').id,
          status: 'open',
          createdAt: (h.askedAt - 60_000) / 1000,
          updatedAt: 0,
          items: [],
        };
        state.conversations.set(c.id, c);
        state.addItem(c, 'customer', 'I need to talk to a person about my order.').at = h.askedAt / 1000;
        const author = teammate(h.agent);
        for (const r of h.records)
          state.addItem(c, 'agent', seedNoteText(r, h.agent), { internal: true, authorId: author }).at = Date.parse(r.at) / 1000;
        c.updatedAt = h.updatedAt / 1000;
        ids.push(c.id);
        num++;
      }
      return { status: 201, body: { ids } };
    },
  };
}
