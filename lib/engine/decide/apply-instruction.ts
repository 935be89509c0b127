import type { Conversation } from '../../schema/conversation';
import type { Signal } from '../../schema/verdict';
import { holds, type Instruction, type InstructionContext } from './instruction';
import { customerContent } from '../read/sanitize';
import { clean, clip } from '../read/text';
import { SIGNALS } from '../../signals/registry';
import { describeSignals } from '../write/wording';

/**
 * "Only escalate when …" and "Never escalate …" narrow the decision: signals they rule out are dropped, and
 * each drop is explained (it goes into the reason). They never touch an unconfirmed case or the bot's replies.
 */
export function narrow(
  signals: Signal[],
  instructions: Instruction[],
  ctx: () => InstructionContext,
): { signals: Signal[]; notes: string[] } {
  const notes: string[] = [];
  let kept = signals;
  const only = instructions.filter((x) => x.mode === 'only');
  if (kept.length && only.length) {
    const allowedKinds = only.flatMap((x) => (x.condition.kind === 'signal' ? [x.condition.signal] : []));
    if (!only.some((x) => x.condition.kind !== 'signal' && holds(x, ctx()))) {
      const allowed = kept.filter((s) => allowedKinds.includes(s.kind));
      if (allowed.length < kept.length) {
        notes.push(
          `${describeSignals(kept.filter((s) => !allowed.includes(s)))}, but the escalation instruction says to escalate only ${only.map((x) => `when ${x.topic}`).join(' or ')}`,
        );
      }
      kept = allowed;
    }
  }
  for (const never of instructions.filter((x) => x.mode === 'never')) {
    if (!kept.length) break;
    if (never.condition.kind === 'signal') {
      const sig = never.condition.signal;
      if (kept.some((s) => s.kind === sig)) {
        notes.push(`${SIGNALS[sig].clause}, but the escalation instruction says never to escalate ${never.topic}`);
        kept = kept.filter((s) => s.kind !== sig);
      }
    } else if (holds(never, ctx())) {
      notes.push(`${describeSignals(kept)}, but the escalation instruction says never to escalate when ${never.topic}`);
      kept = [];
    }
  }
  return { signals: kept, notes };
}

/** "Always escalate when …" widens: a matching conversation escalates with the instruction as its signal. */
export function widen(
  conv: Conversation,
  from: number,
  instructions: Instruction[],
  ctx: () => InstructionContext,
): { signal: Signal; instruction: Instruction } | null {
  const always = instructions.find((x) => x.mode === 'always' && x.condition.kind !== 'signal' && holds(x, ctx()));
  if (!always) return null;
  const idx = evidenceFor(conv, from, always);
  return {
    instruction: always,
    signal: {
      kind: 'custom_instruction',
      confidence: 0.8,
      evidence: { messageIndex: idx, quote: clip(clean(conv.messages[idx]?.text ?? '')) },
    },
  };
}

/** The latest customer message in the window the condition holds for (any, for moods and tags). */
function evidenceFor(conv: Conversation, from: number, ins: Instruction): number {
  for (let i = conv.messages.length - 1; i >= from; i--) {
    const m = conv.messages[i];
    if (m.role !== 'customer' || m.internal) continue;
    if (
      ins.condition.kind !== 'topic' ||
      holds(ins, { customerText: customerContent(m.text), signals: [], sentiment: 'neutral', urgency: 'normal', tags: [] })
    )
      return i;
  }
  return Math.max(from, conv.messages.length - 1, 0);
}
