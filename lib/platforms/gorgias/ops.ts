import { ApiError } from '../../http/errors';
import type { EscalationPlan, StepKind } from '../../schema/plan';
import type { Target } from '../../schema/target';
import { viewWithoutTag } from '../shared';
import { checkLayout, groupOperations } from '../steps';
import type { AdapterContext, Operation } from '../types';
import { call, currentUser, PAGE_LIMIT, parse, url } from './api';
import { carriesMarker, noteBodies } from './note';
import { isInternal } from './read';
import { GMessageSchema, GPageSchema, GTicketSchema } from './schemas';
import { ticketPath } from './urls';

/**
 * Gorgias's escalation in 2 writes. The internal note goes first and alone: it is the one request that is
 * not safe to repeat, and nothing else may land while it is missing. Then ONE ticket update
 * (PUT /api/tickets/{id}) carries the tags, the stop tag, the removal of the bot's managing tags and the
 * assignment: Gorgias's update takes `tags` (the full list, it replaces) beside `assignee_team` /
 * `assignee_user` (contract.ts, "Update ticket"). So the bot is paused in the same write that gives the
 * ticket its owner, never before the note, and never without the owner.
 */
export const GORGIAS_LAYOUT = checkLayout([['note'], ['tags', 'assign', 'pause']]);

/** Gorgias routes to a team or a user (a view through its tag); other kinds belong to other helpdesks. */
function checkTarget(target: Target): void {
  if (target.kind === 'view') {
    if (!target.viewTag) throw viewWithoutTag('a team or a user');
    return;
  }
  if (target.kind !== 'team' && target.kind !== 'user') {
    throw new ApiError(`Gorgias has no ${target.kind}s to route to; pick a team, a user or a view.`, 'invalid');
  }
  if (!/^\d+$/.test(target.id)) {
    throw new ApiError(
      `"${target.name}" is not a Gorgias ${target.kind} (its id is ${target.id}); pick it again from the list.`,
      'invalid',
    );
  }
}

/** Managing tags the pause took off: only those the ticket had when planned, so resume gives back exactly them. */
const removedByPause = (plan: EscalationPlan) => (plan.pause?.removeTags ?? []).filter((t) => plan.tagsBefore.includes(t));

const clean = (names: readonly string[]) => names.map((n) => n.trim()).filter(Boolean);

/**
 * The ticket's tags after a change. Because `tags` replaces the whole list, the list is computed from the
 * tags read just before the write, so tags someone else added meanwhile are kept. Order is kept, names are
 * compared exactly (Gorgias tag names are case-sensitive).
 */
function nextTags(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const gone = new Set(clean(remove));
  const out: string[] = [];
  for (const name of [...clean(current), ...clean(add)]) if (!gone.has(name) && !out.includes(name)) out.push(name);
  return out;
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t) => b.includes(t));

/** The ticket's tags as Gorgias has them now (one GET, checked against the contract's ticket shape). */
async function readTags(ctx: AdapterContext, id: string, action: string): Promise<string[]> {
  const res = await call(ctx, { method: 'GET', url: url(ctx, ticketPath(id)) }, { action });
  return (parse(GTicketSchema, res.body, action).tags ?? []).map((t) => t.name);
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
    if (
      page.data.some((x) => {
        const m = parse(GMessageSchema, x, action);
        return isInternal(m) && carriesMarker(m, markerId);
      })
    )
      return true;
    const cursor = page.meta?.next_cursor;
    if (!cursor || seen.has(cursor)) return false;
    seen.add(cursor);
    next = new URL(first);
    next.searchParams.set('cursor', cursor);
  }
  return false;
}

function noteOp(ctx: AdapterContext, plan: EscalationPlan): Operation {
  const id = plan.conversationId;
  return {
    covers: ['note'],
    run: async () => {
      const action = 'post the internal note';
      const sender = await currentUser(ctx, 'find your Gorgias user, the sender of the internal note');
      const body = {
        channel: 'internal-note',
        via: 'api',
        from_agent: true,
        sender: { id: sender.id },
        ...noteBodies(plan.note, plan.noteMarker),
      };
      await call(ctx, { method: 'POST', url: url(ctx, `${ticketPath(id)}/messages`), body }, { action });
    },
    alreadyApplied: () => noteLanded(ctx, id, plan.noteMarker),
  };
}

