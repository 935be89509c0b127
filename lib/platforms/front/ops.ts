import { ApiError, errorForStatus } from '../../http/errors';
import type { EscalationPlan, StepKind } from '../../schema/plan';
import type { Target } from '../../schema/target';
import type { AdapterContext, Operation } from '../types';
import { viewWithoutTag } from '../shared';
import { checkLayout, groupOperations } from '../steps';
import { LABEL, listAll, writeConversation } from './api';
import { noteLanded, postNote } from './note';
import { FInboxSchema } from './schemas';
import { forgetTags, resolveTagIds, tagIndex } from './tags';
import { restoreOf } from '../restore';
import { frontMeta } from './meta';

/**
 * Front has no atomic update, so the steps go in the order that never leaves a half-done handoff: the
 * comment first, then the move or assignment, then the tags with the stop tag last. When the note or the
 * assignment fails, the bot is therefore still answering: nobody is left waiting on a paused bot.
 * 3 requests for a usual escalation; removing the bot's managing tags adds one to the last group.
 */
export const FRONT_LAYOUT = checkLayout([['note'], ['assign'], ['tags', 'pause']]);

/**
 * How the pause's option (c), leaving the bot's managing inbox, is carried out:
 * - by-move: the escalation moves the conversation to another inbox, which takes it out already;
 * - no-destination: it may sit in the managing inbox but the target is a teammate or a view. The pause has
 *   no inbox of its own to move to, so Baton does not invent one: when a stop tag or managing tags also
 *   pause the bot, the move is skipped; when leaving the inbox is the only way configured, the pause step
 *   checks where the conversation is and fails with a sentence asking for an inbox target if it is there;
 * - none: no managing inbox configured, or the conversation is known to be elsewhere.
 * An unknown current inbox (reads do not list inboxes) counts as being in the managing inbox.
 */
function leaveManagingInbox(plan: EscalationPlan): 'by-move' | 'no-destination' | 'none' {
  const managing = plan.pause?.managingInboxId;
  if (!managing) return 'none';
  if (plan.inboxBefore !== undefined && plan.inboxBefore !== managing) return 'none';
  if (plan.target?.kind === 'inbox' && plan.target.id !== managing) return 'by-move';
  return 'no-destination';
}

export function escalationOps(ctx: AdapterContext, plan: EscalationPlan, remaining: StepKind[]): Operation[] {
  const target = remaining.includes('assign') ? plan.target : null;
  if (target) checkTarget(target);
  return groupOperations(FRONT_LAYOUT, remaining, (steps) => {
    if (steps.includes('note')) return { covers: steps, run: () => postNote(ctx, plan), alreadyApplied: () => noteLanded(ctx, plan) };
    if (steps.includes('assign')) return target ? { covers: steps, run: () => route(ctx, plan.conversationId, target) } : null;
    return tagsAndPause(ctx, plan, steps);
  });
}

/** The escalation's tags and the stop tag in one request, then (only when configured) the managing tags' removal. */
function tagsAndPause(ctx: AdapterContext, plan: EscalationPlan, steps: StepKind[]): Operation | null {
  const id = plan.conversationId;
  const pause = steps.includes('pause') ? plan.pause : null;
  const add = unique([...(steps.includes('tags') ? plan.tags : []), ...(pause?.stopTag ? [pause.stopTag] : [])]);
  const remove = pause ? pause.removeTags.filter((t) => plan.tagsBefore.includes(t) && !add.includes(t)) : [];
  const mustLeave = !!pause && leaveManagingInbox(plan) === 'no-destination' && !pause.stopTag && pause.removeTags.length === 0;
  if (!add.length && !remove.length && !mustLeave) return null;
  return {
    covers: steps,
    run: async () => {
      if (add.length) await changeTags(ctx, id, 'POST', add, pause?.stopTag ? 'add the tags and the pause tag' : 'add the tags');
      if (remove.length) await changeTags(ctx, id, 'DELETE', remove, "remove the bot's managing tags");
      if (mustLeave) await refuseIfInManagingInbox(ctx, id, pause!.managingInboxId!);
    },
  };
}

async function refuseIfInManagingInbox(ctx: AdapterContext, id: string, managing: string) {
  const inboxes = await listAll(ctx, `/conversations/${id}/inboxes`, FInboxSchema, "the conversation's inboxes");
  if (!inboxes.some((i) => i.id === managing)) return;
  throw new ApiError(
    "Baton could not pause the bot: it pauses it by moving the conversation out of the bot's inbox, and that needs an inbox as the target. Route it to an inbox, or set a stop tag for Front in Options.",
    'invalid',
  );
}

