import type { Conversation, Message, Platform } from '../schema/conversation';
import { BotIdentitySchema, type Policy } from '../schema/policy';
import { roleOf } from '../platforms/shared';
import { SUGGESTABLE_TAGS } from '../signals/registry';

/** Tags Baton suggests on an escalation; any of them (or the team lead's escalation tags) shows a handoff. */
const ESCALATION_EXTRA_TAGS = SUGGESTABLE_TAGS;

export const isHumanReply = (m: Message) => m.role === 'agent' && !m.internal;

/** What on the helpdesk shows a handoff was done; the first found, in the order a person would look. */
export type Handled =
  | { by: 'tag'; tag: string }
  | { by: 'assignee'; name: string }
  | { by: 'team'; name: string }
  | { by: 'reply'; messageIndex: number; at?: string };

export function escalationTags(policy: Policy): string[] {
  return [...policy.tags.escalation, ...ESCALATION_EXTRA_TAGS].map((t) => t.toLowerCase());
}

const NO_IDENTITY = BotIdentitySchema.parse({});
const identityOf = (policy: Policy, platform: Platform | undefined) => (platform ? policy.botIdentity[platform] : NO_IDENTITY);

const lower = (s: string | undefined) => s?.trim().toLowerCase();

/**
 * The conversation's assignee when it is a person: not the bot by the configured identity, by a bot-like name,
 * or by being the author of the bot's own messages in this conversation (helpdesks often assign to the bot's
 * user while it talks). Undefined when the read could not tell (DOM fallback), null when nobody.
 */
export function humanAssignee(
  conversation: Conversation,
  policy: Policy,
  platform: Platform | undefined,
): { id: string; name?: string } | null | undefined {
  const a = conversation.assignee;
  if (a === undefined || a === null) return a;
  const botAuthors = new Set(
    conversation.messages
      .filter((m) => m.role === 'bot')
      .map((m) => lower(m.author?.id))
      .filter(Boolean),
  );
  if (botAuthors.has(lower(a.id))) return null;
  return roleOf({ id: a.id, name: a.name }, true, identityOf(policy, platform)) === 'bot' ? null : a;
}

/**
 * A team or group that is not the bot's own queue (a team named like a bot, "Bot inbox", "AI agent").
 * Inboxes never count: a helpdesk that files every conversation in some inbox puts the bot's chats in the
 * bot's channel inbox by default, and the adapters do not report it; only Baton's own move (its journal), an
 * assignee, a tag or a reply show such a handoff.
 */
function humanTeam(conversation: Conversation, policy: Policy, platform: Platform | undefined): { id: string; name?: string } | null {
  const t = conversation.team;
  if (!t) return null;
  return t.name && roleOf({ name: t.name }, true, identityOf(policy, platform)) === 'bot' ? null : t;
}

/** Evidence on the helpdesk that someone took the handoff after message `after` (an index), or null. */
export function handledBy(
  conversation: Conversation,
  policy: Policy,
  platform: Platform | undefined,
  after: number,
  /**
   * After a Return to bot: the escalation tags are older than the promise (kept as history) and show nothing,
   * nor do the team and assignee the conversation had while the bot held it (put back by the return).
   */
  returned?: { team?: string; assignee?: string },
): Handled | null {
  const wanted = returned ? [] : escalationTags(policy);
  const tag = conversation.tags.find((t) => wanted.includes(t.toLowerCase()));
  if (tag) return { by: 'tag', tag };
  const assignee = humanAssignee(conversation, policy, platform);
  if (assignee && assignee.id !== returned?.assignee) return { by: 'assignee', name: assignee.name ?? assignee.id };
  const team = humanTeam(conversation, policy, platform);
  if (team && team.id !== returned?.team) return { by: 'team', name: team.name ?? team.id };
  const reply = conversation.messages.findIndex((m, i) => i > after && isHumanReply(m));
  if (reply >= 0) {
    const at = conversation.messages[reply]!.createdAt;
    return { by: 'reply', messageIndex: reply, ...(at ? { at } : {}) };
  }
  return null;
}
