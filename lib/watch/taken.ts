import { escalationTags, humanAssignee, isHumanReply } from '../followup/owner';
import type { Conversation } from '../schema/conversation';
import type { Policy } from '../schema/policy';

/**
 * What on the helpdesk shows a person already has the conversation, in a sentence, or null: an escalation tag
 * (unless the list shows it because that escalation is unclaimed), a human assignee, or a human reply after the
 * customer's last message. The list never escalates such a conversation again.
 */
export function takenBy(conversation: Conversation, policy: Policy, opts: { ignoreTags?: boolean } = {}): string | null {
  const platform = conversation.ref?.platform;
  const person = humanAssignee(conversation, policy, platform);
  if (person) return `assigned to ${person.name ?? person.id}`;
  const lastCustomer = conversation.messages.findLastIndex((m) => m.role === 'customer' && !m.internal);
  if (conversation.messages.some((m, i) => i > lastCustomer && isHumanReply(m))) return 'answered by a person';
  if (opts.ignoreTags) return null;
  const tags = escalationTags(policy);
  const tag = conversation.tags.find((t) => tags.includes(t.toLowerCase()));
  return tag ? `tagged ${tag}` : null;
}
