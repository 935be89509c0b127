import type { Conversation, ConversationRef } from '../schema/conversation';
import type { EscalationDraft } from '../schema/messages';
import type { Policy } from '../schema/policy';
import { STEP_ORDER, journalKey, type EscalationPlan, type EscalationWhy, type Journal, type StepKind } from '../schema/plan';
import type { Verdict } from '../schema/verdict';
import { newMarkerId } from '../platforms/marker';
import type { StepLayout } from '../platforms/types';

/** Turns the agent's draft into the exact plan one click will carry out. */
export function buildPlan(
  ref: ConversationRef,
  conversation: Conversation,
  draft: EscalationDraft,
  policy: Policy,
  verdict?: Verdict,
  /** The customer's requests for a human before the click (lib/followup/asks.ts `askedAtClick`). */
  asked?: EscalationWhy['asked'],
): EscalationPlan {
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
    ...(conversation.inbox?.name ? { inboxNameBefore: conversation.inbox.name } : {}),
    ...(conversation.team !== undefined ? { teamBefore: conversation.team } : {}),
    ...(conversation.assignee !== undefined ? { assigneeBefore: conversation.assignee } : {}),
    updatedStamp: conversation.updatedStamp,
    ...(conversation.botControl?.holds ? { control: conversation.botControl } : {}),
    ...(verdict ? { why: whyOf(verdict, conversation, asked) } : {}),
  };
}

function whyOf(verdict: Verdict, conversation: Conversation, asked: EscalationWhy['asked']): EscalationWhy {
  const promise = verdict.signals.find((s) => s.kind === 'bot_handed_off');
  const promisedAt = promise ? conversation.messages[promise.evidence.messageIndex]?.createdAt : undefined;
  return {
    status: verdict.status,
    signals: verdict.signals.map((s) => ({ kind: s.kind, quote: s.evidence.quote, confidence: s.confidence })),
    ...(verdict.subAgent ? { subAgent: verdict.subAgent } : {}),
    reason: verdict.reason,
    summary: verdict.summary,
    ...(promisedAt ? { promisedAt } : {}),
    ...(asked ? { asked } : {}),
  };
}

/**
 * The journal lists the steps in the order the platform sends them (`layout`, the adapter's `stepLayout`),
 * each with the request group that carries it, so the sidebar shows them as they go out.
 */
export function newJournal(plan: EscalationPlan, platformLayout: StepLayout, now = new Date()): Journal {
  const layout = plan.control?.holds ? controlFirst(platformLayout) : platformLayout;
  const skipped = (kind: StepKind) =>
    (kind === 'tags' && plan.tags.length === 0) || (kind === 'assign' && !plan.target) || (kind === 'pause' && !plan.pause);
  const grouped = layout.flatMap((steps, group) => steps.map((kind) => ({ kind, group })));
  // A step the layout leaves out still gets a line (after the rest), so it can never vanish from view.
  const left = STEP_ORDER.filter((kind) => !grouped.some((g) => g.kind === kind)).map((kind, i) => ({ kind, group: layout.length + i }));
  return {
    key: journalKey(plan.platform, plan.account, plan.conversationId),
    plan,
    steps: [...grouped, ...left].map(({ kind, group }) => ({ kind, group, status: skipped(kind) ? 'skipped' : 'pending', attempts: 0 })),
    rev: 0,
    startedAt: now.toISOString(),
  };
}

/**
 * While a bot holds the conversation through the helpdesk's switchboard, the helpdesk refuses every other
 * write until control passes: the pause (taking control) is then the first request, and the rest follows in
 * the layout's own grouping. Once control has passed the conversation sits with the agents' queue, so a note
 * that fails afterwards leaves it with the humans (the agent retries), never with nobody.
 */
function controlFirst(layout: StepLayout): StepLayout {
  const rest = layout.map((g) => g.filter((k) => k !== 'pause')).filter((g) => g.length > 0);
  return [['pause'], ...rest];
}
