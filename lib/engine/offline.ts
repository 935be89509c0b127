import type { Conversation } from '../schema/conversation';
import type { Policy } from '../schema/policy';
import { VerdictSchema, type Signal, type Verdict, type VerdictStatus } from '../schema/verdict';
import { findHumanRequest } from './human-request';
import { analyseBotMessage, type BotFinding } from './handoff';
import { buildScope, matchSubAgent, scopeCoverage, type ScopeModel } from './scope';
import { parseInstruction, type Instruction } from './instruction';
import { sentimentOf, urgencyOf } from './describe';
import { buildNote, buildSummary, questionFor } from './summary';
import { clip } from './text';

/** Compiled per policy (and scope override), so checking a long conversation does no repeated setup. */
const compiled = new WeakMap<Policy, Map<string, { scope: ScopeModel; instructions: Instruction[] }>>();
function compile(policy: Policy, scopeText: string) {
  let byScope = compiled.get(policy);
  if (!byScope) compiled.set(policy, (byScope = new Map()));
  let c = byScope.get(scopeText);
  if (!c) {
    c = { scope: buildScope(scopeText, policy.subAgents), instructions: parseInstruction(policy.customInstruction) };
    byScope.set(scopeText, c);
  }
  return c;
}

/** Signals count only after the last public reply of a human agent: a human already handling it is not new. */
export function windowStart(conv: Conversation): number {
  for (let i = conv.messages.length - 1; i >= 0; i--) {
    const m = conv.messages[i];
    if (m.role === 'agent' && !m.internal) return i + 1;
  }
  return 0;
}

