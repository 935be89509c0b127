import type { Conversation } from '../schema/conversation';
import type { Policy } from '../schema/policy';
import { VerdictSchema, type Signal, type Verdict, type VerdictStatus } from '../schema/verdict';
import { narrow, widen } from './decide/apply-instruction';
import { compilePolicy } from './decide/compile';
import { topicText } from './scope/requests';
import { detectSignals } from './signals';
import { sentimentOf, shouting, urgencyOf } from './read/mood';
import type { InstructionContext } from './decide/instruction';
import { stillMissing } from './decide/missing';
import { UNNAMED_ANSWER } from './acts/types';
import { customerContent } from './read/sanitize';
import { readConversation } from './acts/sequence';
import { matchSubAgent } from './scope/judge';
import { answerTo, buildNote, buildSummary, questionFor, type SummaryContext } from './write/summary';
import { clip } from './read/text';
import { boundText } from './read/bound';
import { windowStart } from './read/window';
import { describeSignals } from './write/wording';
import { suggestTags } from '../signals/registry';

/**
 * Every reader (raw quotes, shouting, details, scope) sees the same bounded text, however long a message is.
 * Message indexes are kept, so evidence points at the message the agent sees.
 */
function boundConversation(conv: Conversation): Conversation {
  let changed = false;
  const messages = conv.messages.map((m) => {
    const text = boundText(m.text);
    if (text === m.text) return m;
    changed = true;
    return { ...m, text };
  });
  return changed ? { ...conv, messages } : conv;
}

/** The deterministic engine: no key, no network; the default. */
export function checkOffline(input: Conversation, policy: Policy): Verdict {
  const conv = boundConversation(input);
  const { scope, subAgentModels, instructions } = compilePolicy(policy, conv.scope ?? policy.scope);
  const from = windowStart(conv);
  const msgs = conv.messages;
  // Each customer message is normalised once (markup, hidden characters and injected lines removed) and shared.
  const norm: string[] = [];
  const customerNorm = (i: number) => (norm[i] ??= customerContent(msgs[i].text));

  // The customer's side of the window, for mood, urgency and the instruction.
  const customerWindow: string[] = [];
  const customerRaw: string[] = [];
  for (let i = from; i < msgs.length; i++) {
    const m = msgs[i];
    if (m.role !== 'customer' || m.internal) continue;
    customerWindow.push(customerNorm(i));
    customerRaw.push(m.text);
  }
  // Every turn read into dialogue acts; the sequence of acts gives the findings.
  const reading = readConversation(conv, from, customerNorm);
  const { pending } = reading;
  let signals: Signal[] = detectSignals({ conv, reading, scope, customerNorm }, policy.signals);

  const recent = customerWindow.slice(-10);
  const mood = sentimentOf(recent);
  const sentiment = mood !== 'positive' && customerRaw.slice(-3).some(shouting) ? 'negative' : mood;
  const urgency = urgencyOf(recent);

  // The team lead's instruction narrows or widens the decision (never the bot's replies).
  const instructionCtx = (): InstructionContext => ({
    customerText: customerWindow.join('\n'),
    signals: signals.map((s) => s.kind),
    sentiment,
    urgency,
    tags: conv.tags,
  });
  const narrowed = narrow(signals, instructions, instructionCtx);
  signals = narrowed.signals;

  let status: VerdictStatus = signals.length ? 'escalate' : 'none';
  let missing: string[] = [];
  let botQuestion: string | undefined;
  let reason = '';
  if (!signals.length && pending) {
    // A possible handoff that is not confirmed yet never escalates, whatever the instruction says.
    signals.push({
      kind: 'unconfirmed',
      confidence: pending.act.confidence,
      evidence: { messageIndex: pending.index, quote: clip(pending.act.quote) },
    });
    missing = stillMissing(pending.missing, conv, pending.index);
    // "Answer to the question" names nothing: the agent sees which question the bot is waiting on.
    if (missing.includes(UNNAMED_ANSWER)) {
      const asked = clip(pending.act.quote, 120);
      botQuestion = asked;
      missing = missing.map((m) => (m === UNNAMED_ANSWER ? answerTo(asked) : m));
    }
    status = 'unconfirmed';
    reason =
      pending.kind === 'collecting'
        ? missing.length
          ? `Not yet: the bot is still collecting the ${missing.join(', ')} before a handoff.`
          : "Not yet: the customer has sent what the bot asked for; check again after the bot's next reply."
        : pending.kind === 'offer'
          ? "Not yet: the bot offered a transfer and is waiting for the customer's answer."
          : 'Not yet: the bot only says the case might need review; check again after the next reply.';
  }
  if (status === 'none') {
    const widened = widen(conv, from, instructions, instructionCtx);
    if (widened) {
      signals.push(widened.signal);
      status = 'escalate';
      reason = `Escalate: the escalation instruction says always escalate when ${widened.instruction.topic}.`;
    }
  }
  if (!reason) {
    if (status === 'escalate') reason = `Escalate: ${describeSignals(signals)}.`;
    else if (narrowed.notes.length) reason = `No escalation: ${narrowed.notes.join('; ')}.`;
    else if (from > 0) reason = 'No escalation: a human agent is already handling this conversation.';
    else reason = 'No escalation: nothing in the conversation calls for a human.';
  }

  const subAgent = policy.subAgents.length
    ? matchSubAgent(policy.subAgents, conv.tags, topicText(conv, customerNorm), subAgentModels)?.name
    : undefined;
  const ctx: SummaryContext = { from, status, signals, missing, subAgent };
  const summary = buildSummary(conv, policy, ctx);
  return VerdictSchema.parse({
    escalate: status === 'escalate',
    status,
    signals,
    missing,
    suggestedQuestion: status === 'unconfirmed' ? questionFor(missing, botQuestion) : undefined,
    subAgent,
    sentiment,
    urgency,
    summary,
    note: buildNote(conv, ctx, summary, { sentiment, urgency, reason }),
    suggestedTags: suggestTags(status, signals, policy.tags),
    engine: 'offline',
    reason,
    acts: reading.turns
      .filter((t) => t.acts.length)
      .slice(-40)
      .map((t) => ({ messageIndex: t.index, role: t.role, acts: [...new Set(t.acts.map((a) => a.kind))] })),
  });
}
