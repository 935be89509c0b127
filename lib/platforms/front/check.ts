import type { HttpResponse } from '../../http/types';
import { isApiError } from '../../http/errors';
import type { SetupLine } from '../../schema/setup';
import { botLine, line, ok, problem, readLine, targetsLine, unknown } from '../check-lines';
import { botReason, identityAuthors } from '../shared';
import type { AdapterContext, SetupTools } from '../types';
import { apiBase, forbidden, getParsed, listAll, PAGE_LIMIT } from './api';
import { frontMeta } from './meta';
import { noteAuthor } from './note';
import { botType, readConversation } from './read';
import { FConversationSchema, FIdentitySchema, FTagSchema, pageSchema, teammateName } from './schemas';
import { listTargets, teammates } from './targets';
import { CREATE_TAG_PATH } from './tags';

/**
 * Front publishes no token scopes (GET /me names only the company), so writes are probed with requests
 * Front refuses or that change nothing, each guarded by the scope its spec names: an empty comment
 * (comments:write; refused as invalid, nothing posted), an empty conversation update (conversations:write;
 * nothing to change) and an unnamed tag (tags:write; refused as invalid). A 403 is the scope missing, any
 * other answer means the token got past it. ASSUMED, not verified live: that Front checks the scope before
 * the body, and that GET /teammates/{id}/inboxes is refused without the "Private resources" scope.
 */
export async function checkSetup(ctx: AdapterContext, tools: SetupTools): Promise<SetupLine[]> {
  const identity = await line('identity', async () => {
    const me = await getParsed(ctx, '/me', FIdentitySchema, 'check the API token');
    return ok('identity', `The API token belongs to ${me.name}.`);
  });
  if (identity[0]?.state !== 'ok') return identity;

  let conversationId = ctx.ref.conversationId;
  const latest = async () => {
    const page = await getParsed(ctx, `/conversations?limit=1`, pageSchema(FConversationSchema), 'find a conversation to read');
    conversationId = page._results[0]?.id ?? '';
    return conversationId || null;
  };
  const author = noteAuthor(ctx).then(
    (id) => ({ id }),
    (e: unknown) => ({ error: e }),
  );
  const [read, bot, targets, tags, privateInboxes] = await Promise.all([
    line('read', async () => {
      try {
        return await readLine(ctx, readConversation, latest, 'conversation');
      } catch (e) {
        if (isApiError(e) && e.kind === 'forbidden' && /private inbox/.test(e.message))
          return problem('read', e.message, 'Private resources');
        throw e;
      }
    }),
    line('bot', () => botFinding(ctx)),
    line('targets', () => targetsLine(ctx, listTargets, frontMeta)),
    line('tags', async () =>
      ok('tags', `Listed ${(await listAll(ctx, '/tags', FTagSchema, 'the tags', { limit: String(PAGE_LIMIT) })).length} tags.`),
    ),
    line('privateInboxes', async () => privateInboxLine(ctx, await author)),
  ]);
  const writes = conversationId ? await writeLines(ctx, tools, conversationId, await author) : noConversation();
  return [...identity, ...read, ...bot, ...targets, ...tags, ...privateInboxes, ...writes];
}

const PRIVATE_ASK =
  'Ask a Front admin for a token with the "Private resources" scope (Settings → Developers → API tokens); each inbox owner must also allow API access to their resources.';

async function privateInboxLine(ctx: AdapterContext, author: { id: string } | { error: unknown }): Promise<SetupLine> {
  if (!('id' in author) || author.id.startsWith('alt:')) {
    return unknown('privateInboxes', 'Set "your Front teammate" in Options so Baton can check whether the token reaches private inboxes.');
  }
  const res = await ctx.http.call(
    { method: 'GET', url: `${apiBase(ctx)}/teammates/${author.id}/inboxes` },
    { action: 'list your inboxes', accept: [403] },
  );
  if (res.status === 403) {
    return problem(
      'privateInboxes',
      `The token lacks access to private inboxes: conversations in a teammate's individual inbox cannot be read or escalated. ${PRIVATE_ASK}`,
      'Private resources',
    );
  }
  return ok('privateInboxes', 'The token can reach private inboxes.');
}

