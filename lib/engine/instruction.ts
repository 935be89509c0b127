import { contentStems } from './text';
import { buildScope } from './scope';

/**
 * The team lead's customized escalation instruction, read offline in its common forms:
 * "Only escalate when/if …", "Never/Don't escalate when/if …", "Always escalate when/if …".
 * The topic after the condition is matched like a tiny scope (with related words), so "payment issue"
 * also covers "charged twice" and "card declined". Anything else is left to the OpenAI engine.
 */
export interface Instruction {
  mode: 'only' | 'never' | 'always';
  topic: string;
  matches(text: string): boolean;
}

export function parseInstruction(raw: string): Instruction[] {
  const out: Instruction[] = [];
  for (const part of raw.split(/[.;\n]+/)) {
    const s = part.trim().toLowerCase();
    const m =
      /\b(only|never|don'?t|do not|always)\s+escalate\b(?:\s+(?:when|if|for|on|where|in case)\b)?\s*(.*)$/.exec(s) ??
      /\bescalate\s+only\s+(?:when|if|for)\s+(.*)$/.exec(s)?.map((x, i) => (i === 1 ? 'only' : x));
    if (!m) continue;
    const mode = m[1] === 'only' ? 'only' : m[1] === 'always' ? 'always' : 'never';
    const topic = (m[2] ?? '').replace(/\b(the )?(user|customer|client)( has| have| is| mentions| asks about| reports)?( a| an)?\b/g, '').trim();
    if (!topic) continue;
    const model = buildScope(topic, []);
    out.push({
      mode,
      topic,
      matches: (text) => contentStems(text).some((w) => model.vocabulary.has(w)),
    });
  }
  return out;
}
