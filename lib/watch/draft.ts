import { chooseRoute } from '../routing/handover';
import type { Platform } from '../schema/conversation';
import type { EscalationDraft } from '../schema/messages';
import type { Policy } from '../schema/policy';
import type { Verdict } from '../schema/verdict';

/**
 * The escalation the sidebar would make with nothing edited: the verdict's note, the team lead's escalation tags
 * with the suggested ones, the target the handover rules choose, and the bot paused as Options says. Escalating
 * from the list sends exactly this, so the helpdesk ends up as it would from the sidebar.
 */
export function defaultDraft(verdict: Verdict, policy: Policy, platform: Platform): EscalationDraft {
  const route = chooseRoute(verdict, policy, platform);
  return {
    note: verdict.note,
    tags: [...new Set([...policy.tags.escalation, ...verdict.suggestedTags])],
    target: route.target,
    routeReason: route.reason,
    suspend: policy.suspend.enabled,
  };
}