function checkTarget(target: Target) {
  if (target.kind === 'view' && !target.viewTag) throw viewWithoutTag('an inbox or a teammate');
  if (target.kind !== 'inbox' && target.kind !== 'user' && target.kind !== 'view') {
    throw new ApiError(`Front has no ${target.kind}s to route to; pick an inbox, a teammate or a view.`, 'invalid');
  }
}

/** An inbox target moves the conversation (team routing in Front is an inbox); a teammate is assigned; a view gets its tag. */
async function route(ctx: AdapterContext, id: string, target: Target) {
  if (target.kind === 'view') return changeTags(ctx, id, 'POST', [target.viewTag!], `route the conversation to ${target.name} by its tag`);
  const [body, action] =
    target.kind === 'inbox'
      ? [{ inbox_id: target.id }, `move the conversation to ${target.name}`]
      : [{ assignee_id: target.id }, `assign the conversation to ${target.name}`];
  await writeConversation(ctx, id, 'PATCH', '', body, { action, idempotent: true });
}

/**
 * Adds or removes tags by name. Removing never creates a tag that does not exist (there is nothing to
 * remove). A cached id can belong to a tag deleted in Front since it was listed: on 400/404 the tags are
 * listed again and the request is sent once more.
 */
async function changeTags(ctx: AdapterContext, id: string, method: 'POST' | 'DELETE', names: string[], action: string) {
  const ids = () => (method === 'POST' ? resolveTagIds(ctx, names) : existingTagIds(ctx, names));
  const send = async (tagIds: string[]) =>
    tagIds.length
      ? writeConversation(ctx, id, method, '/tags', { tag_ids: tagIds }, { action, idempotent: true, accept: [400, 404] })
      : null;
  const first = await send(await ids());
  if (!first || first.status < 300) return;
  forgetTags(ctx);
  const second = await send(await ids());
  if (second && second.status >= 300) throw errorForStatus(second.status, action, LABEL, second.body);
}

async function existingTagIds(ctx: AdapterContext, names: string[]): Promise<string[]> {
  const idx = await tagIndex(ctx);
  const lower = new Map([...idx.byName].map(([n, tid]) => [n.toLowerCase(), tid]));
  return unique(names.map((n) => idx.byName.get(n) ?? lower.get(n.toLowerCase())).filter((x): x is string => !!x));
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/**
 * "Return to bot": the managing tags the pause removed come back, then the stop tag (whether or not it was
 * there before: the agent asked for the bot back) and the escalation's own tags come off in one request, and
 * last the conversation goes back to the inbox it came from and to its assignee before the escalation, in one
 * PATCH (null unassigns). The place comes last: a failure in between leaves the bot answering a conversation
 * the human inbox still holds (with Retry), never a paused bot with nobody. Tags anyone else added stay.
 */
export function resumeOps(ctx: AdapterContext, plan: EscalationPlan, opts: { keepTags?: boolean } = {}): Operation[] {
  const pause = plan.pause;
  if (!pause) return [];
  const id = plan.conversationId;
  const ops: Operation[] = [];
  const restore = restoreOf(plan, !!opts.keepTags, frontMeta.restore);
  const remove = unique([...(pause.stopTag ? [pause.stopTag] : []), ...restore.removeTags]);
  const back = pause.removeTags.filter((t) => plan.tagsBefore.includes(t) && !remove.includes(t));
  if (back.length) ops.push({ covers: ['pause'], run: () => changeTags(ctx, id, 'POST', back, "give the bot's managing tags back") });
  if (remove.length)
    ops.push({
      covers: [...(pause.stopTag ? ['pause' as const] : []), ...(restore.removeTags.length ? ['tags' as const] : [])],
      run: () => changeTags(ctx, id, 'DELETE', remove, 'remove the pause tag and the escalation tags so the bot takes over'),
    });
  const body: Record<string, unknown> = {};
  if (restore.inbox) body.inbox_id = restore.inbox.id;
  if (restore.assignee !== undefined) body.assignee_id = restore.assignee?.id ?? null;
  if (Object.keys(body).length) {
    ops.push({
      covers: ['assign'],
      run: async () =>
        void (await writeConversation(ctx, id, 'PATCH', '', body, {
          action: 'move the conversation back to where it was before the escalation',
          idempotent: true,
        })),
    });
  }
  return ops;
}

/** The inbox the conversation sits in now (Front's read leaves inboxes out): the first one listed. */
export async function readInbox(ctx: AdapterContext): Promise<{ id: string; name?: string } | null> {
  const inboxes = await listAll(ctx, `/conversations/${ctx.ref.conversationId}/inboxes`, FInboxSchema, "the conversation's inbox");
  const first = inboxes[0];
  return first ? { id: first.id, ...(first.name ? { name: first.name } : {}) } : null;
}
