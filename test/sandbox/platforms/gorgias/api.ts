import type { SandboxRequest, SandboxResponse } from '../../types';
import { errorJson, messageJson, tagJson, teamJson, ticketJson, userJson, viewJson } from './json';
import { BadQuery, one, orderBy, page } from './paging';
import { USERS, type GorgiasState, type GTicketRec } from './state';
import { CHANNELS, VIAS } from '../../../contracts/gorgias';
import { listTickets } from './watch';

export const GORGIAS_CREDENTIALS = {
  email: 'agent@acme.example',
  apiKey: 'sandbox-gorgias-key',
  sessionCookie: 'gorgias_session',
  session: 'sandbox-gorgias-session',
} as const;

const MESSAGE_FIELDS = [
  'channel',
  'via',
  'from_agent',
  'sender',
  'receiver',
  'body_text',
  'body_html',
  'public',
  'subject',
  'mention_ids',
  'source',
  'attachments',
  'sent_datetime',
  'created_datetime',
  'external_id',
  'message_id',
  'meta',
  'headers',
  'integration_id',
  'macros',
  'stripped_text',
  'stripped_html',
  'stripped_signature',
];
const TICKET_FIELDS = [
  'assignee_user',
  'assignee_team',
  'status',
  'priority',
  'subject',
  'tags',
  'spam',
  'language',
  'meta',
  'external_id',
  'snooze_datetime',
];

export interface ApiOptions {
  maxPageSize: number;
  /**
   * How writes made with the agent app's session cookie are answered: null accepts them (the default, so
   * the demo works in session mode), 400 or 403 refuses them. Whether the real Gorgias accepts its session
   * on /api writes is not public; the refusal (and its wording) is this sandbox's guess at a CSRF check.
   */
  sessionWrites(): 400 | 403 | null;
  /** Counts each answered API request by route ("POST /api/tickets/:id/tags"). */
  count(route: string): void;
}

class Invalid extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly data?: Record<string, string[]>,
  ) {
    super(message);
  }
}

const ok = (status: number, body?: unknown): SandboxResponse => (body === undefined ? { status } : { status, body });
const fail = (status: number, msg: string, data?: Record<string, string[]>): SandboxResponse => ({ status, body: errorJson(msg, data) });

function basicCredentials(header: string | undefined): string | null {
  if (!header?.startsWith('Basic ')) return null;
  return Buffer.from(header.slice(6), 'base64').toString('utf8');
}

/**
 * API key (Basic email:key) or the agent app's session cookie (Dana Agent's). Keys are per agent in Gorgias; the
 * sandbox gives every active agent the same key, so the email says who acts.
 */
function signedIn(s: GorgiasState, req: SandboxRequest): number | SandboxResponse {
  const auth = req.headers.authorization;
  if (auth) {
    const basic = basicCredentials(auth);
    if (basic === `${GORGIAS_CREDENTIALS.email}:${GORGIAS_CREDENTIALS.apiKey}`) return USERS.dana.id;
    const other = basic?.endsWith(`:${GORGIAS_CREDENTIALS.apiKey}`)
      ? [...s.users.values()].find((u) => u.active && u.email.toLowerCase() === basic.slice(0, basic.lastIndexOf(':')).toLowerCase())
      : undefined;
    if (other) return other.id;
    return fail(
      401,
      basic ? 'Invalid API credentials: check the username (your email) and the API key.' : 'Unsupported authorization method.',
    );
  }
  if (req.cookies[GORGIAS_CREDENTIALS.sessionCookie] === GORGIAS_CREDENTIALS.session) return USERS.dana.id;
  return fail(401, 'Authentication required.');
}

