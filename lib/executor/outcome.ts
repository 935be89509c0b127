import type { Journal, StepKind } from '../schema/plan';

const NOT_DONE: Record<Exclude<StepKind, 'pause'>, string> = {
  note: 'the note could not be posted',
  assign: 'the conversation could not be assigned',
  tags: 'the tags could not be added',
};

/**
 * What a half-done escalation means for the customer, in one sentence: when a step failed and the bot is
 * still not paused, the agent must know the bot keeps answering (the handoff is not done) and why.
 * Null when the bot was paused, no pause was planned, or nothing failed.
 */
export function pauseHeldBack(j: Journal): string | null {
  const pause = j.steps.find((s) => s.kind === 'pause');
  if (!pause || pause.status === 'done' || pause.status === 'skipped') return null;
  // The note first: it is what the next agent needs most, and what the sentence should lead with.
  const failed = (Object.keys(NOT_DONE) as Exclude<StepKind, 'pause'>[]).filter((k) =>
    j.steps.some((s) => s.kind === k && s.status === 'failed'),
  );
  if (!failed.length) return pause.status === 'failed' ? 'The bot was not paused: the pause itself failed. Retry to pause it.' : null;
  const why = failed.map((k) => NOT_DONE[k]);
  const reason = why.length > 1 ? `${why.slice(0, -1).join(', ')} and ${why[why.length - 1]}` : why[0];
  return `The bot was not paused because ${reason}; it keeps answering the customer until you retry.`;
}

/**
 * While an escalation is interrupted (its tab went away, or no tab could carry a request), why it waits, in
 * one sentence; null otherwise. The sidebar shows it under "Resuming…": nothing has failed, and Baton
 * finishes by itself once a tab of the account is ready.
 */
export function interruption(j: Journal): string | null {
  if (j.resumedAt || j.steps.some((s) => s.status === 'failed')) return null;
  const step = j.steps.find((s) => s.status === 'interrupted');
  return step ? (step.error ?? 'The request was cut off before the helpdesk answered.') : null;
}
