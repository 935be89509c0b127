import type { SandboxPlatform, SandboxRequest, SandboxResponse } from '../../types';
import { match, SandboxStore } from '../common';
import { renderOtherPage } from '../page';
import { zendeskApi, type ZendeskSide } from './api';
import { addManyTargets, seedMemberships, seedZendeskTickets } from './bots';
import { switchboardApi } from './switchboard';
import { defaultAccess, type ZendeskAccess } from './access';
import { SESSION_COOKIE, ZENDESK_SANDBOX } from './auth';
import { pageData, renderTicketPage } from './page';
import { zendeskTeamApi } from './team';
import { seedQueue } from './watch';

export { ZENDESK_SANDBOX, CSRF_REFUSAL } from './auth';
export { ZENDESK_TICKETS, SWITCHBOARD, QUOTED_PROMISE } from './bots';
export type ZendeskSandbox = SandboxPlatform & { store: SandboxStore; admin(req: SandboxRequest): SandboxResponse | null };

/** The ticket opened in a background tab when the agent lands on `id`: another seeded ticket. */
function backgroundTabFor(store: SandboxStore, id: string): string[] {
  const other = [...store.conversations.keys()].find((k) => String(k) !== id);
  return other === undefined ? [] : [String(other)];
}

/**
 * Zendesk Support on {sub}.zendesk.com: the API subset Baton uses (api.ts), and the Agent Workspace page
 * (page.ts). Auth: session cookie (+ X-CSRF-Token on writes) or email/token Basic or OAuth Bearer, without
 * the cookie (auth.ts). Every agent page sets the session cookie, as signing in to the real app does.
 */
export function createZendeskSandbox(): ZendeskSandbox {
  const store = new SandboxStore(1);
  // The signed-in agent's role; POST /__admin/zendesk/role changes it until the next reset.
  let access: ZendeskAccess = defaultAccess();
  // Zendesk-only tickets and data (bots.ts), seeded again on every reset.
  let side: ZendeskSide = { tickets: seedZendeskTickets(store), memberships: seedMemberships() };
  const api = zendeskApi(
    store,
    () => access,
    () => side,
  );
  const sc = switchboardApi(() => side.tickets);
  // Team Insights' search and seed (team.ts).
  const team = zendeskTeamApi(store);

  function page(req: SandboxRequest): SandboxResponse {
    const headers = { 'Set-Cookie': `${SESSION_COOKIE}=${ZENDESK_SANDBOX.session}; Path=/; Secure; SameSite=Lax; HttpOnly` };
    const m = /^\/agent\/tickets\/(\d+)\/?$/.exec(req.path);
    if (!m) return { status: 200, contentType: 'text/html; charset=utf-8', headers, body: renderOtherPage('Zendesk') };
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers,
      body: renderTicketPage(store, m[1], backgroundTabFor(store, m[1])),
    };
  }

  return {
    name: 'zendesk',
    store,
    handles: (host) => /^[a-z0-9-]+\.zendesk\.com$/.test(host),
    handle: (req) => (req.path.startsWith('/api/') ? (team.api(req) ?? api(req)) : req.path.startsWith('/sc/') ? sc(req) : page(req)),
    reset: () => {
      store.reset();
      access = defaultAccess();
      side = { tickets: seedZendeskTickets(store), memberships: seedMemberships() };
    },
    state: () => store.snapshot(),
    admin(req) {
      let m: Record<string, string> | null;
      const seeded = team.admin(req);
      if (seeded) return seeded;
      if (req.method === 'POST' && match('/__admin/zendesk/role', req.path)) {
        // {role?, roleType?, configuration?}: the configuration is merged into the agent's custom role.
        const b = (req.body ?? {}) as Partial<ZendeskAccess> & { configuration?: Record<string, unknown> };
        const base = defaultAccess();
        access = {
          role: b.role ?? base.role,
          roleType: b.roleType === undefined ? base.roleType : b.roleType,
          customRole:
            b.customRole === null
              ? null
              : { ...base.customRole!, configuration: { ...base.customRole!.configuration, ...(b.configuration ?? {}) } },
        };
        return { status: 200, body: access };
      }
      if (req.method === 'POST' && match('/__admin/zendesk/many-targets', req.path)) {
        // More than 100 groups, agents and views, until the next reset.
        addManyTargets(store, side.memberships);
        return { status: 200, body: { groups: store.teams.length, views: store.views.length } };
      }
      if (req.method === 'POST' && match('/__admin/zendesk/watch-queue', req.path))
        return { status: 200, body: seedQueue(store, Date.now(), Number((req.body as { copies?: unknown } | null)?.copies ?? 1)) };
      if ((m = match('/__admin/zendesk/switchboard/:id', req.path)) && req.method === 'GET') {
        const sb = side.tickets.get(Number(m.id))?.switchboard;
        return sb ? { status: 200, body: sb } : { status: 404, body: {} };
      }
      if ((m = match('/__admin/zendesk/page-data/:id', req.path))) {
        const data = pageData(store, m.id, side.tickets.get(Number(m.id)));
        return data ? { status: 200, body: data } : { status: 404, body: {} };
      }
      if ((m = match('/__admin/zendesk/conversations/:id/messages', req.path)) && req.method === 'POST') {
        const b = req.body as { role: 'customer' | 'bot' | 'agent'; text: string };
        const msg = store.addMessage(Number(m.id), b.role, b.text);
        return msg ? { status: 201, body: msg } : { status: 404, body: {} };
      }
      return null;
    },
  };
}
