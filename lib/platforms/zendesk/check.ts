import { z } from 'zod';
import { ApiError } from '../../http/errors';
import type { SetupLine } from '../../schema/setup';
import { line, ok, problem, targetsLine, unknown } from '../check-lines';
import type { AdapterContext } from '../types';
import { getJson } from './api';
import { memberships } from './membership';
import { zendeskMeta } from './meta';
import { readTicketConversation } from './read';
import { SETUP_SENTENCE } from './switchboard';
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
    line('read', () => readAndBotLines(ctx)),
    line('targets', () => targetLines(ctx)),
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

/**
 * Reads one ticket (the open one, else the latest) and says what kind of bot Baton found there, how it will
 * pause it, and which authors it treats as the bot, with the marker that made it so.
 */
async function readAndBotLines(ctx: AdapterContext): Promise<SetupLine[]> {
  const id = ctx.ref.conversationId || (await latestTicket(ctx));
  if (!id) return [unknown('read', 'There is no ticket in this account yet, so Baton could not try reading one.')];
  const reading = await readTicketConversation({ ...ctx, ref: { ...ctx.ref, conversationId: id, idIsGuess: false } });
  const c = reading.conversation;
  const read = ok(
    'read',
    `Read ticket ${id} from ${c.readFrom ?? 'the API'}: ${c.messages.length} message${c.messages.length === 1 ? '' : 's'}.`,
  );
  const authors = reading.botAuthors.length
    ? `Treated as the bot: ${reading.botAuthors.join('; ')}.`
    : `No author of ticket ${id} reads as the bot; if a bot answers there, name it under Options → Bot identity.`;
  const bc = c.botControl;
  if (bc) {
    const kind = `Found a ${bc.label} (switchboard integration ${bc.bot})${bc.holds ? ', holding this ticket' : ''}.`;
    return ctx.control
      ? [read, ok('bot', `${kind} Baton takes the conversation from it through the switchboard. ${authors}`)]
      : [read, problem('bot', `${kind} ${SETUP_SENTENCE.replace('this conversation', 'such conversations')} ${authors}`)];
  }
  return [read, await stopTagLine(ctx, authors)];
}

/**
 * An e-mail or API bot stops only when the trigger that hands it tickets checks the stop tag: Zendesk has no
 * other switch for it (an e-mail AI agent's trigger can be given the same condition, support.zendesk.com
 * 9985221852954). Admins may read the triggers (spec ListTriggers), so for them Baton looks for the condition.
 */
async function stopTagLine(ctx: AdapterContext, authors: string): Promise<SetupLine> {
  const stop = ctx.pause?.stopTag || 'sys_bot_paused';
  const condition = `Tags · Contains none of the following · ${stop}`;
  const kind = `Found an e-mail or API bot, which the stop tag "${stop}" pauses only if the trigger that hands it tickets checks that tag: add the condition "${condition}" to that trigger.`;
  const triggers = await getJson(ctx, '/triggers.json?active=true', TriggersSchema, 'read the triggers').catch(() => null);
  // Agents may not read triggers: the line stays green (nothing is wrong with Baton's access) and says what to ask.
  if (!triggers) return ok('bot', `${kind} Only a Zendesk admin can see whether one does. ${authors}`);
  const checks = triggers.triggers.find((t) =>
    [...(t.conditions?.all ?? []), ...(t.conditions?.any ?? [])].some(
      (c) =>
        c.field === 'current_tags' &&
        c.operator === 'not_includes' &&
        String(c.value ?? '')
          .split(/\s+/)
          .includes(stop),
    ),
  );
  return checks
    ? ok(
        'bot',
        `Found an e-mail or API bot; the trigger "${checks.title}" checks the stop tag "${stop}", so the pause stops it. ${authors}`,
      )
    : problem('bot', `${kind} No active trigger checks it yet. ${authors}`, 'trigger condition');
}

/** The targets, and those Zendesk would refuse: agents in no group cannot be assigned any ticket. */
async function targetLines(ctx: AdapterContext): Promise<SetupLine[]> {
  const listed = await targetsLine(ctx, listTargets, zendeskMeta);
  const [targets, all] = await Promise.all([listTargets(ctx), memberships(ctx).catch(() => null)]);
  if (!all) return [listed];
  const grouped = new Set(all.map((m) => String(m.user_id)));
  const stranded = targets.filter((t) => t.kind === 'user' && !grouped.has(t.id));
  const untagged = targets.filter((t) => t.kind === 'view' && !t.viewTag).length;
  const views = untagged ? ` ${untagged} view${untagged === 1 ? '' : 's'} cannot be reached by a tag and are left out of routing.` : '';
  if (!stranded.length) return [ok('targets', `${listed.detail}${views}`)];
  const names =
    stranded
      .slice(0, 5)
      .map((t) => t.name)
      .join(', ') + (stranded.length > 5 ? ` and ${stranded.length - 5} more` : '');
  return [
    problem(
      'targets',
      `${listed.detail} Zendesk would refuse to assign tickets to ${names}: they belong to no group. Ask a Zendesk admin to add them to a group.${views}`,
      'group membership',
    ),
  ];
}

const ConditionsSchema = z.object({ field: z.string(), operator: z.string(), value: z.unknown() });
const TriggersSchema = z.object({
  triggers: z.array(
    z.object({
      title: z.string(),
      conditions: z.object({ all: z.array(ConditionsSchema).nullish(), any: z.array(ConditionsSchema).nullish() }).nullish(),
    }),
  ),
});

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