function noConversation(): SetupLine[] {
  const why = 'There is no conversation to test writing on yet; open one in Front and run Check setup again.';
  return [unknown('writeNote', why), unknown('writeTags', why), unknown('writeAssign', why)];
}

/** The scope named in Front's refusal ("Token lacks the required `comments:write` scope"), or the expected one. */
function scopeOf(res: HttpResponse, expected: string): string {
  const said = JSON.stringify(res.body ?? '');
  return /`([a-z_*]+:[a-z_*:]+)`/.exec(said)?.[1] ?? /required ([a-z_*]+:[a-z_*:]+) scope/.exec(said)?.[1] ?? expected;
}

function refused(id: SetupLine['id'], res: HttpResponse, action: string, expected: string): SetupLine {
  const e = forbidden(action, res.body);
  const privateInbox = /private inbox/.test(e.message);
  const permission = privateInbox ? 'Private resources' : scopeOf(res, expected);
  const detail = privateInbox
    ? e.message
    : `Baton cannot ${action}: the Front API token lacks the ${permission} scope. Ask a Front admin for a token with ${permission}, then set it in Options.`;
  return problem(id, detail, permission);
}

async function writeLines(
  ctx: AdapterContext,
  tools: SetupTools,
  id: string,
  author: { id: string } | { error: unknown },
): Promise<SetupLine[]> {
  const base = `${apiBase(ctx)}/conversations/${id}`;
  const [comment, update, tag] = await Promise.all([
    tools.probe({ method: 'POST', url: `${base}/comments`, body: {} }, 'post internal notes'),
    tools.probe({ method: 'PATCH', url: base, body: {} }, 'update conversations'),
    tools.probe({ method: 'POST', url: `${apiBase(ctx)}${CREATE_TAG_PATH}`, body: {} }, 'create tags'),
  ]);
  const note =
    comment.status === 403
      ? refused('writeNote', comment, 'post internal notes', 'comments:write')
      : 'error' in author
        ? problem('writeNote', (author.error as Error).message)
        : ok('writeNote', 'The token may post comments.');
  const tags =
    update.status === 403
      ? refused('writeTags', update, 'tag conversations', 'conversations:write')
      : tag.status === 403
        ? refused('writeTags', tag, 'create the escalation tags that do not exist yet', 'tags:write')
        : ok('writeTags', 'The token may tag conversations and create missing tags.');
  const assign =
    update.status === 403
      ? refused('writeAssign', update, 'assign or move conversations', 'conversations:write')
      : ok('writeAssign', 'The token may assign and move conversations.');
  return [note, tags, assign];
}

const TYPE_WORDS: Record<string, string> = {
  ai: 'an AI teammate',
  api: 'an API client teammate',
  application: 'an application teammate',
  integration: 'an integration teammate',
  rule: 'a rule',
};

/**
 * Who Baton will read as the bot: teammates Front types as bots (anything but "user"/"visitor"), then people's
 * seats the policy names or whose name looks like a bot, then identity entries from Options that match no one.
 */
async function botFinding(ctx: AdapterContext): Promise<SetupLine> {
  const all = await teammates(ctx);
  const authors: { name: string; why: string }[] = [];
  const named = new Set<string>();
  const kinds = new Set<string>();
  for (const t of all) {
    const name = teammateName(t) ?? t.id;
    const type = botType(t);
    const why = botReason(
      { id: t.id, name, ...(t.email ? { email: t.email } : {}) },
      ctx.botIdentity,
      type ? `teammate type ${type}` : null,
    );
    if (!why) continue;
    if (type) kinds.add(TYPE_WORDS[type] ?? `a ${type} teammate`);
    else kinds.add("a teammate's seat");
    authors.push({ name: t.email ? `${name} <${t.email}>` : name, why });
    for (const v of [name, t.email, t.id]) if (v) named.add(v.toLowerCase());
  }
  authors.push(...identityAuthors(ctx.botIdentity).filter((a) => !named.has(a.name.toLowerCase())));
  const kind = kinds.size ? [...kinds].join(', ') : authors.length ? 'named in Options' : 'none found';
  return botLine({ kind: `a bot posting as ${kind}`.replace('a bot posting as none found', 'none found'), authors });
}