/** "add the tags, assign the ticket to Returns and pause the bot": what the one update does, for its error. */
function sentence(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? 'update the ticket') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The one ticket update for the steps of the second group still to do; null when it would change nothing. */
function updateOp(ctx: AdapterContext, plan: EscalationPlan, steps: StepKind[]): Operation | null {
  const id = plan.conversationId;
  const has = (k: StepKind) => steps.includes(k);
  const target = has('assign') ? plan.target : null;
  const pause = has('pause') ? plan.pause : null;
  if (target) checkTarget(target);

  const add = [
    ...(has('tags') ? plan.tags : []),
    ...(target?.kind === 'view' && target.viewTag ? [target.viewTag] : []),
    ...(pause?.stopTag ? [pause.stopTag] : []),
  ];
  const remove = pause?.removeTags ?? [];
  const assignee =
    target?.kind === 'team'
      ? { assignee_team: { id: Number(target.id) } }
      : target?.kind === 'user'
        ? { assignee_user: { id: Number(target.id) } }
        : {};
  if (!clean(add).length && !clean(remove).length && !Object.keys(assignee).length) return null;

  const parts: string[] = [];
  if (clean(add).length || clean(remove).length) parts.push(has('tags') && plan.tags.length ? 'add the tags' : 'set the tags');
  if (target) parts.push(target.kind === 'view' ? `route the ticket to the view "${target.name}"` : `assign the ticket to ${target.name}`);
  if (pause) parts.push('pause the bot');
  const action = sentence(parts);

  return {
    covers: steps,
    // After a cut-off update (its tab went away), the ticket itself says whether it landed.
    alreadyApplied: async () => {
      const action = 'check whether the ticket update already landed';
      const ticket = parse(GTicketSchema, (await call(ctx, { method: 'GET', url: url(ctx, ticketPath(id)) }, { action })).body, action);
      const now = (ticket.tags ?? []).map((t) => t.name);
      const owner = target?.kind === 'team' ? ticket.assignee_team?.id : target?.kind === 'user' ? ticket.assignee_user?.id : undefined;
      const assigned = !Object.keys(assignee).length || (owner !== undefined && String(owner) === target?.id);
      return assigned && sameTags(now, nextTags(now, add, remove));
    },
    run: async () => {
      const before = await readTags(ctx, id, 'read the ticket before updating it');
      const after = nextTags(before, add, remove);
      const body = { ...(sameTags(before, after) ? {} : { tags: after.map((name) => ({ name })) }), ...assignee };
      // A retry after a lost answer finds the tags already in place: nothing left to send.
      if (!Object.keys(body).length) return;
      await call(ctx, { method: 'PUT', url: url(ctx, ticketPath(id)), body }, { action, idempotent: true });
    },
  };
}

/** The requests for the steps still to do, in Gorgias's 2-request layout (note, then one update). */
export function escalationOps(ctx: AdapterContext, plan: EscalationPlan, remaining: StepKind[]): Operation[] {
  ticketPath(plan.conversationId);
  return groupOperations(GORGIAS_LAYOUT, remaining, (steps) => (steps.includes('note') ? noteOp(ctx, plan) : updateOp(ctx, plan, steps)));
}

/**
 * "Return to bot", the exact reverse of the pause in one update: the stop tag comes off (unless the ticket
 * already had it before the escalation) and the managing tags the pause removed come back. The escalation
 * tags, the note and the owner stay.
 */
export function resumeOps(ctx: AdapterContext, plan: EscalationPlan): Operation[] {
  const pause = plan.pause;
  if (!pause) return [];
  const id = plan.conversationId;
  ticketPath(id);
  const stop = pause.stopTag.trim();
  const remove = stop && !plan.tagsBefore.includes(stop) ? [stop] : [];
  const restore = removedByPause(plan);
  if (!remove.length && !restore.length) return [];
  return [
    {
      covers: ['pause'],
      run: async () => {
        const before = await readTags(ctx, id, 'read the ticket before handing it back to the bot');
        const after = nextTags(before, restore, remove);
        if (sameTags(before, after)) return;
        const body = { tags: after.map((name) => ({ name })) };
        await call(
          ctx,
          { method: 'PUT', url: url(ctx, ticketPath(id)), body },
          { action: "give the ticket back to the bot (remove the pause tag, restore the bot's tags)", idempotent: true },
        );
      },
    },
  ];
}
