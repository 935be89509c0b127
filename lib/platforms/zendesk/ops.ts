import type { EscalationPlan, StepKind } from '../../schema/plan';
import { ApiError, isApiError } from '../../http/errors';
import { parseBody } from '../../http/parse';
import type { AdapterContext, Operation, StepLayout } from '../types';
import { checkLayout, groupOperations } from '../steps';
import { apiUrl, readComments, readTicket, write } from './api';
import { groupFor } from './membership';
import { noteComment, noteLanded } from './note';
import { UpdatedTicketSchema } from './schemas';
import { AGENT_WORKSPACE, controlIsWith, moveControl, requireControl } from './switchboard';
import { viewError } from './targets';
import { restoreOf } from '../restore';
import { zendeskMeta } from './meta';

/**
 * Zendesk applies a ticket update as a whole, so the note, the group or assignee, the tags and the stop tag
 * travel in ONE update: it lands entirely or not at all, and the bot can never end up paused on a ticket
 * with no note and no owner.
 */
export const ZENDESK_LAYOUT = checkLayout([['note', 'assign', 'tags', 'pause']]);
/**
 * While an AI agent holds a messaging conversation the ticket is read-only, so control is taken through the
 * switchboard first and the one update follows (the executor's `controlFirst` orders the journal the same way).
 */
const CONTROL_LAYOUT: StepLayout = [['pause'], ['note', 'assign', 'tags']];

const STEP_WORDS: Record<StepKind, string> = {
  note: 'post the internal note',
  assign: 'assign the ticket',
  tags: 'add the tags',
  pause: 'pause the bot',
};

