import { recordsOf } from '@/lib/record/read';
import { findLoop, loopReason, ownerTarget } from '@/lib/routing/loop';
import type { Conversation, ConversationRef } from '@/lib/schema/conversation';
import type { CheckResult } from '@/lib/schema/messages';
import type { Journal } from '@/lib/schema/plan';
import type { Policy } from '@/lib/schema/policy';
import { contextFor } from '@/entrypoints/background/context';

type Route = CheckResult['route'];

/**
 * The loop guard on the check's route: a conversation back within the window of a Return to bot goes to the
 * human who handled it before. The account's users are asked for only then (from the adapter's cache, as the
 * sidebar's target list already is); a helpdesk that cannot list them leaves the rules' route, said so.
 */
export async function guardLoop(
  route: Route,
  ref: ConversationRef,
  conversation: Conversation,
  journal: Journal | null,
  policy: Policy,
  tabId: number | undefined,
  now = new Date(),
): Promise<Route> {
  const loop = findLoop({
    records: recordsOf(conversation).found,
    journal: journal ? { resumedAt: journal.resumedAt, record: journal.plan.record } : null,
    windowHours: policy.record.loopWindowHours,
    now,
    messages: conversation.messages,
  });
  if (!loop) return route;
  let owner = null;
  try {
    const { adapter, ctx } = await contextFor({ ...ref, conversationId: '' }, policy, tabId);
    owner = ownerTarget(loop, await adapter.listTargets(ctx), ref.platform);
  } catch {
    // No user list: the rules' route stands, and the sentence below says the owner could not be found.
  }
  const note = loop.note?.line ? { messageIndex: loop.note.messageIndex, quote: loop.note.line.slice(-48) } : undefined;
  return {
    target: owner ?? route.target,
    reason: loopReason(loop, owner) + (owner ? '' : ` (${route.reason})`),
    loop: {
      since: loop.since,
      windowHours: loop.windowHours,
      ...(loop.owner?.name || loop.owner?.id ? { owner: loop.owner.name ?? loop.owner.id } : {}),
      ...(note ? { note } : {}),
    },
  };
}
