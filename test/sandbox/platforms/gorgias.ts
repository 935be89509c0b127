import type { SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';
import type { SeedRole } from '../scenarios';
import { SCENARIOS } from '../scenarios';
import { createGorgiasApi, GORGIAS_CREDENTIALS } from './gorgias/api';
import { gorgiasTeamAdmin } from './gorgias/team';
import { messageJson } from './gorgias/json';
import { pageData, renderAgentPage, renderOtherPage, ticketIdInPath } from './gorgias/page';
import { EXTRA_TICKETS, FIRST_TICKET, GorgiasState, TEAMS, USERS, VIEWS } from './gorgias/state';
import { seedQueue } from './gorgias/watch';

/** Ids and credentials of the sandbox's Gorgias account, for tests and the demo. */
export const GORGIAS_SANDBOX = {
  account: 'acme',
  origin: 'https://acme.gorgias.com',
  ...GORGIAS_CREDENTIALS,
  users: USERS,
  teams: TEAMS,
  views: VIEWS,
} as const;

/** Authorization header of the sandbox's API key (Basic base64(email:key)). */
export const gorgiasBasicAuth = () =>
  `Basic ${Buffer.from(`${GORGIAS_CREDENTIALS.email}:${GORGIAS_CREDENTIALS.apiKey}`).toString('base64')}`;

/** The ticket id of a scenario: tickets are seeded in SCENARIOS order from 5001, then the Gorgias-only tickets. */
export function gorgiasTicketId(key: string): number {
  const i = [...SCENARIOS, ...EXTRA_TICKETS].findIndex((s) => s.key === key);
  if (i < 0) throw new Error(`unknown scenario ${key}`);
  return FIRST_TICKET + i;
}

/** The agent page of a scenario, at either real URL shape. */
export const gorgiasPageUrl = (key: string, view?: number) =>
  `${GORGIAS_SANDBOX.origin}${view === undefined ? `/app/ticket/${gorgiasTicketId(key)}` : `/app/views/${view}/${gorgiasTicketId(key)}`}`;

export interface GorgiasSandboxOptions {
  /** Largest page the API returns whatever `limit` asks (tests use it to force several pages). */
  maxPageSize?: number;
  /** Refuse writes made with the session cookie (400 or 403); also set by POST /__admin/gorgias/session-writes. */
  refuseSessionWrites?: 400 | 403 | null;
}

export type GorgiasSandbox = Omit<SandboxPlatform, 'name' | 'state'> & {
  name: 'gorgias';
  state(): GorgiasSnapshot;
  admin(req: SandboxRequest): SandboxResponse | null;
  /** Refuse (400/403) or accept (null) writes made with the session cookie, until reset. */
  refuseSessionWrites(status: 400 | 403 | null): void;
  /** Appends a message to a ticket as the customer, the bot or an agent (what the admin route does). */
  addMessage(ticketId: number, role: SeedRole, text: string): boolean;
  /** The raw in-memory account (tests inspect it directly). */
  raw: GorgiasState;
};

interface GorgiasSnapshot {
  account: string;
  conversations: {
    id: number;
    key: string;
    subject: string;
    status: string;
    tags: string[];
    assigneeId: number | null;
    teamId: number | null;
    assignee: string | null;
    team: string | null;
    notes: { id: number; text: string; html: string; senderId: number }[];
    messageCount: number;
    updatedAt: string;
  }[];
  tags: string[];
  counters: { requests: number; byRoute: Record<string, number>; messagesCreated: number };
}

const HTML = 'text/html; charset=utf-8';

/**
 * Gorgias in the sandbox: the REST API subset Baton uses on {account}.gorgias.com/api (see
 * test/contracts/gorgias.ts for the contract and its sources), the agent app at the real
 * URL shapes, and admin routes for tests (page data, appending a customer message).
 */
export function createGorgiasSandbox(options: GorgiasSandboxOptions = {}): GorgiasSandbox {
  const state = new GorgiasState();
  const counters = { requests: 0, byRoute: {} as Record<string, number>, messagesCreated: 0 };
  let sessionWrites: 400 | 403 | null = options.refuseSessionWrites ?? null;
  const api = createGorgiasApi(state, {
    maxPageSize: options.maxPageSize ?? 100,
    sessionWrites: () => sessionWrites,
    count(route) {
      counters.requests++;
      counters.byRoute[route] = (counters.byRoute[route] ?? 0) + 1;
      if (route === 'POST /api/tickets/:id/messages') counters.messagesCreated++;
    },
  });
  const sessionCookie = `${GORGIAS_CREDENTIALS.sessionCookie}=${GORGIAS_CREDENTIALS.session}; Path=/; Secure; SameSite=Lax; HttpOnly`;

  function agentPage(req: SandboxRequest): SandboxResponse {
    // Opening the app is the sign-in: the session cookie then authenticates same-origin /api calls.
    const headers = { 'Set-Cookie': sessionCookie, 'Cache-Control': 'no-store' };
    const id = ticketIdInPath(req.path);
    if (req.method !== 'GET') return { status: 405, headers, contentType: HTML, body: renderOtherPage(req.path) };
    if (!id) return { status: 200, headers, contentType: HTML, body: renderOtherPage(req.path) };
    const data = pageData(state, id);
    // The app shell loads for any ticket id; a missing ticket is reported by the page itself, like the SPA does.
    return { status: 200, headers, contentType: HTML, body: renderAgentPage(data) };
  }

  function addMessage(ticketId: number, role: SeedRole, text: string): boolean {
    const t = state.ticket(ticketId);
    if (!t) return false;
    state.seedMessage(t, role, text);
    return true;
  }

  function snapshot(): GorgiasSnapshot {
    return {
      account: GORGIAS_SANDBOX.account,
      conversations: [...state.tickets.values()].map((t) => ({
        id: t.id,
        key: t.key,
        subject: t.subject,
        status: t.status,
        tags: state.tagNames(t),
        assigneeId: t.assigneeUserId,
        teamId: t.assigneeTeamId,
        assignee: t.assigneeUserId === null ? null : (state.users.get(t.assigneeUserId)?.name ?? null),
        team: t.assigneeTeamId === null ? null : (state.teams.find((x) => x.id === t.assigneeTeamId)?.name ?? null),
        notes: t.messages
          .filter((m) => m.channel === 'internal-note')
          .map((m) => ({ id: m.id, text: m.bodyText, html: m.bodyHtml, senderId: m.sender.id })),
        messageCount: t.messages.length,
        updatedAt: t.updatedAt,
      })),
      tags: [...state.tags.values()].map((t) => t.name),
      counters: { ...counters, byRoute: { ...counters.byRoute } },
    };
  }

  return {
    name: 'gorgias',
    raw: state,
    handles: (host) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.gorgias\.com$/.test(host),
    handle: (req) => (req.path === '/api' || req.path.startsWith('/api/') ? api(req) : agentPage(req)),
    reset() {
      state.reset();
      sessionWrites = options.refuseSessionWrites ?? null;
      counters.requests = 0;
      counters.byRoute = {};
      counters.messagesCreated = 0;
    },
    state: snapshot,
    addMessage,
    refuseSessionWrites(status) {
      sessionWrites = status;
    },
    admin(req) {
      let m: RegExpExecArray | null;
      const seeded = gorgiasTeamAdmin(state, req);
      if (seeded) return seeded;
      if (req.method === 'POST' && /^\/__admin\/gorgias\/watch-queue\/?$/.test(req.path))
        return { status: 200, body: seedQueue(state, Date.now(), Number((req.body as { copies?: unknown } | null)?.copies ?? 1)) };
      if (req.method === 'GET' && (m = /^\/__admin\/gorgias\/page-data\/([^/]+)\/?$/.exec(req.path))) {
        const data = pageData(state, decodeURIComponent(m[1]));
        return data ? { status: 200, body: data } : { status: 404, body: { error: `no ticket ${m[1]}` } };
      }
      if (req.method === 'POST' && /^\/__admin\/gorgias\/role\/?$/.test(req.path)) {
        // {role}: the signed-in agent's Gorgias role (GET /api/users/0 role.name) until the next reset.
        const role = (req.body as { role?: unknown } | null)?.role;
        if (typeof role !== 'string' || !role) return { status: 400, body: { error: 'body must be {role: string}' } };
        state.users.get(USERS.dana.id)!.role = role;
        return { status: 200, body: { role } };
      }
      if (req.method === 'POST' && (m = /^\/__admin\/gorgias\/conversations\/(\d+)\/rule-tag\/?$/.exec(req.path))) {
        // {tag}: a Gorgias rule that tags the ticket when a message is created on it, landing just after the next
        // read of the ticket (between a client's read and its write), once, until the next reset.
        const tag = (req.body as { tag?: unknown } | null)?.tag;
        if (typeof tag !== 'string' || !tag.trim()) return { status: 400, body: { error: 'body must be {tag: string}' } };
        if (!state.ticket(m[1])) return { status: 404, body: { error: `no ticket ${m[1]}` } };
        state.ruleTags.set(Number(m[1]), { tag, fired: false, pending: false });
        return { status: 200, body: { tag } };
      }
      if (req.method === 'POST' && /^\/__admin\/gorgias\/session-writes\/?$/.test(req.path)) {
        const refuse = (req.body as { refuse?: unknown } | null)?.refuse ?? null;
        if (refuse !== null && refuse !== 400 && refuse !== 403)
          return { status: 400, body: { error: 'body must be {refuse: 400 | 403 | null}' } };
        sessionWrites = refuse as 400 | 403 | null;
        return { status: 200, body: { refuse: sessionWrites } };
      }
      if (req.method === 'POST' && (m = /^\/__admin\/gorgias\/conversations\/(\d+)\/messages\/?$/.exec(req.path))) {
        const b = (req.body ?? {}) as { role?: unknown; text?: unknown };
        const role = b.role ?? 'customer';
        if (!['customer', 'bot', 'agent'].includes(role as string) || typeof b.text !== 'string' || !b.text.trim()) {
          return { status: 400, body: { error: 'body must be {role: customer|bot|agent, text}' } };
        }
        const t = state.ticket(m[1]);
        if (!t) return { status: 404, body: { error: `no ticket ${m[1]}` } };
        const msg = state.seedMessage(t, role as SeedRole, b.text);
        return { status: 201, body: messageJson(state, msg) };
      }
      return null;
    },
  };
}
