import type { EscalationPlan, StepKind } from '../../schema/plan';
import { ApiError, isApiError } from '../../http/errors';
import type { AdapterContext, Operation } from '../types';
import { checkLayout, groupOperations } from '../steps';
import { apiUrl, readComments, readTicket, write } from './api';
import { noteComment, noteLanded } from './note';
import { viewError } from './targets';

/**
 * Zendesk applies a ticket update as a whole, so the note, the group or assignee, the tags and the stop tag
 * travel in ONE update: it lands entirely or not at all, and the bot can never end up paused on a ticket
 * with no note and no owner.
 */
export const ZENDESK_LAYOUT = checkLayout([['note', 'assign', 'tags', 'pause']]);

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

/** The fields of the update for the given steps; null when there is nothing to send. */
function updateFor(plan: EscalationPlan, steps: StepKind[]): TicketUpdate | null {
  const ticket: TicketUpdate = {};
  const add: string[] = [];
  let remove: string[] = [];
  const target = plan.target;
  if (steps.includes('note')) ticket.comment = noteComment(plan);
  if (steps.includes('assign') && target) {
    if (target.kind === 'group') ticket.group_id = Number(target.id);
    else if (target.kind === 'user') ticket.assignee_id = Number(target.id);
    else if (target.kind === 'view') add.push(target.viewTag!);
    else throw new ApiError(`Zendesk cannot route to a ${target.kind}; pick a group, an agent or a view.`, 'invalid');
  }
  if (steps.includes('tags')) add.push(...plan.tags);
  if (steps.includes('pause') && plan.pause) {
    if (plan.pause.stopTag) add.push(plan.pause.stopTag);
    remove = plan.pause.removeTags;
  }
  // additional_tags/remove_tags change only the named tags (ticket.tags would replace the whole set).
  const additional = [...new Set(add.filter(Boolean))];
  const removal = [...new Set(remove)].filter((t) => !additional.includes(t));
  if (additional.length) ticket.additional_tags = additional;
  if (removal.length) ticket.remove_tags = removal;
  return Object.keys(ticket).length ? ticket : null;
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

export function escalationOps(ctx: AdapterContext, plan: EscalationPlan, remaining: StepKind[]): Operation[] {
  if (remaining.includes('assign') && plan.target?.kind === 'view' && !plan.target.viewTag) throw viewError();
  const url = apiUrl(ctx, `/tickets/${plan.conversationId}.json`);
  const landed = async () => noteLanded((await readComments(ctx, 'check whether the note already landed')).comments, plan.noteMarker);

  return groupOperations(ZENDESK_LAYOUT, remaining, (steps) => {
    const update = updateFor(plan, steps);
    if (!update) return null;
    const action = actionOf(steps);
    const hasNote = steps.includes('note');
    return {
      covers: steps,
      async run() {
        // safe_update: Zendesk refuses the update (409) when someone changed the ticket since `updated_stamp`,
        // so Baton never reassigns a ticket a colleague just took. One fresh read and one retry follow.
        let stamp = plan.updatedStamp ?? (await readTicket(ctx, 'read the ticket before updating it')).updated_at;
        for (let attempt = 0; ; attempt++) {
          try {
            await write(
              ctx,
              { method: 'PUT', url, body: { ticket: { ...update, safe_update: true, updated_stamp: stamp } } },
              action,
              !hasNote,
            );
            return;
          } catch (e) {
            if (!(isApiError(e) && e.kind === 'conflict') || attempt > 0) throw nothingChanged(e, steps);
            stamp = (await readTicket(ctx, 'read the ticket again after a conflicting change')).updated_at;
            // A note from an earlier uncertain attempt is already there: everything it carried landed with it.
            if (hasNote && (await landed())) return;
          }
        }
      },
      // The update is atomic, so a note found by its marker means every step of this request landed.
      alreadyApplied: hasNote ? landed : undefined,
    };
  });
}

/** "Return to bot": one update that takes the stop tag off and gives back the managing tags it removed. */
export function resumeOps(ctx: AdapterContext, plan: EscalationPlan): Operation[] {
  const pause = plan.pause;
  if (!pause) return [];
  const restore = pause.removeTags.filter((t) => plan.tagsBefore.includes(t));
  const ticket: TicketUpdate = {};
  if (pause.stopTag) ticket.remove_tags = [pause.stopTag];
  if (restore.length) ticket.additional_tags = restore;
  if (!Object.keys(ticket).length) return [];
  const url = apiUrl(ctx, `/tickets/${plan.conversationId}.json`);
  // Tag deltas commute with anyone else's change, so no collision guard is needed here.
  return [
    {
      covers: ['pause'],
      run: async () => void (await write(ctx, { method: 'PUT', url, body: { ticket } }, 'give the ticket back to the bot', true)),
    },
  ];
}