function objectBody(req: SandboxRequest, allowed: string[]): Record<string, unknown> {
  const b = req.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new Invalid(400, 'The request body must be a JSON object.');
  const unknown = Object.keys(b).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new Invalid(400, 'Invalid data.', Object.fromEntries(unknown.map((k) => [k, ['Unknown field.']])));
  return b as Record<string, unknown>;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Resolves {ids, names} (POST/PUT/DELETE /tags) to tag ids; new names are created when `create`. */
function tagIdsOf(s: GorgiasState, req: SandboxRequest, create: boolean, required: boolean): number[] {
  const b = objectBody(req, ['ids', 'names']);
  const ids = b.ids ?? [];
  const names = b.names ?? [];
  if (!Array.isArray(ids) || !ids.every(isInt)) throw new Invalid(400, 'Invalid data.', { ids: ['Must be a list of tag ids.'] });
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string' && n.trim().length > 0 && n.length <= 256)) {
    throw new Invalid(400, 'Invalid data.', { names: ['Must be a list of tag names (1 to 256 characters).'] });
  }
  if (required && ids.length === 0 && names.length === 0) throw new Invalid(400, 'Invalid data.', { names: ['Provide ids or names.'] });
  const missing = ids.filter((id) => !s.tags.has(id));
  if (missing.length) throw new Invalid(400, 'Invalid data.', { ids: [`Tag ${missing[0]} does not exist.`] });
  const byName = (names as string[]).map((n) => s.tagByName(n, create)?.id).filter((id): id is number => id !== undefined);
  return [...new Set([...ids, ...byName])];
}

function assignee(s: GorgiasState, value: unknown, field: 'assignee_user' | 'assignee_team'): number | null {
  if (value === null) return null;
  const id = (value as { id?: unknown } | undefined)?.id;
  if (id === null) return null;
  if (typeof value !== 'object' || !isInt(id))
    throw new Invalid(400, 'Invalid data.', { [field]: ['Must be an object with an integer id, or null.'] });
  if (field === 'assignee_team') {
    if (!s.teams.some((t) => t.id === id)) throw new Invalid(400, 'Invalid data.', { assignee_team: [`Team ${id} does not exist.`] });
  } else if (!s.users.get(id)?.active) {
    throw new Invalid(400, 'Invalid data.', { assignee_user: [`User ${id} does not exist or is deactivated.`] });
  }
  return id;
}

function updateTicket(s: GorgiasState, t: GTicketRec, req: SandboxRequest) {
  const b = objectBody(req, TICKET_FIELDS);
  if ('status' in b && b.status !== 'open' && b.status !== 'closed')
    throw new Invalid(400, 'Invalid data.', { status: ['Must be one of: open, closed.'] });
  const user = 'assignee_user' in b ? assignee(s, b.assignee_user, 'assignee_user') : t.assigneeUserId;
  const team = 'assignee_team' in b ? assignee(s, b.assignee_team, 'assignee_team') : t.assigneeTeamId;
  let tagIds: number[] | undefined;
  if ('tags' in b) {
    if (!Array.isArray(b.tags) || !b.tags.every((x) => typeof (x as { name?: unknown })?.name === 'string')) {
      throw new Invalid(400, 'Invalid data.', { tags: ['Must be a list of {name}.'] });
    }
    tagIds = (b.tags as { name: string }[]).map((x) => s.tagByName(x.name, true)!.id);
  }
  t.assigneeUserId = user;
  t.assigneeTeamId = team;
  if (b.status === 'open' || b.status === 'closed') t.status = b.status;
  if (typeof b.subject === 'string') t.subject = b.subject;
  if (tagIds) t.tagIds = [...new Set(tagIds)];
  s.touch(t);
}

