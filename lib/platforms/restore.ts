import type { EscalationPlan } from '../schema/plan';
import type { Target } from '../schema/target';

/**
 * What "Return to bot" puts back besides the pause, decided from the plan alone (what the conversation was
 * before the escalation, and what the escalation added), so the adapters send it and the sidebar previews it
 * from the same reading. Tags someone else added meanwhile are never in it: only the escalation's own tags
 * that the conversation did not have before come off.
 */

type Owner = { id: string; name?: string };
type Field = 'team' | 'assignee' | 'inbox';

/** What a helpdesk can put back: its fields, whether it can set one to nobody, and its word for a team. */
export interface RestoreAbility {
  fields: readonly Field[];
  /** The helpdesk documents clearing a team/assignee (null); otherwise "nobody" cannot be put back. */
  clears: boolean;
  teamWord: string;
  label: string;
}

export interface Restore {
  /** The escalation's tags the conversation did not have before: taken off (empty when kept as history). */
  removeTags: string[];
  /** Put back as it was (null: nobody); absent: left as it is. */
  team?: Owner | null;
  assignee?: Owner | null;
  /** The inbox to move the conversation back to; absent: it stays where it is. */
  inbox?: Owner;
  /** Sentences: what could not be put back, and why. */
  left: string[];
}

/** Which of the conversation's places a route to `target` changed. */
function moved(target: Target | null, field: Field): boolean {
  if (!target) return false;
  if (field === 'team') return target.kind === 'team' || target.kind === 'group' || target.kind === 'user';
  if (field === 'assignee') return target.kind === 'user';
  return target.kind === 'inbox';
}

export function restoreOf(plan: EscalationPlan, keepTags: boolean, ability: RestoreAbility): Restore {
  const before = new Set(plan.tagsBefore);
  const stop = plan.pause?.stopTag.trim();
  const viewTag = plan.target?.kind === 'view' ? plan.target.viewTag : undefined;
  // A view's tag is where the escalation routed it, not history: it comes off even when the tags are kept.
  const added = [...(keepTags ? [] : plan.tags), ...(viewTag && !(keepTags && plan.tags.includes(viewTag)) ? [viewTag] : [])];
  // The reason tag stays: every escalation and every return writes it (the handoff record's tag), and it is how
  // the helpdesk's own reporting and Team Insights' tag search still find a conversation after its return.
  const keep = (t: string) => before.has(t) || t === stop || t === plan.reasonTag;
  const removeTags = [...new Set(added.map((t) => t.trim()).filter((t) => t && !keep(t)))];
  const out: Restore = { removeTags, left: [] };
  const word = { team: ability.teamWord, assignee: 'assignee', inbox: 'inbox' };

  for (const field of ability.fields) {
    if (field === 'inbox') {
      if (!moved(plan.target, 'inbox')) continue;
      const id = plan.inboxBefore ?? plan.pause?.managingInboxId;
      if (id) out.inbox = { id, ...(plan.inboxNameBefore ? { name: plan.inboxNameBefore } : {}) };
      else out.left.push(notRecorded(word.inbox));
      continue;
    }
    const was = field === 'team' ? plan.teamBefore : plan.assigneeBefore;
    if (was === undefined) {
      if (moved(plan.target, field)) out.left.push(notRecorded(word[field]));
      continue;
    }
    if (was === null && !ability.clears) {
      if (moved(plan.target, field))
        out.left.push(
          `${ability.label}'s API documents no way to set the ${word[field]} back to nobody, so it stays as the escalation left it.`,
        );
      continue;
    }
    out[field] = was;
  }
  return out;
}

const notRecorded = (what: string) =>
  `Baton did not record the ${what} before this escalation (it was read from the page, or escalated by an older version), so it stays as it is.`;

/** One line for the sidebar: "Tags back to: a, b; team back to Bot inbox; assignee back to nobody". */
export function restorePreview(
  restore: Restore,
  tagsAfter: readonly string[],
  teamWord: string,
  nameOf: (kind: Field, o: Owner) => string = (_k, o) => o.name ?? o.id,
): string {
  const who = (kind: Field, o: Owner | null) => (o ? nameOf(kind, o) : 'nobody');
  const parts = [`Tags back to: ${tagsAfter.length ? tagsAfter.join(', ') : 'none'}`];
  if (restore.team !== undefined) parts.push(`${teamWord} back to ${who('team', restore.team)}`);
  if (restore.assignee !== undefined) parts.push(`assignee back to ${who('assignee', restore.assignee)}`);
  if (restore.inbox) parts.push(`inbox back to ${who('inbox', restore.inbox)}`);
  return parts.join('; ');
}

/** The conversation's tags once returned: the escalation's and the stop tag off, the bot's managing tags back. */
export function tagsAfterReturn(plan: EscalationPlan, restore: Restore, current: readonly string[]): string[] {
  const stop = plan.pause?.stopTag.trim();
  const back = (plan.pause?.removeTags ?? []).filter((t) => plan.tagsBefore.includes(t));
  const off = new Set([...restore.removeTags, ...(stop && !plan.tagsBefore.includes(stop) ? [stop] : [])]);
  return [...new Set([...current.filter((t) => !off.has(t)), ...back])];
}
