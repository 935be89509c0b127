import type { Conversation, ConversationRef } from '../schema/conversation';
import type { EscalationDraft } from '../schema/messages';
import type { Policy } from '../schema/policy';
import { STEP_ORDER, journalKey, type EscalationPlan, type Journal, type StepKind } from '../schema/plan';
import { newMarkerId } from '../platforms/marker';

/** Turns the agent's draft into the exact plan one click will carry out. */
export function buildPlan(ref: ConversationRef, conversation: Conversation, draft: EscalationDraft, policy: Policy): EscalationPlan {
  return {
    platform: ref.platform,
    account: ref.account,
    conversationId: conversation.id || ref.conversationId,
    tags: [...new Set(draft.tags.map((t) => t.trim()).filter(Boolean))],
    note: draft.note,
    noteMarker: newMarkerId(),
    target: draft.target,
    routeReason: draft.routeReason,
    pause: draft.suspend ? policy.suspend.pause[ref.platform] : null,
    tagsBefore: conversation.tags,
    inboxBefore: conversation.inbox?.id,
    updatedStamp: conversation.updatedStamp,
  };
}

export function newJournal(plan: EscalationPlan, now = new Date()): Journal {
  const skipped = (kind: StepKind) =>
    (kind === 'tags' && plan.tags.length === 0) || (kind === 'assign' && !plan.target) || (kind === 'pause' && !plan.pause);
  return {
    key: journalKey(plan.platform, plan.account, plan.conversationId),
    plan,
    steps: STEP_ORDER.map((kind) => ({ kind, status: skipped(kind) ? 'skipped' : 'pending', attempts: 0 })),
    startedAt: now.toISOString(),
  };
}
