import type { Platform } from '../schema/conversation';
import type { Policy } from '../schema/policy';
import type { Target } from '../schema/target';
import type { Verdict } from '../schema/verdict';

export interface Route {
  target: Target | null;
  reason: string;
  /** Index of the rule that matched, -1 for the default target. */
  ruleIndex: number;
}

/**
 * Handover rules are ordered and the first match wins: a rule matches when the verdict's sub agent is one
 * of its sub agents and every extra condition holds. Rules for another platform's targets are skipped.
 */
export function chooseRoute(verdict: Pick<Verdict, 'subAgent' | 'sentiment' | 'urgency'>, policy: Policy, platform: Platform): Route {
  const sub = verdict.subAgent?.toLowerCase();
  for (const [i, rule] of policy.routing.rules.entries()) {
    if (rule.target.platform !== platform) continue;
    if (!sub || !rule.subAgents.some((s) => s.toLowerCase() === sub)) continue;
    if (rule.when.sentiment && rule.when.sentiment !== verdict.sentiment) continue;
    if (rule.when.urgency && rule.when.urgency !== verdict.urgency) continue;
    const extra = [rule.when.sentiment && `${rule.when.sentiment} sentiment`, rule.when.urgency && `${rule.when.urgency} urgency`]
      .filter(Boolean)
      .join(', ');
    return {
      target: rule.target,
      reason: `sub agent ${verdict.subAgent}${extra ? ` with ${extra}` : ''} → ${rule.target.name} (rule ${i + 1})`,
      ruleIndex: i,
    };
  }
  const def = policy.routing.defaultTargets[platform] ?? null;
  return {
    target: def,
    reason: def
      ? `${verdict.subAgent ? `no rule for sub agent ${verdict.subAgent}` : 'no sub agent rule matched'} → default target ${def.name}`
      : 'No handover rule matched and no default target is set in Options',
    ruleIndex: -1,
  };
}
