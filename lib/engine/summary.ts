import type { Conversation } from '../schema/conversation';
import type { Policy } from '../schema/policy';
import type { Signal, VerdictStatus } from '../schema/verdict';
import { EXTRACTORS, countFor, extractorFor, placeFor } from './extract';
import { clip, sentences } from './text';

export const DEFAULT_FIELDS: Record<string, string> = {
  issue: "the customer's issue in one sentence",
  customer_details: 'contact details and identifiers the customer gave',
  steps_taken: 'what the bot has already done or said',
  next_step: 'what the human team should do next',
};

const SIGNAL_TEXT: Record<string, string> = {
  user_requested_human: 'Customer asked for a human',
  bot_handed_off: 'Bot handed off',
  out_of_scope: "Outside the bot's scope",
  unconfirmed: 'Possible escalation, not confirmed',
  custom_instruction: 'Matches the team lead’s escalation instruction',
};

export function nextStepFor(status: VerdictStatus, signals: Signal[], missing: string[], subAgent?: string): string {
  if (status === 'unconfirmed') return missing.length ? `Let the bot collect the ${missing.join(', ')}, then check again.` : 'Check again after the next reply; nothing is confirmed yet.';
  if (status === 'none') return 'No action needed; the bot can continue.';
  const kinds = signals.map((s) => s.kind);
  if (kinds.includes('out_of_scope')) return 'Reply personally: the request is outside what the bot handles.';
  if (kinds.includes('bot_handed_off')) return `Pick up the case the bot handed off${subAgent ? ` (${subAgent})` : ''} and follow up with the customer.`;
  return `Take over the conversation${subAgent ? ` (${subAgent})` : ''} and reply to the customer.`;
}

export function buildSummary(
  conv: Conversation,
  policy: Policy,
  from: number,
  status: VerdictStatus,
  signals: Signal[],
  missing: string[],
  subAgent?: string,
): Record<string, string | null> {
  const customer = conv.messages.filter((m) => m.role === 'customer' && !m.internal);
  const customerText = customer.map((m) => m.text).join('\n');
  const firstRequest = customer.find((m) => m.text.trim().length > 0);
  const details = [...EXTRACTORS.email(customerText), ...EXTRACTORS.phone(customerText), ...EXTRACTORS.order(customerText).map((o) => `order ${o}`)];
  const botSteps = conv.messages
    .slice(from)
    .filter((m) => m.role === 'bot' && !m.internal)
    .map((m) => clip(sentences(m.text)[0] ?? m.text, 100));
  const out: Record<string, string | null> = {
    issue: firstRequest ? clip(firstRequest.text, 200) : null,
    customer_details: details.length ? [...new Set(details)].join(', ') : null,
    steps_taken: botSteps.length ? botSteps.slice(-3).join(' · ') : null,
    next_step: nextStepFor(status, signals, missing, subAgent),
  };
  for (const [field, description] of Object.entries(policy.summarySchema)) {
    if (field in DEFAULT_FIELDS) continue;
    const kind = extractorFor(field, description);
    const values = kind ? EXTRACTORS[kind](customerText) : [];
    out[field] = values.length ? [...new Set(values)].join(', ') : (countFor(field, customerText) ?? placeFor(field, description, customerText));
  }
  return out;
}

/** The escalation note: readable as plain text and as Markdown. Customer text is quoted, never formatted. */
export function buildNote(
  conv: Conversation,
  status: VerdictStatus,
  signals: Signal[],
  summary: Record<string, string | null>,
  missing: string[],
  meta: { subAgent?: string; sentiment: string; urgency: string },
): string {
  const head = status === 'escalate' ? 'Escalation' : status === 'unconfirmed' ? 'Possible escalation (not confirmed)' : 'No escalation needed';
  const lines = [`**${head}**${conv.subject ? ` — ${conv.subject}` : ''}`, '', `Issue: ${summary.issue ?? 'not stated'}`];
  if (signals.length) {
    lines.push('', 'Why:');
    for (const s of signals) {
      const who = conv.messages[s.evidence.messageIndex]?.role ?? 'message';
      lines.push(`- ${SIGNAL_TEXT[s.kind]} (${Math.round(s.confidence * 100)}%): "${s.evidence.quote}" — ${who}`);
    }
  }
  if (missing.length) lines.push('', `Still missing: ${missing.join(', ')}`);
  if (summary.customer_details) lines.push('', `Customer details: ${summary.customer_details}`);
  lines.push('', `Sub agent: ${meta.subAgent ?? 'none recognised'} · Sentiment: ${meta.sentiment} · Urgency: ${meta.urgency}`);
  lines.push('', `Next step: ${summary.next_step}`);
  return lines.join('\n');
}

export function questionFor(missing: string[]): string | undefined {
  if (!missing.length) return undefined;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  return `So our team can take this further, could you share your ${list}?`;
}
