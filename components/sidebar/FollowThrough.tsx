import type { CheckResult } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import type { Policy } from '@/lib/schema/policy';

/**
 * Checks the bot's promises against the helpdesk's real state: a promised handoff nobody did, a bot still
 * replying after the pause, an escalation nobody has picked up in time.
 */
export function FollowThrough(props: {
  result: CheckResult;
  journal: Journal | null;
  policy: Policy;
  acting: boolean;
  onEscalate: () => void;
}) {
  void props;
  return null;
}
