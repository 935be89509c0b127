import { ApiError } from '../../http/errors';
import type { EscalationPlan, StepKind } from '../../schema/plan';
import type { Target } from '../../schema/target';
import { viewWithoutTag } from '../shared';
import { restoreOf } from '../restore';
import { gorgiasMeta } from './meta';
import { checkLayout, groupOperations } from '../steps';
import type { AdapterContext, Operation } from '../types';
import { call, currentUser, PAGE_LIMIT, parse, url } from './api';
import { roleOf } from '../shared';
import { botUsers } from './bots';
import { carriesMarker, noteBodies } from './note';
import { isInternal, nameOf } from './read';
import { GMessageSchema, GPageSchema, GTicketSchema, type GTicket } from './schemas';
import { ticketPath } from './urls';

/**
 * Gorgias's escalation, in the order that never leaves a half-done handoff: the internal note first and alone
 * (the one request that is not safe to repeat), then the owner (PUT /api/tickets/{id} with `assignee_team` /
 * `assignee_user`), then the tags with the stop tag last. Tags go through the ticket's tag endpoints,
 * POST /api/tickets/{id}/tags to add and DELETE to remove, both by `names` (contract.ts, "Add/Remove ticket
 * tags"): they touch only the names sent, so a tag a Gorgias rule or the AI Agent put on between Baton's read
 * and its write (`ai_handover`, a routing tag) is never wiped, which a full `tags` list on the ticket update
 * would do (it replaces them all).
 */
export const GORGIAS_LAYOUT = checkLayout([['note'], ['assign'], ['tags', 'pause']]);

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

const unique = (names: readonly string[]) => [...new Set(clean(names))];

/** Adds or removes tags by name on the ticket's tag endpoint; only those names change. */
async function changeTags(ctx: AdapterContext, id: string, method: 'POST' | 'DELETE', names: string[], action: string) {
  if (!names.length) return;
  await call(ctx, { method, url: url(ctx, `${ticketPath(id)}/tags`), body: { names } }, { action, idempotent: true });
}

/**
 * Whether the pause tag is on the ticket now. Whether Gorgias creates an unknown tag name on the add is not
 * documented, so the pause is only reported once the ticket shows the tag: never a pause that did not happen.
 */
async function confirmStopTag(ctx: AdapterContext, id: string, stopTag: string) {
  const now = await readTags(ctx, id, 'check that the pause tag is on the ticket');
  if (!now.includes(stopTag)) {
    throw new ApiError(
      `Gorgias did not keep the pause tag ${stopTag} on the ticket, so the bot is not paused; check that the tag exists in Gorgias (Settings → Tags), then retry.`,
      'unexpected',
    );
  }
}

/** The ticket as Gorgias has it now, after a request was cut off (its tab went away): did that request land? */
async function readTicketNow(ctx: AdapterContext, id: string) {
  const action = 'check whether the ticket update already landed';
  return parse(GTicketSchema, (await call(ctx, { method: 'GET', url: url(ctx, ticketPath(id)) }, { action })).body, action);
}

/** Whether the user assigned now is the bot: Gorgias's bot role first, then the policy's identity and names. */
async function botIsAssigned(ctx: AdapterContext, user: GTicket['assignee_user']): Promise<boolean> {
  if (user?.id === null || user?.id === undefined) return false;
  const bots = await botUsers(ctx).catch(() => null);
  if (bots?.byId.has(String(user.id))) return true;
  const name = nameOf(user);
  return (
    roleOf({ id: String(user.id), ...(name ? { name } : {}), ...(user.email ? { email: user.email } : {}) }, true, ctx.botIdentity) ===
    'bot'
  );
}

/**
 * The owner. A team route also clears the assigned user when that user is the bot: a bot that answers "tickets
 * assigned to the AI user" (docs.open.cx/integrations/gorgias/ticket-flow) keeps a ticket that only changed team.
 * A view is reached by its tag, added on the tag endpoint like the others.
 */
function assignOp(ctx: AdapterContext, plan: EscalationPlan, target: Target): Operation {
  const id = plan.conversationId;
  if (target.kind === 'view') {
    return {
      covers: ['assign'],
      run: () => changeTags(ctx, id, 'POST', [target.viewTag!], `route the ticket to the view "${target.name}"`),
      alreadyApplied: async () => ((await readTicketNow(ctx, id)).tags ?? []).some((t) => t.name === target.viewTag),
    };
  }
  return {
    covers: ['assign'],
    alreadyApplied: async () => {
      const t = await readTicketNow(ctx, id);
      const owner = target.kind === 'team' ? t.assignee_team?.id : t.assignee_user?.id;
      return owner !== null && owner !== undefined && String(owner) === target.id;
    },
    run: async () => {
      const action = `assign the ticket to ${target.name}`;
      let body: Record<string, unknown> = { assignee_user: { id: Number(target.id) } };
      if (target.kind === 'team') {
        const ticket = parse(
          GTicketSchema,
          (await call(ctx, { method: 'GET', url: url(ctx, ticketPath(id)) }, { action: 'read the ticket before assigning it' })).body,
          'read the ticket before assigning it',
        );
        body = {
          assignee_team: { id: Number(target.id) },
          ...((await botIsAssigned(ctx, ticket.assignee_user)) ? { assignee_user: null } : {}),
        };
      }
      await call(ctx, { method: 'PUT', url: url(ctx, ticketPath(id)), body }, { action, idempotent: true });
    },
  };
}

