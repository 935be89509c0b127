import type { Conversation, ConversationRef } from '../schema/conversation';
import type { EscalationDraft } from '../schema/messages';
import type { Policy } from '../schema/policy';
import { STEP_ORDER, journalKey, type EscalationPlan, type EscalationWhy, type Journal, type StepKind } from '../schema/plan';
import type { Verdict } from '../schema/verdict';
import type { HandoffRecord } from '../schema/record';
import { newMarkerId } from '../platforms/marker';
import type { StepLayout } from '../platforms/types';
import { buildRecord, reasonTag, type RecordTimeline } from '../record/build';
import { recordNoteLine } from '../record/codec';

/** What the plan's handoff record needs beyond the draft and the verdict. */
export interface PlanContext {
  /** The helpdesk user Baton writes as, when known. */
  agent?: { id?: string; name?: string } | null;
  /** A re-escalation within the loop guard's window (lib/routing/loop.ts). */
  loop?: boolean;
  /** The customer's asks before the click, from the conversation's timeline. */
  timeline?: RecordTimeline;
  now?: Date;
}

/**
 * Turns the agent's draft into the exact plan one click will carry out. The handoff record is decided here,
 * once: its line ends the note and its reason tag joins the tags, so they ride in the requests the handoff
 * already makes, and a retry sends the very same note (the marker still finds it).
 */
export function buildPlan(
  ref: ConversationRef,
  conversation: Conversation,
  draft: EscalationDraft,
  policy: Policy,
  verdict?: Verdict,
  context: PlanContext = {},
): EscalationPlan {
  const why = verdict ? whyOf(verdict, conversation) : undefined;
  const record = buildRecord({
    kind: 'escalated',
    at: context.now ?? new Date(),
    platform: ref.platform,
    signals: why?.signals ?? [],
    override: !!why && why.status !== 'escalate',
    subAgent: why?.subAgent,
    promisedAt: why?.promisedAt,
    agent: context.agent,
    target: draft.target,
    loop: context.loop,
    timeline: context.timeline,
  });
  const tag = reasonTag(policy.record, record.reason);
  return {
    platform: ref.platform,
    account: ref.account,
    conversationId: conversation.id || ref.conversationId,
    tags: [...new Set([...draft.tags, ...(tag ? [tag] : [])].map((t) => t.trim()).filter(Boolean))],
    note: withRecord(draft.note, record),
    noteMarker: newMarkerId(),
    target: draft.target,
    routeReason: draft.routeReason,
    pause: draft.suspend ? policy.suspend.pause[ref.platform] : null,
    tagsBefore: conversation.tags,
    inboxBefore: conversation.inbox?.id,
    updatedStamp: conversation.updatedStamp,
    ...(conversation.botControl?.holds ? { control: conversation.botControl } : {}),
    ...(why ? { why } : {}),
    record,
  };
}

/** The note with the record as its last line (after a blank line, so every renderer keeps it a paragraph of its own). */
export function withRecord(note: string, record: HandoffRecord): string {
  return `${note.trimEnd()}\n\n${recordNoteLine(record)}`;
}

function whyOf(verdict: Verdict, conversation: Conversation): EscalationWhy {
  const promise = verdict.signals.find((s) => s.kind === 'bot_handed_off');
  const promisedAt = promise ? conversation.messages[promise.evidence.messageIndex]?.createdAt : undefined;
  return {
    status: verdict.status,
    signals: verdict.signals.map((s) => ({ kind: s.kind, quote: s.evidence.quote, confidence: s.confidence })),
    ...(verdict.subAgent ? { subAgent: verdict.subAgent } : {}),
    reason: verdict.reason,
    summary: verdict.summary,
    ...(promisedAt ? { promisedAt } : {}),
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
