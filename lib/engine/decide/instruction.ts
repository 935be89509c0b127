import type { SignalKind } from '../../schema/verdict';
import { buildScope, contentStems, isGeneric, type ScopeModel } from '../scope/judge';
import { normalize } from '../read/text';
import { NEGATIVE_MOOD_WORDS, URGENCY_MENTION } from '../read/mood-words';

/**
 * The team lead's customized escalation instruction, read offline in its common forms:
 * "Only escalate when/if …", "Never/Don't escalate when/if …", "Always escalate when/if …", "Escalate … only".
 * What follows the condition is one of: a signal ("the customer asks for a human", "out of scope"), a mood
 * ("the customer is angry"), urgency, a tag, or a topic matched like a tiny scope with synonyms, so that
 * "payment issue" also covers "charged twice" and "card declined". Anything else is left to the OpenAI engine.
 */
type Condition =
  | { kind: 'signal'; signal: SignalKind }
  | { kind: 'sentiment'; value: 'negative' | 'positive' }
  | { kind: 'urgency'; value: 'high' }
  | { kind: 'tag'; tag: string }
  | { kind: 'topic'; model: ScopeModel; stems: string[] };

export interface Instruction {
  mode: 'only' | 'never' | 'always';
  /** The condition as the team lead wrote it, for reasons and notes. */
  topic: string;
  condition: Condition;
}

export interface InstructionContext {
  /** The customer's words after the last human reply. */
  customerText: string;
  signals: SignalKind[];
  sentiment: 'negative' | 'neutral' | 'positive';
  urgency: 'low' | 'normal' | 'high';
  tags: string[];
}

const FORMS: [RegExp, Instruction['mode']][] = [
  [/\b(?:only|just) escalate\b(.*)$/, 'only'],
  [/\bescalate (?:only|just)\b(.*)$/, 'only'],
  [/\bescalate\b(.*)\bonly$/, 'only'],
  [/\b(?:never|don'?t|do not|no need to|should not|shouldn'?t) escalate\b(.*)$/, 'never'],
  [/\bno escalation (?:for|when|if)\b(.*)$/, 'never'],
  [/\b(?:always|also|do) escalate\b(.*)$/, 'always'],
  [/^escalate\b(.*)$/, 'always'],
  [/^(?:when|if|whenever)\b(.*?)\b,? (?:always )?escalate\b/, 'always'],
];

const LEAD =
  /^(?:\s*(?:when|if|whenever|for|on|where|in case|in cases where|cases where|conversations where|chats where|requests|conversations|chats|tickets|about|regarding|those|that|which|are|is)\b)+/;
const SUBJECT =
  /\b(?:the |a )?(?:user|customer|client|shopper|buyer|caller|person|they|he|she)(?:'s)?(?: (?:has|have|had|is|are|was|mentions?|says?|asks?(?: for| about)?|is asking(?: for| about)?|talks? about|reports?|raises?|brings? up|writes? about|complains? about|needs?|wants?|requests?|with|a|an|the))*\b/g;

function conditionFor(topic: string): Condition {
  const t = topic;
  if (
    /\b(asks?|requests?|wants?|demands?|needs?)\b.{0,20}\b(human|agent|person|representative|someone|manager|operator)\b|\buser_requested_human\b/.test(
      t,
    )
  )
    return { kind: 'signal', signal: 'user_requested_human' };
  if (/\bout[ -]of[ -]scope\b|\boff[ -]topic\b|\boutside (the |its |our )?(bot'?s? )?scope\b|\bout_of_scope\b/.test(t))
    return { kind: 'signal', signal: 'out_of_scope' };
  if (
    /\bbot\b.{0,30}\b(hands? off|handed off|transfers?|escalates?|gives up|can'?t help|cannot help)\b|\bbot_handed_off\b|\bhandoffs?\b/.test(
      t,
    )
  )
    return { kind: 'signal', signal: 'bot_handed_off' };
  if (NEGATIVE_MOOD_WORDS.test(t)) return { kind: 'sentiment', value: 'negative' };
  if (URGENCY_MENTION.test(t)) return { kind: 'urgency', value: 'high' };
  const tag = /\btagged (?:as |with )?["']?([\w:-]+)|\btag ["']?([\w:-]+)/.exec(t);
  if (tag) return { kind: 'tag', tag: (tag[1] ?? tag[2]).toLowerCase() };
  const cleaned = t
    .replace(SUBJECT, ' ')
    .replace(
      /\b(issues?|problems?|questions?|requests?|topics?|matters?|things?|related|about|regarding|concerning|inquir(y|ies)|queries|query|cases?)\b/g,
      ' ',
    );
  // The team lead chose these words, so even common ones ("payment", "order") count here.
  const stems = contentStems(cleaned);
  return { kind: 'topic', model: buildScope(cleaned, []), stems };
}

export function parseInstruction(raw: string): Instruction[] {
  const out: Instruction[] = [];
  for (const part of normalize(raw).split(/[.;\n!]+|,? (?:but|and|except) (?=(?:only|never|always|don'?t|do not|escalate)\b)/)) {
    const s = part.trim();
    for (const [re, mode] of FORMS) {
      const m = re.exec(s);
      if (!m) continue;
      const topic = (m[1] ?? '').trim().replace(LEAD, '').trim();
      if (!topic) break;
      const condition = conditionFor(topic);
      if (condition.kind === 'topic' && !condition.stems.length) break;
      out.push({ mode, topic, condition });
      break;
    }
  }
  return out;
}

/** Does the condition hold for this conversation? */
export function holds(ins: Instruction, ctx: InstructionContext): boolean {
  const c = ins.condition;
  switch (c.kind) {
    case 'signal':
      return ctx.signals.includes(c.signal);
    case 'sentiment':
      return ctx.sentiment === c.value;
    case 'urgency':
      return ctx.urgency === c.value;
    case 'tag':
      return ctx.tags.some((t) => t.toLowerCase() === c.tag);
    case 'topic': {
      // A common word of the topic ("ask", "issue") only counts when the topic has nothing more specific.
      const specific = c.stems.some((s) => !isGeneric(s));
      const words = contentStems(ctx.customerText);
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (c.model.direct.has(w) && (!specific || !isGeneric(w))) return true;
        if (c.model.related.has(w) && !isGeneric(w)) return true;
        if (i > 0 && c.model.relatedPairs.has(`${words[i - 1]} ${w}`)) return true;
      }
      return false;
    }
  }
}
