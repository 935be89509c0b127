import { ApiError, errorForStatus } from '../../http/errors';
import type { EscalationPlan, StepKind } from '../../schema/plan';
import type { Target } from '../../schema/target';
import type { AdapterContext, Operation } from '../types';
import { hasMarker } from '../marker';
import { LABEL, listAll, writeConversation } from './api';
import { noteBody } from './note';
import { forgetTags, resolveTagIds, tagIndex } from './tags';
import type { FrontComment } from './types';

export const VIEW_WITHOUT_TAG = 'This view cannot be matched by a tag, so Baton cannot route to it; pick a team or inbox.';

/**
 * How the pause's option (c), leaving the bot's managing inbox, is carried out:
 * - by-move: the escalation moves the conversation to another inbox, which takes it out already;
 * - no-destination: it sits in the managing inbox but the target is a teammate or a view. The pause has
 *   no inbox of its own to move to, so Baton does not invent one: when a stop tag or managing tags also
 *   pause the bot, the move is skipped; when leaving the inbox is the only way configured, the pause step
 *   fails with a sentence asking for an inbox target;
 * - none: no managing inbox configured, or the conversation is elsewhere.
 * An unknown current inbox (the token could not list it) counts as being in the managing inbox.
 */
export function leaveManagingInbox(plan: EscalationPlan): 'by-move' | 'no-destination' | 'none' {
  const managing = plan.pause?.managingInboxId;
  if (!managing) return 'none';
  if (plan.inboxBefore !== undefined && plan.inboxBefore !== managing) return 'none';
  if (plan.target?.kind === 'inbox' && plan.target.id !== managing) return 'by-move';
  return 'no-destination';
}

interface Draft {
  /** Steps this request does part of. */
  carries: StepKind[];
  run(): Promise<void>;
  alreadyApplied?(): Promise<boolean>;
}

/**
 * Tags (escalation tags, the stop tag, a view's tag) in one request, the note, the move or assignment,
 * and only when configured the managing tags' removal: 3 requests for a usual escalation.
 */
export function escalationOps(ctx: AdapterContext, plan: EscalationPlan, remaining: StepKind[]): Operation[] {
  const want = (k: StepKind) => remaining.includes(k);
  const id = plan.conversationId;
  const target = want('assign') ? plan.target : null;
  const pause = want('pause') ? plan.pause : null;
  if (target) checkTarget(target);

  const add: string[] = [];
  const tagsCarry: StepKind[] = [];
  if (want('tags') && plan.tags.length) {
    add.push(...plan.tags);
    tagsCarry.push('tags');
  }
  if (pause?.stopTag) {
    add.push(pause.stopTag);
    tagsCarry.push('pause');
  }
  if (target?.kind === 'view') {
    add.push(target.viewTag!);
    tagsCarry.push('assign');
  }
  const remove = pause ? pause.removeTags.filter((t) => plan.tagsBefore.includes(t) && !add.includes(t)) : [];
  const leave = pause ? leaveManagingInbox(plan) : 'none';

  const drafts: Draft[] = [];
  if (add.length) drafts.push({ carries: tagsCarry, run: () => changeTags(ctx, id, 'POST', unique(add), 'add the tags') });
  if (want('note')) drafts.push(noteDraft(ctx, plan));
  if (target && target.kind !== 'view') {
    drafts.push({ carries: leave === 'by-move' ? ['assign', 'pause'] : ['assign'], run: () => route(ctx, id, target) });
  }
  if (remove.length) drafts.push({ carries: ['pause'], run: () => changeTags(ctx, id, 'DELETE', remove, "remove the bot's managing tags") });
  if (pause && leave === 'no-destination' && !pause.stopTag && pause.removeTags.length === 0) {
    drafts.push({
      carries: ['pause'],
      run: async () => {
        throw new ApiError(
          "Baton could not pause the bot: it pauses it by moving the conversation out of the bot's inbox, and that needs an inbox as the target. Route it to an inbox, or set a stop tag for Front in Options.",
          'invalid',
        );
      },
    });
  }
  return toOperations(drafts, remaining);
}