function createMessage(s: GorgiasState, t: GTicketRec, req: SandboxRequest, me: number) {
  const b = objectBody(req, MESSAGE_FIELDS);
  const errors: Record<string, string[]> = {};
  for (const k of ['channel', 'via', 'from_agent']) if (!(k in b)) errors[k] = ['Missing data for required field.'];
  if ('channel' in b && !(CHANNELS as readonly unknown[]).includes(b.channel)) errors.channel = ['Not a valid channel.'];
  if ('via' in b && !(VIAS as readonly unknown[]).includes(b.via)) errors.via = ['Not a valid via.'];
  if ('from_agent' in b && typeof b.from_agent !== 'boolean') errors.from_agent = ['Not a valid boolean.'];
  for (const k of ['body_text', 'body_html']) if (k in b && b[k] !== null && typeof b[k] !== 'string') errors[k] = ['Not a valid string.'];
  if (!(typeof b.body_text === 'string' && b.body_text.trim()) && !(typeof b.body_html === 'string' && b.body_html.trim())) {
    errors.body_text = ['A message needs body_text or body_html.'];
  }
  const agent = b.from_agent === true;
  let sender: { kind: 'user' | 'customer'; id: number } = agent ? { kind: 'user', id: me } : { kind: 'customer', id: t.customerId };
  if (b.sender !== undefined && b.sender !== null) {
    const id = (b.sender as { id?: unknown }).id;
    if (agent && (!isInt(id) || !s.users.get(id)?.active)) errors.sender = ['Unknown or deactivated user.'];
    else if (!agent && (!isInt(id) || !s.customers.has(id))) errors.sender = ['Unknown customer.'];
    else sender = { kind: agent ? 'user' : 'customer', id: id as number };
  }
  if (Object.keys(errors).length) throw new Invalid(400, 'Invalid data.', errors);
  const note = b.channel === 'internal-note';
  const text = typeof b.body_text === 'string' ? b.body_text : '';
  const html = typeof b.body_html === 'string' && b.body_html.trim() ? b.body_html : `<p>${escapeHtml(text)}</p>`;
  return s.addMessage(t, {
    channel: b.channel as string,
    via: b.via as string,
    fromAgent: agent,
    sender,
    bodyText: text,
    bodyHtml: html,
    public: note ? false : b.public !== false,
  });
}

const escapeHtml = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ROUTES: { method: string; pattern: RegExp; name: string }[] = [
  { method: 'GET', pattern: /^\/api\/users\/(\d+)$/, name: 'GET /api/users/:id' },
  { method: 'GET', pattern: /^\/api\/users$/, name: 'GET /api/users' },
  { method: 'GET', pattern: /^\/api\/teams$/, name: 'GET /api/teams' },
  { method: 'GET', pattern: /^\/api\/views$/, name: 'GET /api/views' },
  { method: 'GET', pattern: /^\/api\/tickets$/, name: 'GET /api/tickets' },
  { method: 'GET', pattern: /^\/api\/tags$/, name: 'GET /api/tags' },
  { method: 'GET', pattern: /^\/api\/messages$/, name: 'GET /api/messages' },
  { method: 'GET|PUT', pattern: /^\/api\/tickets\/(\d+)$/, name: ':method /api/tickets/:id' },
  { method: 'GET|POST|PUT|DELETE', pattern: /^\/api\/tickets\/(\d+)\/tags$/, name: ':method /api/tickets/:id/tags' },
  { method: 'POST', pattern: /^\/api\/tickets\/(\d+)\/messages$/, name: 'POST /api/tickets/:id/messages' },
];

