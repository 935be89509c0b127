import { z } from 'zod';
import { ApiError } from '../../http/errors';
import type { SetupLine } from '../../schema/setup';
import { line, ok, problem, readLine, targetsLine, unknown } from '../check-lines';
import type { AdapterContext } from '../types';
import { getJson } from './api';
import { zendeskMeta } from './meta';
import { readConversation } from './read';
import { listTargets } from './targets';

/**
 * Zendesk's own permission data (official spec: ShowCurrentUser `role`, `role_type`, `custom_role_id`;
 * ListCustomRoles, "Allowed for Agents", Enterprise plans; CustomRoleConfigurationObject): admins may do
 * everything, a light agent (role_type 1) may add internal notes but not edit tickets, and a custom role's
 * `ticket_editing` / `ticket_tag_editing` decide assignment and tags. Nothing is written.
 */
const MeSchema = z.object({
  user: z.object({
    id: z.number().int().nullable(),
    name: z.string().nullish(),
    email: z.string().nullish(),
    role: z.string().nullish(),
    role_type: z.number().int().nullish(),
    custom_role_id: z.number().int().nullish(),
    authenticity_token: z.string().nullish(),
  }),
});
type Me = z.infer<typeof MeSchema>['user'];

const ConfigSchema = z
  .object({
    ticket_editing: z.boolean().nullish(),
    ticket_tag_editing: z.boolean().nullish(),
    ticket_comment_access: z.string().nullish(),
    ticket_access: z.string().nullish(),
    assign_tickets_to_any_group: z.boolean().nullish(),
  })
  .passthrough();
const RolesSchema = z.object({
  custom_roles: z.array(z.object({ id: z.number().int(), name: z.string(), configuration: ConfigSchema.nullish() })),
});
const TicketsSchema = z.object({ tickets: z.array(z.object({ id: z.number().int() })) });
const TagsSchema = z.object({ tags: z.array(z.object({ name: z.string() })) });

const LIGHT_AGENT = 1;
const ASK = 'Ask a Zendesk admin';

export async function checkSetup(ctx: AdapterContext): Promise<SetupLine[]> {
  let me: Me | null = null;
  const identity = await line('identity', async () => {
    me = (await getJson(ctx, '/users/me.json', MeSchema, 'check who is signed in')).user;
    if (me.id === null) {
      throw new ApiError(
        ctx.authMode === 'session'
          ? 'Zendesk did not recognise a signed-in agent: sign in to Zendesk in this browser, or set an API token in Options.'
          : 'Zendesk did not accept the email and API token. Check them in Options.',
        'auth',
        401,
      );
    }
    if (me.role === 'end-user') {
      return problem(
        'identity',
        `Baton is signed in as ${me.name ?? me.id}, an end user (customer). ${ASK} to make this user an agent.`,
        'agent role',
      );
    }
    const kind = me.role === 'admin' ? 'an admin' : me.role_type === LIGHT_AGENT ? 'a light agent' : 'an agent';
    return ok('identity', `Signed in as ${me.name ?? me.id}${me.email ? ` (${me.email})` : ''}, ${kind}.`);
  });
  const rest = await Promise.all([
    line('read', () => readLine(ctx, readConversation, () => latestTicket(ctx), 'ticket')),
    line('targets', () => targetsLine(ctx, listTargets, zendeskMeta)),
    line('tags', async () =>
      ok(
        'tags',
        `Listed ${(await getJson(ctx, '/tags.json?page[size]=100', TagsSchema, 'list the tags')).tags.length} tags (the first page).`,
      ),
    ),
  ]);
  const signedIn = me as Me | null;
  const writes =
    signedIn && signedIn.id !== null && signedIn.role !== 'end-user' ? await line('writeNote', () => writeLines(ctx, signedIn)) : [];
  return [...identity, ...rest.flat(), ...writes];
}

async function latestTicket(ctx: AdapterContext): Promise<string | null> {
  const page = await getJson(ctx, '/tickets.json?page[size]=1&sort=-updated_at', TicketsSchema, 'find a ticket to read');
  return page.tickets[0] ? String(page.tickets[0].id) : null;
}

async function writeLines(ctx: AdapterContext, me: Me): Promise<SetupLine[]> {
  if (ctx.authMode === 'session' && !me.authenticity_token) {
    const why =
      'Zendesk gave this session no security (CSRF) token, so it cannot write. Reload the Zendesk tab, or set an API token in Options.';
    return [problem('writeNote', why), problem('writeTags', why), problem('writeAssign', why)];
  }
  if (me.role === 'admin') {
    return [
      ok('writeNote', 'Admins may add internal notes.'),
      ok('writeTags', 'Admins may edit tags.'),
      ok('writeAssign', 'Admins may assign tickets to any group or agent.'),
    ];
  }
  if (me.role_type === LIGHT_AGENT) {
    const light = `a light agent cannot edit tickets. ${ASK} to give this user a full agent role.`;
    return [
      ok('writeNote', 'Light agents may add internal notes.'),
      problem('writeTags', `Baton cannot tag tickets: ${light}`, 'ticket_tag_editing'),
      problem('writeAssign', `Baton cannot assign tickets: ${light}`, 'ticket_editing'),
    ];
  }
  if (me.custom_role_id == null) {
    return [
      ok('writeNote', 'Agents may add internal notes.'),
      ok('writeTags', 'Agents may edit tags.'),
      ok('writeAssign', 'Agents may assign tickets.'),
    ];
  }
  const roles = await getJson(ctx, '/custom_roles.json', RolesSchema, 'read the agent role').catch(() => null);
  const role = roles?.custom_roles.find((r) => r.id === me.custom_role_id);
  if (!role?.configuration) {
    const cannot = `Zendesk did not show the permissions of this user's custom role (${me.custom_role_id}). ${ASK} whether the role`;
    return [
      ok('writeNote', 'Agents may add internal notes.'),
      unknown('writeTags', `${cannot} may edit ticket tags.`),
      unknown('writeAssign', `${cannot} may edit ticket properties (assignee and group).`),
    ];
  }
  const c = role.configuration;
  const canEdit = c.ticket_editing !== false;
  const canTag = canEdit && c.ticket_tag_editing !== false;
  return [
    // Every agent role may add private comments; ticket_comment_access only governs public replies.
    ok('writeNote', `The role "${role.name}" may add internal notes.`),
    canTag
      ? ok('writeTags', `The role "${role.name}" may edit ticket tags.`)
      : problem(
          'writeTags',
          `Baton cannot tag tickets: the role "${role.name}" may not ${canEdit ? 'edit ticket tags (ticket_tag_editing)' : 'edit tickets (ticket_editing)'}. ${ASK} to allow ${canEdit ? '"Edit tags"' : '"Edit ticket properties" and "Edit tags"'} for this role.`,
          canEdit ? 'ticket_tag_editing' : 'ticket_editing',
        ),
    canEdit
      ? ok(
          'writeAssign',
          `The role "${role.name}" may assign tickets${c.assign_tickets_to_any_group === false ? ' (only to its own groups)' : ''}.`,
        )
      : problem(
          'writeAssign',
          `Baton cannot assign tickets: the role "${role.name}" may not edit ticket properties (ticket_editing). ${ASK} to allow "Edit ticket properties" for this role.`,
          'ticket_editing',
        ),
  ];
}