/** The escalation's tags and the stop tag in one add, then (only when configured) the managing tags' removal. */
function tagsOp(ctx: AdapterContext, plan: EscalationPlan, steps: StepKind[]): Operation | null {
  const id = plan.conversationId;
  const pause = steps.includes('pause') ? plan.pause : null;
  const stop = pause?.stopTag.trim() ?? '';
  const add = unique([...(steps.includes('tags') ? plan.tags : []), ...(stop ? [stop] : [])]);
  const remove = unique(removedByPause(plan)).filter((t) => pause && !add.includes(t));
  if (!add.length && !remove.length) return null;
  return {
    covers: steps,
    alreadyApplied: async () => {
      const now = ((await readTicketNow(ctx, id)).tags ?? []).map((t) => t.name);
      return add.every((t) => now.includes(t)) && !remove.some((t) => now.includes(t));
    },
    run: async () => {
      await changeTags(ctx, id, 'POST', add, stop ? 'add the tags and the pause tag' : 'add the tags');
      await changeTags(ctx, id, 'DELETE', remove, "remove the bot's managing tags");
      if (stop) await confirmStopTag(ctx, id, stop);
    },
  };
}

/** The requests for the steps still to do, in Gorgias's layout (note, owner, then tags with the pause). */
export function escalationOps(ctx: AdapterContext, plan: EscalationPlan, remaining: StepKind[]): Operation[] {
  ticketPath(plan.conversationId);
  const target = remaining.includes('assign') ? plan.target : null;
  if (target) checkTarget(target);
  return groupOperations(GORGIAS_LAYOUT, remaining, (steps) => {
    if (steps.includes('note')) return noteOp(ctx, plan);
    if (steps.includes('assign')) return target ? assignOp(ctx, plan, target) : null;
    return tagsOp(ctx, plan, steps);
  });
}

/**
 * "Return to bot": first the pause undone with the escalation's own tags (the bot's managing tags back, then
 * the stop tag and the escalation tags off in ONE delete by name, so the bot takes over as the escalation view
 * lets go), then the team and assignee put back as they were (PUT, null clears). The owner comes last: a
 * failure in between leaves the bot answering a ticket the human team still holds (with Retry), never a paused
 * bot with nobody. Tags anyone else added meanwhile stay; the stop tag stays if the ticket had it before.
 */
export function resumeOps(ctx: AdapterContext, plan: EscalationPlan, opts: { keepTags?: boolean } = {}): Operation[] {
  const pause = plan.pause;
  if (!pause) return [];
  const id = plan.conversationId;
  ticketPath(id);
  const restore = restoreOf(plan, !!opts.keepTags, gorgiasMeta.restore);
  const stop = pause.stopTag.trim();
  const stopOff = stop && !plan.tagsBefore.includes(stop) ? [stop] : [];
  const remove = unique([...stopOff, ...restore.removeTags]);
  const back = unique(removedByPause(plan)).filter((t) => !remove.includes(t));
  const ops: Operation[] = [];
  if (remove.length || back.length) {
    ops.push({
      covers: [...(stopOff.length || back.length ? ['pause' as const] : []), ...(restore.removeTags.length ? ['tags' as const] : [])],
      run: async () => {
        await changeTags(ctx, id, 'POST', back, "give the bot's managing tags back");
        await changeTags(ctx, id, 'DELETE', remove, 'remove the pause tag and the escalation tags so the bot takes over');
      },
    });
  }
  const owner: Record<string, unknown> = {};
  if (restore.team !== undefined) owner.assignee_team = restore.team ? { id: Number(restore.team.id) } : null;
  if (restore.assignee !== undefined) owner.assignee_user = restore.assignee ? { id: Number(restore.assignee.id) } : null;
  if (Object.keys(owner).length) {
    ops.push({
      covers: ['assign'],
      run: async () =>
        void (await call(
          ctx,
          { method: 'PUT', url: url(ctx, ticketPath(id)), body: owner },
          { action: 'put the team and assignee back as they were before the escalation', idempotent: true },
        )),
    });
  }
  return ops;
}