/** The Gorgias REST API subset Baton uses, on {account}.gorgias.com/api. */
export function createGorgiasApi(s: GorgiasState, opts: ApiOptions) {
  function route(req: SandboxRequest, path: string, me: number): SandboxResponse | null {
    const found = ROUTES.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
    if (!found) return null;
    const { r, m } = found;
    if (!r.method.split('|').includes(req.method)) return fail(405, `Method ${req.method} is not allowed on ${path}.`);
    opts.count(r.name.replace(':method', req.method));
    // An observer agent may read and add internal notes but not change a ticket (ASSUMED from Gorgias's role docs).
    const changesTicket = req.method !== 'GET' && r.name !== 'POST /api/tickets/:id/messages';
    if (changesTicket && s.users.get(me)?.role === 'observer-agent')
      return fail(403, 'You do not have the permission to perform this action.');
    const ticket = () => {
      const t = s.ticket(m![1]);
      if (!t) throw new Invalid(404, 'Ticket not found.');
      return t;
    };

    switch (r.name.replace(':method', req.method)) {
      case 'GET /api/users/:id': {
        const u = s.users.get(Number(m![1]) === 0 ? me : Number(m![1]));
        return u ? ok(200, userJson(u)) : fail(404, 'User not found.');
      }
      case 'GET /api/users':
        return ok(200, page([...s.users.values()].sort((a, b) => a.name.localeCompare(b.name)).map(userJson), req, opts.maxPageSize));
      case 'GET /api/teams':
        return ok(
          200,
          page(
            s.teams.map((t) => teamJson(s, t)),
            req,
            opts.maxPageSize,
          ),
        );
      case 'GET /api/views':
        return ok(200, page(s.views.map(viewJson), req, opts.maxPageSize));
      case 'GET /api/tickets':
        // Queue watch (watch.ts): view_id and order_by updated_datetime.
        return ok(200, listTickets(s, req, opts.maxPageSize));
      case 'GET /api/tags':
        return ok(200, page([...s.tags.values()].map(tagJson), req, opts.maxPageSize));
      case 'GET /api/messages': {
        const order = orderBy(req, ['created_datetime'], 'created_datetime:desc');
        const ticketId = one(req.query.ticket_id);
        if (ticketId !== undefined && !/^\d+$/.test(ticketId)) throw new BadQuery('ticket_id', 'Not a valid integer.');
        const all = [...s.tickets.values()]
          .flatMap((t) => t.messages)
          .filter((x) => ticketId === undefined || x.ticketId === Number(ticketId));
        all.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id) * (order.desc ? -1 : 1));
        return ok(
          200,
          page(
            all.map((x) => messageJson(s, x)),
            req,
            opts.maxPageSize,
          ),
        );
      }
      case 'GET /api/tickets/:id': {
        const t = ticket();
        const answer = ok(200, ticketJson(s, t));
        s.afterRead(t);
        return answer;
      }
      case 'PUT /api/tickets/:id': {
        const t = ticket();
        updateTicket(s, t, req);
        return ok(202, ticketJson(s, t));
      }
      case 'GET /api/tickets/:id/tags':
        return ok(
          200,
          ticket().tagIds.map((id) => tagJson(s.tags.get(id)!)),
        );
      case 'POST /api/tickets/:id/tags': {
        const t = ticket();
        s.addTags(t, tagIdsOf(s, req, true, true));
        return ok(201);
      }
      case 'PUT /api/tickets/:id/tags': {
        const t = ticket();
        s.setTags(t, tagIdsOf(s, req, true, false));
        return ok(202);
      }
      case 'DELETE /api/tickets/:id/tags': {
        const t = ticket();
        s.removeTags(t, tagIdsOf(s, req, false, true));
        return ok(204);
      }
      case 'POST /api/tickets/:id/messages': {
        const t = ticket();
        return ok(201, messageJson(s, createMessage(s, t, req, me)));
      }
    }
    return null;
  }

  return (req: SandboxRequest): SandboxResponse | null => {
    const who = signedIn(s, req);
    if (typeof who !== 'number') return who;
    const refuse = opts.sessionWrites();
    if (refuse !== null && req.method !== 'GET' && !req.headers.authorization) {
      return fail(refuse, refuse === 403 ? 'CSRF token missing or incorrect.' : 'The CSRF token is missing.');
    }
    // The API's own links end with a slash (/api/tickets/5001/); both forms reach the same resource.
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    try {
      return route(req, path, who);
    } catch (e) {
      if (e instanceof Invalid) return fail(e.status, e.message, e.data);
      if (e instanceof BadQuery) return fail(400, 'Invalid query parameters.', { [e.field]: [e.message] });
      throw e;
    }
  };
}