/** "post the internal note, assign the ticket and pause the bot": every step the one request carries. */
function actionOf(steps: StepKind[]): string {
  const words = steps.map((s) => STEP_WORDS[s]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words[0];
}

type TicketUpdate = Record<string, unknown>;

/** What one update changes, decided before the ticket's tags are known. */
interface Change {
  fields: TicketUpdate;
  add: string[];
  remove: string[];
}

/** The fields of the update for the given steps, and the tags it adds and removes; null when nothing is sent. */
function changeFor(plan: EscalationPlan, steps: StepKind[]): Change | null {
  const fields: TicketUpdate = {};
  const add: string[] = [];
  let remove: string[] = [];
  const target = plan.target;
  if (steps.includes('note')) fields.comment = noteComment(plan);
  if (steps.includes('assign') && target) {
    if (target.kind === 'group') fields.group_id = Number(target.id);
    else if (target.kind === 'user') fields.assignee_id = Number(target.id);
    else if (target.kind === 'view') add.push(target.viewTag!);
    else throw new ApiError(`Zendesk cannot route to a ${target.kind}; pick a group, an agent or a view.`, 'invalid');
  }
  if (steps.includes('tags')) add.push(...plan.tags);
  // With a switchboard the pause is taking control (its own request); a stop tag is the switch otherwise.
  if (steps.includes('pause') && plan.pause && !plan.control?.holds) {
    if (plan.pause.stopTag) add.push(plan.pause.stopTag);
    remove = plan.pause.removeTags;
  }
  const added = [...new Set(add.filter(Boolean))];
  const removed = [...new Set(remove)].filter((t) => !added.includes(t));
  if (!Object.keys(fields).length && !added.length && !removed.length) return null;
  return { fields, add: added, remove: removed };
}

/**
 * The ticket's whole tag list after the change. A single-ticket update documents only `tags`, which replaces
 * the set ("Adding tags to tickets without overwriting existing tags", developer.zendesk.com/documentation/
 * ticketing/managing-tickets/adding-tags-to-tickets-without-overwriting-existing-tags: `additional_tags` and
 * `remove_tags` are for bulk updates and may be ignored silently here). So the list is computed from the read
 * that gave `updated_stamp`, and `safe_update` refuses it (409) if anyone changed the ticket since.
 */
function tagsAfter(before: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  return [...new Set([...before.filter((t) => !remove.includes(t)), ...add])];
}

/** Zendesk answered 200, but did the tags land? An ignored field would otherwise show success with no pause. */
function checkTags(body: unknown, add: string[], remove: string[], action: string): void {
  const tags = parseBody(UpdatedTicketSchema, body, 'Zendesk', action).ticket.tags;
  const missing = add.filter((t) => !tags.includes(t));
  const left = remove.filter((t) => tags.includes(t));
  if (!missing.length && !left.length) return;
  const what = [
    missing.length ? `without ${missing.map((t) => `"${t}"`).join(', ')}` : '',
    left.length ? `still with ${left.map((t) => `"${t}"`).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  throw new ApiError(`Zendesk saved the ticket ${what}, so Baton could not ${action}.`, 'invalid');
}

/**
 * A refused update changed nothing (Zendesk applies it whole or not at all), so the agent is told the bot is
 * still answering. After a timeout nobody knows yet, so that error is left as it is.
 */
function nothingChanged(e: unknown, steps: StepKind[]): unknown {
  if (!isApiError(e) || e.outcomeUnknown || !steps.includes('pause')) return e;
  return new ApiError(
    `${e.message} Nothing was changed, so the bot is not paused and still answers this ticket.`,
    e.kind,
    e.status,
    false,
    e.retryAfterMs,
  );
}

interface Base {
  stamp: string;
  tags: string[];
}

/**
 * One safe update: the tag list from `base` (the read that gave its stamp), one fresh read and one retry on
 * a conflict, and a check that the answer carries the tags. `landed` tells a note that already went in.
 */
async function safeUpdate(
  ctx: AdapterContext,
  ticketId: string,
  change: Change,
  first: Base | null,
  action: string,
  idempotent: boolean,
  landed?: () => Promise<boolean>,
): Promise<void> {
  const url = apiUrl(ctx, `/tickets/${ticketId}.json`);
  const fresh = async (why: string): Promise<Base> => {
    const t = await readTicket(ctx, why);
    return { stamp: t.updated_at, tags: t.tags };
  };
  let base = first ?? (await fresh('read the ticket before updating it'));
  const touchesTags = change.add.length > 0 || change.remove.length > 0;
  for (let attempt = 0; ; attempt++) {
    const ticket: TicketUpdate = { ...change.fields };
    if (touchesTags) ticket.tags = tagsAfter(base.tags, change.add, change.remove);
    try {
      const res = await write(
        ctx,
        { method: 'PUT', url, body: { ticket: { ...ticket, safe_update: true, updated_stamp: base.stamp } } },
        action,
        idempotent,
      );
      if (touchesTags) checkTags(res.body, change.add, change.remove, action);
      return;
    } catch (e) {
      // safe_update: Zendesk refuses the update (409) when someone changed the ticket since the stamp, so
      // Baton never reassigns a ticket a colleague just took nor drops a tag they added. One fresh read and
      // one retry follow.
      if (!(isApiError(e) && e.kind === 'conflict') || attempt > 0) throw e;
      base = await fresh('read the ticket again after a conflicting change');
      // A note from an earlier uncertain attempt is already there: everything it carried landed with it.
      if (landed && (await landed())) return;
    }
  }
}

export function escalationOps(ctx: AdapterContext, plan: EscalationPlan, remaining: StepKind[]): Operation[] {
  if (remaining.includes('assign') && plan.target?.kind === 'view' && !plan.target.viewTag) throw viewError();
  const control = plan.control?.holds ? plan.control : undefined;
  // Without the switchboard's key nothing may be sent: the ticket refuses writes while the AI agent holds it.
  if (control && remaining.includes('pause')) requireControl(ctx);
  const landed = async () => noteLanded((await readComments(ctx, 'check whether the note already landed')).comments, plan.noteMarker);

  return groupOperations(control ? CONTROL_LAYOUT : ZENDESK_LAYOUT, remaining, (steps) => {
    if (control && steps.includes('pause')) {
      const action = 'take the conversation from the AI agent';
      return {
        covers: steps,
        run: async () => void (await moveControl(ctx, AGENT_WORKSPACE, action)),
        alreadyApplied: () => controlIsWith(ctx, AGENT_WORKSPACE, action),
      };
    }
    const change = changeFor(plan, steps);
    if (!change) return null;
    const action = actionOf(steps);
    const hasNote = steps.includes('note');
    return {
      covers: steps,
      async run() {
        if (plan.target?.kind === 'user' && steps.includes('assign')) {
          // An agent outside the ticket's group is refused (422 "Assignee is not a member of the group", zenpy
          // issue 628), so a group the agent belongs to travels with them.
          change.fields.group_id = await groupFor(ctx, plan.target.id);
        }
        // The first attempt uses the plan's read (the agent's view of the ticket); no stamp means no read yet.
        const first = plan.updatedStamp && !control ? { stamp: plan.updatedStamp, tags: plan.tagsBefore } : null;
        try {
          await safeUpdate(ctx, plan.conversationId, change, first, action, !hasNote, hasNote ? landed : undefined);
        } catch (e) {
          throw nothingChanged(e, steps);
        }
      },
      // The update is atomic, so a note found by its marker means every step of this request landed.
      alreadyApplied: hasNote ? landed : undefined,
    };
  });
}

/**
 * "Return to bot" in ONE safe update: the stop tag and the escalation's tags off, the managing tags back, and
 * the group and assignee as they were before the escalation. Zendesk applies it whole or not at all, so the bot
 * is never given back while the ticket still sits with the escalation's group, nor the group let go while the
 * bot stays paused. With a switchboard the ticket turns read-only once the AI agent holds it again, so the
 * update goes first and passing control back last (a failure between them leaves it with the agents' queue).
 */
export function resumeOps(ctx: AdapterContext, plan: EscalationPlan, opts: { keepTags?: boolean } = {}): Operation[] {
  const pause = plan.pause;
  if (!pause) return [];
  const restore = restoreOf(plan, !!opts.keepTags, zendeskMeta.restore);
  const holds = !!plan.control?.holds;
  const back = pause.removeTags.filter((t) => plan.tagsBefore.includes(t));
  const remove = [...(pause.stopTag && !holds ? [pause.stopTag] : []), ...restore.removeTags];
  const fields: TicketUpdate = {};
  if (restore.team) fields.group_id = Number(restore.team.id);
  if (restore.assignee) fields.assignee_id = Number(restore.assignee.id);
  const change: Change = { fields, add: holds ? [] : back.filter((t) => !remove.includes(t)), remove };
  const ops: Operation[] = [];
  const changes = Object.keys(fields).length > 0 || change.add.length > 0 || change.remove.length > 0;
  if (changes) {
    const covers: StepKind[] = [
      ...(holds ? [] : (['pause'] as const)),
      ...(restore.removeTags.length ? (['tags'] as const) : []),
      ...(Object.keys(fields).length ? (['assign'] as const) : []),
    ];
    ops.push({
      covers: covers.length ? covers : ['tags'],
      // A fresh read: the escalation's stamp is stale by now, and the list must hold what others added since.
      run: () =>
        safeUpdate(ctx, plan.conversationId, change, null, 'give the ticket back to the bot as it was before the escalation', true),
    });
  }
  if (holds) {
    const bot = plan.control!.bot;
    requireControl(ctx);
    const action = 'give the conversation back to the AI agent';
    ops.push({
      covers: ['pause'],
      run: async () => void (await moveControl(ctx, bot, action)),
      alreadyApplied: () => controlIsWith(ctx, bot, action),
    });
  }
  return ops;
}
