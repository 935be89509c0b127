import type { Conversation } from '../../schema/conversation';
import type { Policy } from '../../schema/policy';
import type { Signal, VerdictStatus } from '../../schema/verdict';
import { EXTRACTORS, countFor, extractorFor, placeFor } from '../read/extract';
import { customerDisplay } from '../read/sanitize';
import { contentStems } from '../scope/judge';
import { clean, clip, sentences } from '../read/text';
import { SIGNALS, SIGNALS_IN_ORDER } from '../../signals/registry';
import { listText } from './wording';

/** Fields every summary has, whatever the team lead adds; their own entries may reword the descriptions. */
export const DEFAULT_FIELDS: Record<string, string> = {
  issue: "the customer's issue in one sentence",
  customer_details: 'contact details and identifiers the customer gave (email, phone, order number, name)',
  steps_taken: 'what the bot has already done or said',
  next_step: 'what the human team should do next',
};

export interface SummaryContext {
  from: number;
  status: VerdictStatus;
  signals: Signal[];
  missing: string[];
  subAgent?: string;
}

export function nextStepFor(ctx: SummaryContext): string {
  const { status, signals, missing, subAgent } = ctx;
  const team = subAgent ? ` (${subAgent})` : '';
  if (status === 'unconfirmed')
    return missing.length
      ? `Let the bot collect the ${listText(missing)}, then check again.`
      : 'Check again after the next reply; nothing is confirmed yet.';
  if (status === 'none')
    return ctx.from > 0 ? 'No action needed; a human agent is already on this conversation.' : 'No action needed; the bot can continue.';
  const first = SIGNALS_IN_ORDER.find((e) => e.escalates && signals.some((s) => s.kind === e.id)) ?? SIGNALS.custom_instruction;
  return first.nextStep(team);
}

const EXTRACT_HEAD = 25;
const EXTRACT_TAIL = 100;

/** The customer's first substantive message: what the conversation is about. */
function firstRequest(customerRaw: string[]): string | null {
  let fallback: string | null = null;
  for (const raw of customerRaw) {
    const t = customerDisplay(raw);
    if (!t) continue;
    fallback ??= t;
    if (contentStems(t).length >= 2) return clip(t, 200);
  }
  return fallback ? clip(fallback, 200) : null;
}

export function buildSummary(conv: Conversation, policy: Policy, ctx: SummaryContext): Record<string, string | null> {
  const customerRaw = conv.messages.filter((m) => m.role === 'customer' && !m.internal).map((m) => m.text);
  // Details come with the first requests and the latest turns; in a very long conversation the middle is left
  // out of extraction so a check stays fast (values are still only ever copied, never guessed).
  const scanned =
    customerRaw.length <= EXTRACT_HEAD + EXTRACT_TAIL
      ? customerRaw
      : [...customerRaw.slice(0, EXTRACT_HEAD), ...customerRaw.slice(-EXTRACT_TAIL)];
  const customerText = customerDisplay(scanned.join('\n'));
  const details = [
    ...EXTRACTORS.name(customerText),
    ...EXTRACTORS.email(customerText),
    ...EXTRACTORS.phone(customerText),
    ...EXTRACTORS.order(customerText).map((o) => `order ${o}`),
  ];
  const botSteps: string[] = [];
  for (let i = conv.messages.length - 1; i >= ctx.from && botSteps.length < 3; i--) {
    const m = conv.messages[i];
    if (m.role !== 'bot' || m.internal) continue;
    // The first sentence that says something ("Sorry about that!" does not).
    const sents = sentences(clean(m.text));
    const first = clip(sents.find((x) => x.split(/\s+/).length >= 5) ?? sents[0] ?? '', 100);
    if (first) botSteps.unshift(first);
  }
  const out: Record<string, string | null> = {
    issue: firstRequest(customerRaw),
    customer_details: details.length ? [...new Set(details)].join(', ') : null,
    steps_taken: botSteps.length ? botSteps.join(' · ') : null,
    next_step: nextStepFor(ctx),
  };
  for (const [field, description] of Object.entries(policy.summarySchema)) {
    if (field in DEFAULT_FIELDS) continue;
    const kind = extractorFor(field, description);
    const values = kind ? EXTRACTORS[kind](customerText) : [];
    out[field] = values.length
      ? [...new Set(values)].join(', ')
      : (countFor(field, customerText) ?? placeFor(field, description, customerText));
  }
  return out;
}