/** The deterministic engine: no key, no network; the default. */
export function checkOffline(conv: Conversation, policy: Policy): Verdict {
  const scopeText = conv.scope ?? policy.scope;
  const { scope, instructions } = compile(policy, scopeText);
  const from = windowStart(conv);
  const signals: Signal[] = [];
  let human: { index: number; quote: string; confidence: number } | undefined;
  let bot: { index: number; finding: BotFinding } | undefined;
  let outOfScope: { index: number; quote: string; confidence: number } | undefined;
  let judgedInScope = false;

  for (let i = from; i < conv.messages.length; i++) {
    const m = conv.messages[i];
    if (m.internal) continue;
    if (m.role === 'customer') {
      const r = findHumanRequest(m.text);
      if (r) {
        human = { index: i, ...r };
        continue;
      }
      if (scope.hasScope) {
        const cov = scopeCoverage(scope, m.text);
        if (cov) {
          if (cov.covered === 0) outOfScope = { index: i, quote: clip(m.text), confidence: cov.total >= 3 ? 0.85 : cov.total === 2 ? 0.75 : 0.6 };
          else {
            judgedInScope = true;
            outOfScope = undefined;
          }
        }
      }
    } else if (m.role === 'bot') {
      const f = analyseBotMessage(m.text);
      if (f) bot = { index: i, finding: f };
    }
  }

  const enabled = policy.signals;
  if (human && enabled.user_requested_human) {
    signals.push({ kind: 'user_requested_human', confidence: human.confidence, evidence: { messageIndex: human.index, quote: clip(human.quote) } });
  }
  if (bot?.finding.kind === 'handoff' && enabled.bot_handed_off) {
    signals.push({ kind: 'bot_handed_off', confidence: bot.finding.confidence, evidence: { messageIndex: bot.index, quote: clip(bot.finding.quote) } });
  }
  if (outOfScope && !judgedInScope && enabled.out_of_scope) {
    signals.push({ kind: 'out_of_scope', confidence: outOfScope.confidence, evidence: { messageIndex: outOfScope.index, quote: outOfScope.quote } });
  }

  // The bot still collecting what the team needs, after everything else, means the handoff is pending.
  // A confirmed signal (the customer asked, the bot handed off) wins over a bot that is still asking questions.
  const pending = bot && (bot.finding.kind === 'collecting' || bot.finding.kind === 'vague') && signals.length === 0;
  let missing: string[] = [];
  let status: VerdictStatus;
  let reason: string;
  if (pending && (bot!.finding.kind === 'collecting' || signals.length === 0)) {
    signals.push({ kind: 'unconfirmed', confidence: bot!.finding.confidence, evidence: { messageIndex: bot!.index, quote: clip(bot!.finding.quote) } });
    missing = bot!.finding.kind === 'collecting' ? bot!.finding.missing : [];
    status = 'unconfirmed';
    reason =
      bot!.finding.kind === 'collecting'
        ? `Not yet: the bot is still collecting ${missing.join(', ')} before a handoff.`
        : 'Not yet: the bot only says the case might need review; check again after the next reply.';
  } else if (signals.length) {
    status = 'escalate';
    reason = `Escalate: ${signals.map((s) => describeKind(s.kind)).join(' and ')}.`;
  } else {
    status = 'none';
    reason = from > 0 ? 'No escalation: a human agent is already handling this conversation.' : 'No escalation: nothing in the conversation calls for a human.';
  }

  // The team lead's instruction narrows or widens the decision (never the bot's replies).
  const windowText = conv.messages.slice(from).filter((m) => !m.internal && m.role !== 'agent').map((m) => m.text).join('\n');
  const only = instructions.filter((x) => x.mode === 'only');
  if (status === 'escalate' && only.length && !only.some((x) => x.matches(windowText))) {
    status = 'none';
    reason = `No escalation: the escalation instruction says only escalate when ${only.map((x) => x.topic).join(' or ')}, and this conversation is not about that.`;
  }
  const never = instructions.find((x) => x.mode === 'never' && x.matches(windowText));
  if (status === 'escalate' && never) {
    status = 'none';
    reason = `No escalation: the escalation instruction says never escalate when ${never.topic}.`;
  }
  const always = instructions.find((x) => x.mode === 'always' && x.matches(windowText));
  if (status === 'none' && always) {
    const idx = conv.messages.findIndex((m, i) => i >= from && !m.internal && always.matches(m.text));
    signals.push({ kind: 'custom_instruction', confidence: 0.8, evidence: { messageIndex: Math.max(idx, from), quote: clip(conv.messages[Math.max(idx, from)]?.text ?? '') } });
    status = 'escalate';
    reason = `Escalate: the escalation instruction says always escalate when ${always.topic}.`;
  }

  const customerText = conv.messages.filter((m) => m.role === 'customer' && !m.internal).map((m) => m.text).join('\n');
  const subAgent = matchSubAgent(policy.subAgents, conv.tags, customerText)?.name;
  const sentiment = sentimentOf(conv, from);
  const urgency = urgencyOf(conv, from);
  const summary = buildSummary(conv, policy, from, status, signals, missing, subAgent);
  const note = buildNote(conv, status, signals, summary, missing, { subAgent, sentiment, urgency });
  const suggestedTags: string[] = [];
  if (status === 'escalate') {
    suggestedTags.push(...policy.tags.escalation);
    if (policy.tags.suggest) {
      if (signals.some((s) => s.kind === 'user_requested_human')) suggestedTags.push('sys_human_help');
      if (signals.some((s) => s.kind === 'bot_handed_off')) suggestedTags.push('sys_human_follow_up');
    }
  }
  return VerdictSchema.parse({
    escalate: status === 'escalate',
    status,
    signals,
    missing,
    suggestedQuestion: status === 'unconfirmed' ? questionFor(missing) : undefined,
    subAgent,
    sentiment,
    urgency,
    summary,
    note,
    suggestedTags: [...new Set(suggestedTags)],
    engine: 'offline',
    reason,
  });
}

function describeKind(kind: Signal['kind']): string {
  return {
    user_requested_human: 'the customer asked for a human',
    bot_handed_off: 'the bot handed the case off',
    out_of_scope: "the request is outside the bot's scope",
    unconfirmed: 'a possible handoff',
    custom_instruction: 'the escalation instruction applies',
  }[kind];
}
