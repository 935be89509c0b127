import { ApiError } from '../../http/errors';
import type { EscalationPlan, StepKind } from '../../schema/plan';
import type { Target } from '../../schema/target';
import type { AdapterContext, Operation } from '../types';
import { call, currentUser, PAGE_LIMIT, parse, url } from './api';
import { carriesMarker, noteBodies } from './note';
import { isInternal } from './read';
import { GMessageSchema, GPageSchema } from './types';
import { ticketPath } from './urls';

export const VIEW_WITHOUT_TAG = 'This view cannot be matched by a tag, so Baton cannot route to it; pick a team or inbox.';

/** Gorgias routes to a team or a user (a view through its tag); other kinds belong to other helpdesks. */
function checkTarget(target: Target): void {
  if (target.kind === 'view') {
    if (!target.viewTag) throw new ApiError(VIEW_WITHOUT_TAG, 'invalid');
    return;
  }
  if (target.kind !== 'team' && target.kind !== 'user') {
    throw new ApiError(`Gorgias has no ${target.kind}s to route to; pick a team, a user or a view.`, 'invalid');
  }
  if (!/^\d+$/.test(target.id)) {
    throw new ApiError(`"${target.name}" is not a Gorgias ${target.kind} (its id is ${target.id}); pick it again from the list.`, 'invalid');
  }
}

/** Managing tags the pause removes: only those the ticket had, so resume can put exactly them back. */
const removedByPause = (plan: EscalationPlan) => (plan.pause?.removeTags ?? []).filter((t) => plan.tagsBefore.includes(t));

const tagsUrl = (ctx: AdapterContext, id: string) => url(ctx, `${ticketPath(id)}/tags`);

function tagRequest(ctx: AdapterContext, id: string, method: 'POST' | 'DELETE', names: string[], action: string) {
  return async () => {
    await call(ctx, { method, url: tagsUrl(ctx, id), body: { names } }, { action, idempotent: true });
  };
}

/** Looks for the note by its marker, newest messages first, stopping at the first page that has it. */
async function noteLanded(ctx: AdapterContext, id: string, markerId: string): Promise<boolean> {
  const action = 'check whether the internal note was already posted';
  const first = new URL(url(ctx, '/api/messages'));
  first.searchParams.set('ticket_id', id);
  first.searchParams.set('limit', String(PAGE_LIMIT));
  first.searchParams.set('order_by', 'created_datetime:desc');
  const seen = new Set<string>();
  for (let next: URL | null = first, pages = 0; next && pages < 100; pages++) {
    const res = await call(ctx, { method: 'GET', url: next.toString() }, { action });
    const page = parse(GPageSchema, res.body, action);
    if (page.data.some((x) => { const m = parse(GMessageSchema, x, action); return isInternal(m) && carriesMarker(m, markerId); })) return true;
    const cursor = page.meta?.next_cursor;
    if (!cursor || seen.has(cursor)) return false;
    seen.add(cursor);
    next = new URL(first);
    next.searchParams.set('cursor', cursor);
  }
  return false;
}

/**
 * An escalation in Gorgias's minimum of 3 requests:
 * 1. POST /tags with the escalation tags, the pause's stop tag and a view's tag together;
 * 2. POST /messages, the internal note (the only request that is not safe to repeat);
 * 3. PUT the ticket with assignee_team or assignee_user.
 * Removing the bot's managing tags is a 4th request, only when the pause is configured to.
 * Each operation covers the steps it completes: the pause is complete with the stop tag unless managing tags
 * must also go, and a view route is complete with its tag.
 */
export function escalationOps(ctx: AdapterContext, plan: EscalationPlan, remaining: StepKind[]): Operation[] {
  const want = (k: StepKind) => remaining.includes(k);
  const id = plan.conversationId;
  ticketPath(id);
  const target = want('assign') ? plan.target : null;
  const pause = want('pause') ? plan.pause : null;
  if (target) checkTarget(target);
  const removal = pause ? removedByPause(plan) : [];

  const names: string[] = [];
  const covers: StepKind[] = [];
  if (want('tags')) {
    names.push(...plan.tags);
    covers.push('tags');
  }
  // The stop tag rides with the escalation tags. When the managing tags' removal is what is left of the
  // pause, a done tags step proves the stop tag landed with it, so the retry is that one DELETE. Otherwise
  // (no escalation tags, or the stop tag is the whole pause) it is sent again: adding a tag is idempotent.
  const stopLanded = !want('tags') && plan.tags.length > 0 && removal.length > 0;
  if (pause?.stopTag && !stopLanded) names.push(pause.stopTag);
  if (pause && !removal.length) covers.push('pause');
  if (target?.kind === 'view') {
    names.push(target.viewTag!);
    covers.push('assign');
  }
  if (want('assign') && !plan.target) covers.push('assign');

  const ops: Operation[] = [];
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (unique.length) {
    const action = target?.kind === 'view' ? `add the tags that route the ticket to the view "${target.name}"` : 'add the tags';
    ops.push({ covers, run: tagRequest(ctx, id, 'POST', unique, action) });
  } else if (covers.length) {
    // Nothing to send (no tags asked for, pause without a stop tag): the steps are complete as they are.
    ops.push({ covers, run: async () => {} });
  }

  if (want('note')) {
    ops.push({
      covers: ['note'],
      run: async () => {
        const action = 'post the internal note';
        const sender = await currentUser(ctx, 'find your Gorgias user, the sender of the internal note');
        const body = { channel: 'internal-note', via: 'api', from_agent: true, sender: { id: sender.id }, ...noteBodies(plan.note, plan.noteMarker) };
        await call(ctx, { method: 'POST', url: url(ctx, `${ticketPath(id)}/messages`), body }, { action });
      },
      alreadyApplied: () => noteLanded(ctx, id, plan.noteMarker),
    });
  }

  if (target && target.kind !== 'view') {
    const body = target.kind === 'team' ? { assignee_team: { id: Number(target.id) } } : { assignee_user: { id: Number(target.id) } };
    ops.push({
      covers: ['assign'],
      run: async () => {
        await call(ctx, { method: 'PUT', url: url(ctx, ticketPath(id)), body }, { action: `assign the ticket to ${target.name}`, idempotent: true });
      },
    });
  }

  if (removal.length) {
    ops.push({ covers: ['pause'], run: tagRequest(ctx, id, 'DELETE', removal, "remove the bot's managing tags") });
  }
  return ops;
}

/** "Return to bot": take the stop tag off, and give back the managing tags the pause removed. */
export function resumeOps(ctx: AdapterContext, plan: EscalationPlan): Operation[] {
  const pause = plan.pause;
  if (!pause) return [];
  const id = plan.conversationId;
  ticketPath(id);
  const ops: Operation[] = [];
  const stop = pause.stopTag.trim();
  if (stop) ops.push({ covers: ['pause'], run: tagRequest(ctx, id, 'DELETE', [stop], 'remove the pause tag so the bot takes over again') });
  const restore = removedByPause(plan);
  if (restore.length) ops.push({ covers: ['pause'], run: tagRequest(ctx, id, 'POST', restore, "give the bot's managing tags back") });
  return ops;
}