/** The escalation note: readable as plain text and as Markdown. Customer text is quoted, never formatted. */
export function buildNote(
  conv: Conversation,
  ctx: SummaryContext,
  summary: Record<string, string | null>,
  meta: { sentiment: string; urgency: string; reason: string; remark?: string },
): string {
  const head =
    ctx.status === 'escalate'
      ? 'Escalation'
      : ctx.status === 'unconfirmed'
        ? 'Possible escalation (not confirmed yet)'
        : 'No escalation needed';
  const lines = [
    `**${head}**${conv.subject ? ` — ${oneLine(conv.subject)}` : ''}`,
    '',
    `Issue: ${summary.issue ? oneLine(summary.issue) : 'not stated'}`,
  ];
  if (ctx.signals.length) {
    lines.push('', 'Evidence:');
    for (const s of ctx.signals) {
      const who = conv.messages[s.evidence.messageIndex]?.role ?? 'message';
      lines.push(`- ${SIGNALS[s.kind].label} (${who}, message ${s.evidence.messageIndex + 1}): "${oneLine(s.evidence.quote)}"`);
    }
  } else lines.push('', `Why: ${meta.reason}`);
  if (ctx.missing.length) lines.push('', `Still missing: ${ctx.missing.join(', ')}`);
  if (summary.customer_details) lines.push('', `Customer details: ${oneLine(summary.customer_details)}`);
  const extra = Object.entries(summary).filter(([k, v]) => !(k in DEFAULT_FIELDS) && v);
  if (extra.length) {
    lines.push('', 'Details:');
    for (const [k, v] of extra) lines.push(`- ${k.replace(/_/g, ' ')}: ${oneLine(v!)}`);
  }
  if (meta.remark) lines.push('', oneLine(meta.remark));
  lines.push('', `Sub agent: ${ctx.subAgent ?? 'none recognised'} · Sentiment: ${meta.sentiment} · Urgency: ${meta.urgency}`);
  lines.push('', `Next step: ${summary.next_step}`);
  return lines.join('\n');
}

/** Customer text stays on one line and cannot become a link, HTML or code inside the note; emails stay copyable. */
function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[`<>[\]]/g, (c) => `\\${c}`)
    .trim();
}

/** How `missing` lists the bot's own question when it names no detail: the agent sees what the bot is waiting on. */
export function answerTo(botQuestion: string): string {
  return `answer to “${botQuestion}”`;
}

/**
 * What the agent can ask to move the case on. `botQuestion`: the bot's own question that names no detail ("Was the
 * outer box damaged?"), listed in `missing` as `answer to “…”`; it is asked again as the bot put it.
 */
export function questionFor(missing: string[], botQuestion?: string): string | undefined {
  const asked = botQuestion ? answerTo(botQuestion) : undefined;
  const items = missing.filter((m) => m !== 'customer confirmation' && m !== asked);
  if (asked && missing.includes(asked))
    return items.length ? `So our team can take this further, could you share your ${listText(items)}? ${botQuestion}` : botQuestion;
  if (!items.length) return missing.includes('customer confirmation') ? 'Would you like me to connect you with our team?' : undefined;
  if (items.length === 1 && items[0] === 'details of the issue')
    return 'So our team can take this further, could you describe the issue in a bit more detail?';
  return `So our team can take this further, could you share your ${listText(items)}?`;
}
