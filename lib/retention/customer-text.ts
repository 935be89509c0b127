import type { Journal } from '../schema/plan';
import { isSettled, lastActivity } from './rules';

/**
 * The journal without the customer's words: the posted note (it quotes the conversation) and the summary
 * fields (emails, order numbers). Kept: ids, targets, step states, the hand-back (the agent's words) and the
 * signals' evidence quotes, which the handoff log also keeps when customer text is off.
 */
export function withoutCustomerText(j: Journal): Journal {
  const { why } = j.plan;
  return { ...j, plan: { ...j.plan, note: '', ...(why ? { why: { ...why, summary: {} } } : {}) } };
}

function holdsCustomerText(j: Journal): boolean {
  return j.plan.note !== '' || Object.keys(j.plan.why?.summary ?? {}).length > 0;
}

/**
 * Whether to strip a journal when the team lead keeps no customer text. An unsettled journal still needs its
 * note (a reload re-posts it, checked by marker); a settled one keeps it for `quietMs` more, the time the
 * webhook notifier may still read the finished journal to announce it.
 */
export function shouldStrip(j: Journal, now: number, quietMs: number): boolean {
  return isSettled(j) && holdsCustomerText(j) && now - lastActivity(j) >= quietMs;
}