/**
 * Each step is completed by the last request that does part of it (the stop tag goes with the tags,
 * but the pause is only done once the managing tags are gone too). A request that completes nothing
 * still reports the steps it carries, so its failure shows on a step. A step with nothing to send
 * (all its tags already handled) completes without a request.
 */
function toOperations(drafts: Draft[], remaining: StepKind[]): Operation[] {
  const last = new Map<StepKind, number>();
  drafts.forEach((d, i) => d.carries.forEach((k) => last.set(k, i)));
  const ops: Operation[] = drafts.map((d, i) => {
    const completes = d.carries.filter((k) => last.get(k) === i);
    return { covers: completes.length ? completes : [...d.carries], run: d.run, ...(d.alreadyApplied ? { alreadyApplied: d.alreadyApplied } : {}) };
  });
  const idle = remaining.filter((k) => !last.has(k));
  if (idle.length) ops.push({ covers: idle, run: async () => {} });
  return ops;
}

function checkTarget(target: Target) {
  if (target.kind === 'view' && !target.viewTag) throw new ApiError(VIEW_WITHOUT_TAG, 'invalid');
  if (target.kind !== 'inbox' && target.kind !== 'user' && target.kind !== 'view') {
    throw new ApiError(`Front has no ${target.kind}s to route to; pick an inbox, a teammate or a view.`, 'invalid');
  }
}

function noteDraft(ctx: AdapterContext, plan: EscalationPlan): Draft {
  const id = plan.conversationId;
  return {
    carries: ['note'],
    run: async () => {
      await writeConversation(ctx, id, 'POST', '/comments', { body: noteBody(plan.note, plan.noteMarker) }, { action: 'post the internal note', idempotent: false });
    },
    alreadyApplied: async () => {
      const comments = await listAll<FrontComment>(ctx, `/conversations/${id}/comments`, 'the internal comments');
      return comments.some((c) => hasMarker(c.body, plan.noteMarker));
    },
  };
}

/** An inbox target moves the conversation (team routing in Front is an inbox); a teammate is assigned. */
async function route(ctx: AdapterContext, id: string, target: Target) {
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
export async function changeTags(ctx: AdapterContext, id: string, method: 'POST' | 'DELETE', names: string[], action: string) {
  const ids = async () => (method === 'POST' ? resolveTagIds(ctx, names) : existingTagIds(ctx, names));
  const send = async (tagIds: string[]) =>
    tagIds.length ? writeConversation(ctx, id, method, '/tags', { tag_ids: tagIds }, { action, idempotent: true, accept: [400, 404] }) : null;
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
 * "Return to bot": remove the stop tag (whether or not it was there before: the agent asked for the bot
 * back), give back the managing tags the pause removed, and move the conversation back to the inbox it
 * left when the pause moved it.
 */
export function resumeOps(ctx: AdapterContext, plan: EscalationPlan): Operation[] {
  const pause = plan.pause;
  if (!pause) return [];
  const id = plan.conversationId;
  const ops: Operation[] = [];
  if (pause.stopTag) ops.push({ covers: ['pause'], run: () => changeTags(ctx, id, 'DELETE', [pause.stopTag], 'remove the pause tag so the bot takes over') });
  const restore = pause.removeTags.filter((t) => plan.tagsBefore.includes(t));
  if (restore.length) ops.push({ covers: ['pause'], run: () => changeTags(ctx, id, 'POST', restore, "give the bot's managing tags back") });
  if (leaveManagingInbox(plan) === 'by-move') {
    const back = plan.inboxBefore ?? pause.managingInboxId!;
    ops.push({
      covers: ['pause'],
      run: async () => {
        await writeConversation(ctx, id, 'PATCH', '', { inbox_id: back }, { action: "move the conversation back to the bot's inbox", idempotent: true });
      },
    });
  }
  return ops;
}
