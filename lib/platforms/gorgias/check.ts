import { z } from 'zod';
import type { SetupLine } from '../../schema/setup';
import { botLine, line, ok, problem, readLine, targetsLine, unknown } from '../check-lines';
import { botReason, identityAuthors } from '../shared';
import { isBotUser } from './bots';
import type { AdapterContext } from '../types';
import { call, fetchCurrentUser, listAll, PAGE_LIMIT, parse, url } from './api';
import { GPageSchema, GUserSchema } from './schemas';
import { gorgiasMeta } from './meta';
import { nameOf, readTicket } from './read';
import { listTargets } from './targets';

/**
 * Gorgias's permission data is the user's role: "a token has the same permissions as its user's role"
 * (developers.gorgias.com, access tokens), and GET /api/users/0 names it (`role.name`). What each role may
 * do follows Gorgias's help centre on user roles; ASSUMED, not verified live: that observer agents may add
 * internal notes but not change tickets (tags, assignee). A role Baton does not know is reported as such.
 */
type Can = { note: boolean; tags: boolean; assign: boolean };
const ROLES: Record<string, { label: string; can: Can }> = {
  admin: { label: 'Admin', can: { note: true, tags: true, assign: true } },
  agent: { label: 'Lead agent', can: { note: true, tags: true, assign: true } },
  'basic-agent': { label: 'Basic agent', can: { note: true, tags: true, assign: true } },
  'lite-agent': { label: 'Lite agent', can: { note: true, tags: true, assign: true } },
  'observer-agent': { label: 'Observer agent', can: { note: true, tags: false, assign: false } },
};
const ASK = 'Ask a Gorgias admin to give this user the Basic agent role or higher (Settings → Users & access).';

const TicketRef = z.object({ id: z.number().int() });
const TagRef = z.object({ name: z.string() });

export async function checkSetup(ctx: AdapterContext): Promise<SetupLine[]> {
  let role: string | null = null;
  const identity = await line('identity', async () => {
    const user = await fetchCurrentUser(ctx, 'check who is signed in');
    role = user.role?.name ?? null;
    const label = role ? (ROLES[role]?.label ?? role) : 'no role';
    return ok(
      'identity',
      `Signed in as ${nameOf(user) ?? user.id}${user.email ? ` (${user.email})` : ''}, ${label}${ctx.authMode === 'session' ? ', with your browser session' : ''}.`,
    );
  });
  if (identity[0]?.state !== 'ok') return identity;
  const rest = await Promise.all([
    line('read', () => readLine(ctx, readTicket, () => latestTicket(ctx), 'ticket')),
    line('bot', () => botFinding(ctx)),
    line('targets', () => targetsLine(ctx, listTargets, gorgiasMeta)),
    line('tags', async () => {
      const res = await call(ctx, { method: 'GET', url: url(ctx, '/api/tags?limit=100') }, { action: 'list the tags' });
      const tags = parse(GPageSchema, res.body, 'list the tags').data.map((t) => parse(TagRef, t, 'list the tags'));
      return ok('tags', `Listed ${tags.length} tags (the first page).`);
    }),
  ]);
  return [...identity, ...rest.flat(), ...writeLines(role)];
}

async function latestTicket(ctx: AdapterContext): Promise<string | null> {
  const res = await call(
    ctx,
    { method: 'GET', url: url(ctx, '/api/tickets?limit=1&order_by=updated_datetime:desc') },
    { action: 'find a ticket to read' },
  );
  const first = parse(GPageSchema, res.body, 'find a ticket to read').data[0];
  return first === undefined ? null : String(parse(TicketRef, first, 'find a ticket to read').id);
}

function writeLines(role: string | null): SetupLine[] {
  const known = role ? ROLES[role] : undefined;
  if (!known) {
    const why = `Gorgias reports the role "${role ?? 'none'}", which Baton does not know; ask a Gorgias admin whether it may`;
    return [
      unknown('writeNote', `${why} add internal notes.`),
      unknown('writeTags', `${why} edit ticket tags.`),
      unknown('writeAssign', `${why} assign tickets.`),
    ];
  }
  const { label, can } = known;
  return [
    can.note
      ? ok('writeNote', `${label}s may add internal notes.`)
      : problem('writeNote', `Baton cannot post internal notes: the ${label} role may not. ${ASK}`, 'internal notes'),
    can.tags
      ? ok('writeTags', `${label}s may tag tickets.`)
      : problem('writeTags', `Baton cannot tag tickets: the ${label} role may not edit tickets. ${ASK}`, 'edit tickets (tags)'),
    can.assign
      ? ok('writeAssign', `${label}s may assign tickets.`)
      : problem('writeAssign', `Baton cannot assign tickets: the ${label} role may not edit tickets. ${ASK}`, 'edit tickets (assignee)'),
  ];
}

/**
 * Who Baton will read as the bot: users with Gorgias's bot role (the AI Agent), then active users the policy
 * names or whose name looks like a bot, then identity entries from Options that match no user.
 */
async function botFinding(ctx: AdapterContext): Promise<SetupLine> {
  const users = await listAll(ctx, '/api/users', { limit: String(PAGE_LIMIT) }, GUserSchema, 'list the Gorgias users');
  const authors: { name: string; why: string }[] = [];
  const named = new Set<string>();
  for (const u of users) {
    const name = nameOf(u) ?? String(u.id);
    const why = botReason(
      { id: String(u.id), name, ...(u.email ? { email: u.email } : {}) },
      ctx.botIdentity,
      isBotUser(u) ? 'role bot' : null,
    );
    if (!why || (u.active === false && !isBotUser(u))) continue;
    authors.push({ name: u.email ? `${name} <${u.email}>` : name, why });
    for (const v of [name, u.email, String(u.id)]) if (v) named.add(v.toLowerCase());
  }
  authors.push(...identityAuthors(ctx.botIdentity).filter((a) => !named.has(a.name.toLowerCase())));
  const kind = users.some(isBotUser)
    ? 'Gorgias AI Agent (a user with the bot role); it stops on the tag ai_ignore'
    : authors.length
      ? 'a bot posting as a Gorgias user'
      : 'none found';
  return botLine({ kind, authors });
}
