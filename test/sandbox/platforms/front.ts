import { SCENARIOS } from '../scenarios';
import type { SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';
import { createFrontApi, FRONT_TOKEN } from './front/api';
import { isAppPath, pageData, renderAppPage, renderOtherPage } from './front/page';
import { frontTeamApi } from './front/team';
import {
  EXTRA_CONVERSATIONS,
  FIRST_CONVERSATION,
  FIRST_EXTRA,
  FrontState,
  id36,
  INBOXES,
  MERGED_CONVERSATION,
  PRIVATE_INBOX,
  TEAMMATES,
} from './front/state';
import { seedQueue } from './front/watch';

/** Credentials and ids of the sandbox Front company, for tests and the demo. */
export const FRONT_SANDBOX = {
  token: FRONT_TOKEN,
  api: 'https://api2.frontapp.com',
  app: 'https://app.frontapp.com',
  /** A conversation merged into the first seeded one (human_request): its API paths answer 301. */
  mergedConversation: id36('cnv', MERGED_CONVERSATION),
  inboxes: Object.fromEntries(
    Object.entries(INBOXES).map(([k, v]) => [k, { id: id36('inb', v.num), numericId: v.num, name: v.name }]),
  ) as Record<keyof typeof INBOXES, { id: string; numericId: number; name: string }>,
  teammates: Object.fromEntries(
    Object.entries(TEAMMATES).map(([k, v]) => [k, { id: id36('tea', v.num), name: `${v.first} ${v.last}`, email: v.email }]),
  ) as Record<keyof typeof TEAMMATES, { id: string; name: string; email: string }>,
  /** Dana's individual inbox (private): see FrontSandboxOptions.privateConversations. */
  privateInbox: { id: id36('inb', PRIVATE_INBOX.num), numericId: PRIVATE_INBOX.num },
  views: { escalations: 'lns_esc4', vip: 'lns_vip7', tier2Queue: 'lns_t2q1', returnsInTier2: 'lns_rt29' },
} as const;

/** Front's conversation id for a numeric id (the app's URLs show the number). */
const cnv = (n: number) => id36('cnv', n);

/** API id and numeric id of each seeded scenario's conversation. */
export function frontConversation(key: string): { id: string; numericId: number } {
  const extra = EXTRA_CONVERSATIONS.findIndex((s) => s.key === key);
  if (extra >= 0) return { id: cnv(FIRST_EXTRA + extra), numericId: FIRST_EXTRA + extra };
  const i = SCENARIOS.findIndex((s) => s.key === key);
  if (i < 0) throw new Error(`unknown scenario ${key}`);
  return { id: cnv(FIRST_CONVERSATION + i), numericId: FIRST_CONVERSATION + i };
}

/** Both URL shapes of the agent page for a seeded scenario. */
export function frontPageUrls(key: string): { open: string; inbox: string } {
  const { id, numericId } = frontConversation(key);
  return {
    open: `${FRONT_SANDBOX.app}/open/${id}`,
    inbox: `${FRONT_SANDBOX.app}/inboxes/teams/folders/${INBOXES.bot.num}/unassigned/${numericId}`,
  };
}

export interface FrontSandboxOptions {
  /** Largest page the API hands out (Front: 100); lower it to make conversations span pages. */
  maxPageSize?: number;
  rateLimitPerMinute?: number;
  now?: () => number;
  /** Scenario keys whose conversation sits in Dana's private inbox. */
  privateConversations?: string[];
  /** The token has the "Private resources" scope (default: no, as a token made with shared resources only). */
  privateAccess?: boolean;
}

export type FrontSandbox = Omit<SandboxPlatform, 'state'> & {
  state(): ReturnType<FrontState['snapshot']>;
  admin(req: SandboxRequest): SandboxResponse | null;
  /** The live in-memory company, for tests that arrange unusual states. */
  raw: FrontState;
};

const API_HOST = /^(api2\.frontapp\.com|[a-z0-9-]+\.api\.frontapp\.com)$/;

export function createFrontSandbox(options: FrontSandboxOptions = {}): FrontSandbox {
  const state = new FrontState();
  if (options.privateConversations?.length) {
    state.privateKeys = options.privateConversations;
    state.reset();
  }
  // The token's access; POST /__admin/front/token changes it until the next reset.
  const apiOptions = {
    privateAccess: options.privateAccess ?? false,
    scopes: null as string[] | null,
    maxPageSize: options.maxPageSize ?? 100,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
    now: options.now ?? Date.now,
  };
  const team = frontTeamApi(
    state,
    () => apiOptions.rateLimitPerMinute,
    () => apiOptions.now(),
  );
  const api = createFrontApi(state, apiOptions, team);
  // Whether the agent page marks each message with the per-message hooks Baton's DOM reader assumes
  // (lib/platforms/front/dom.ts): no public source shows them, so tests also run a page without them.
  let perMessageHooks = true;
  const withHooks = <T extends object>(data: T | null) => (data && !perMessageHooks ? { ...data, bare: true } : data);

  function agentPage(req: SandboxRequest): SandboxResponse | null {
    if (req.method !== 'GET') return null;
    if (req.path === '/favicon.ico') return { status: 404, body: null };
    const html = isAppPath(req.path) ? renderAppPage(state, initialData(req.path)) : renderOtherPage(req.path);
    return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
  }

  function initialData(path: string) {
    const p = path.split('/').filter(Boolean);
    if (p[0] === 'open' && p.length === 2) return withHooks(pageData(state, p[1]));
    const last = p.at(-1);
    return p[0] === 'inboxes' && last && /^\d+$/.test(last) && p.length >= 4 ? withHooks(pageData(state, last)) : null;
  }

  return {
    name: 'front',
    raw: state,
    handles: (host) => host === 'app.frontapp.com' || API_HOST.test(host),
    handle: (req) => (req.host === 'app.frontapp.com' ? agentPage(req) : api.handle(req)),
    reset: () => {
      state.reset();
      apiOptions.privateAccess = options.privateAccess ?? false;
      apiOptions.scopes = null;
      apiOptions.rateLimitPerMinute = options.rateLimitPerMinute ?? 10_000;
      perMessageHooks = true;
    },
    state: () => state.snapshot(),
    admin(req) {
      const seeded = team.admin(req);
      if (seeded) return seeded;
      const parts = req.path.split('/').filter(Boolean).slice(2);
      if (req.method === 'POST' && parts[0] === 'rate-limit' && parts.length === 1) {
        // {perMinute}: the company's budget (Front's plans: 50 to 200 a minute) until the next reset; 429s are
        // counted in the state's counters.rateLimited.
        const per = (req.body as { perMinute?: unknown } | null)?.perMinute;
        if (typeof per !== 'number' || !Number.isInteger(per) || per < 1)
          return { status: 400, body: { error: 'body must be {perMinute: integer ≥ 1}' } };
        apiOptions.rateLimitPerMinute = per;
        return { status: 200, body: { perMinute: per } };
      }
      if (req.method === 'POST' && parts[0] === 'token' && parts.length === 1) {
        // {privateAccess?: boolean, scopes?: string[] | null}: what the API token may reach.
        const b = (req.body ?? {}) as { privateAccess?: unknown; scopes?: unknown };
        if (typeof b.privateAccess === 'boolean') apiOptions.privateAccess = b.privateAccess;
        if (b.scopes === null || (Array.isArray(b.scopes) && b.scopes.every((x) => typeof x === 'string')))
          apiOptions.scopes = b.scopes as string[] | null;
        return { status: 200, body: { privateAccess: apiOptions.privateAccess, scopes: apiOptions.scopes } };
      }
      if (req.method === 'POST' && parts[0] === 'watch-queue' && parts.length === 1)
        return { status: 200, body: seedQueue(state, Date.now(), Number((req.body as { copies?: unknown } | null)?.copies ?? 1)) };
      if (req.method === 'POST' && parts[0] === 'page-hooks' && parts.length === 1) {
        // {perMessage: boolean}: whether the page carries the assumed per-message hooks, until the next reset.
        perMessageHooks = (req.body as { perMessage?: unknown } | null)?.perMessage !== false;
        return { status: 200, body: { perMessage: perMessageHooks } };
      }
      if (req.method === 'GET' && parts[0] === 'page-data' && parts.length === 2) {
        const data = withHooks(pageData(state, decodeURIComponent(parts[1])));
        return data ? { status: 200, body: data } : { status: 404, body: { error: 'no such conversation' } };
      }
      if (req.method === 'POST' && parts[0] === 'conversations' && parts[2] === 'messages' && parts.length === 3) {
        const c = state.conversation(decodeURIComponent(parts[1]));
        if (!c) return { status: 404, body: { error: 'no such conversation' } };
        const b = (req.body ?? {}) as { role?: string; text?: string; internal?: boolean };
        if (!['customer', 'bot', 'agent'].includes(b.role ?? '') || typeof b.text !== 'string' || !b.text) {
          return { status: 400, body: { error: 'role (customer|bot|agent) and text are required' } };
        }
        const item = state.addItem(c, b.role as 'customer' | 'bot' | 'agent', b.text, { internal: !!b.internal });
        return { status: 201, body: { id: item.id, conversationId: c.id } };
      }
      return null;
    },
  };
}
