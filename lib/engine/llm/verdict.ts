import type { Conversation } from '../../schema/conversation';
import type { Policy } from '../../schema/policy';
import { ESCALATING_SIGNALS, VerdictSchema, type Signal, type SignalKind, type Verdict, type VerdictStatus } from '../../schema/verdict';
import { extractorFor } from '../read/extract';
import { buildNote, nextStepFor, type SummaryContext } from '../write/summary';
import { clip, normalize } from '../read/text';
import { windowStart } from '../read/window';
import { SIGNALS_IN_ORDER, suggestTags } from '../../signals/registry';
import { ACT_NAMES, LLM_LIMITS, type LlmOutput } from './output';

/** Who must have written a signal's evidence; `unconfirmed` is not checked (it never escalates). */
const KIND_ROLES: Partial<Record<SignalKind, readonly ('customer' | 'bot')[]>> = Object.fromEntries(
  SIGNALS_IN_ORDER.filter((e) => e.evidenceFrom).map((e) => [e.id, e.evidenceFrom]),
);

/**
 * A quote is evidence only if it is non-empty and really in the message it points at (wording compared
 * loosely), and that message is recent, not internal and written by the role the signal is about.
 */
function grounded(conv: Conversation, from: number, kind: SignalKind, messageIndex: number, rawQuote: string): boolean {
  const m = conv.messages[messageIndex];
  if (!m || messageIndex < from || m.internal) return false;
  const roles = KIND_ROLES[kind];
  if (roles && !(roles as readonly string[]).includes(m.role)) return false;
  const quote = normalize(rawQuote)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!quote) return false;
  const text = normalize(m.text)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ');
  if (text.includes(quote)) return true;
  const words = quote.split(' ');
  const present = words.filter((w) => text.includes(w)).length;
  return words.length >= 3 && present / words.length >= 0.8;
}

/**
 * Whether the policy lets a signal count: the three switchable signals by their switch, the custom
 * instruction only when the team lead wrote one; `unconfirmed` never escalates, so it is always allowed.
 */
function allowed(policy: Policy, kind: SignalKind): boolean {
  switch (kind) {
    case 'custom_instruction':
      return policy.customInstruction.trim().length > 0;
    case 'unconfirmed':
      return true;
    default:
      return policy.signals[kind] !== false;
  }
}

const SCHEME = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|(?:javascript|vbscript|data|file):)/i;
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/:?#]|$)/i;

const TRAILING_PUNCTUATION = new Set('.,;:!?)]"\'»>');

/** Drops trailing characters of `set` with a loop: a `[…]+$` regex retries from every position of a long run. */
function trimTrailing(text: string, set: ReadonlySet<string>): string {
  let end = text.length;
  while (end > 0 && set.has(text[end - 1])) end--;
  return text.slice(0, end);
}

/**
 * Model text goes into the note the team reads; a link the conversation does not contain could only come
 * from the model or from text injected into it, so it is replaced. Checked word by word (linear time).
 */
function withoutForeignLinks(text: string, transcriptLower: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      const core = trimTrailing(word.replace(/^[("'«[<]+/, ''), TRAILING_PUNCTUATION);
      if (!core || core.includes('@') || !(SCHEME.test(core) || DOMAIN.test(core))) return word;
      return transcriptLower.includes(core.toLowerCase()) ? word : word.replace(core, '[link removed]');
    })
    .join('');
}

/**
 * A value the conversation does not contain is dropped for the fields Baton can check (emails, phone and
 * order numbers, amounts, links): the model must not invent them.
 */
function checkedValue(field: string, description: string, value: string | null, transcript: string): string | null {
  if (value === null) return null;
  const v = value.trim().slice(0, 500);
  if (!v || /^(n\/?a|none|null|unknown|not (stated|provided|mentioned|given))\.?$/i.test(v)) return null;
  const kind = extractorFor(field, description);
  if (kind && kind !== 'name' && kind !== 'date') {
    const compact = transcript.replace(/\s+/g, '');
    const digits = transcript.replace(/\D+/g, '');
    const present = (x: string) => {
      const n = normalize(x).replace(/\s+/g, '').replace(/^#/, '');
      if (!n) return true;
      return kind === 'phone' ? digits.includes(n.replace(/\D+/g, '').slice(-8)) : compact.includes(n);
    };
    if (!v.split(/[,;]\s*/).every(present)) return null;
  }
  return v;
}

const CONFIRMED_HANDOFFS: readonly SignalKind[] = ['user_requested_human', 'bot_handed_off'];

/**
 * Turns the model's answer into a Verdict, keeping Baton's guarantees whatever the model says: evidence must
 * be real and recent, signals the policy switched off (or a custom instruction it does not have) never
 * escalate, a case the offline engine sees as not confirmed yet escalates only on a confirmed signal with
 * evidence, and a handoff the offline engine found in the conversation is not dropped silently because the
 * model disagrees (a missed handoff is the costly mistake). The note is Baton's template; model text only
 * fills its fields, without links the conversation does not contain.
 */
export function toVerdict(conv: Conversation, policy: Policy, out: LlmOutput, fields: Record<string, string>, offline: Verdict): Verdict {
  const from = windowStart(conv);
  const transcript = normalize(conv.messages.map((m) => m.text).join('\n'));
  const transcriptLower = conv.messages
    .map((m) => m.text)
    .join('\n')
    .toLowerCase();
  const tidy = (text: string, max: number) => withoutForeignLinks(clip(text, max), transcriptLower);

  const signals: Signal[] = out.signals
    .filter((s) => allowed(policy, s.kind) && grounded(conv, from, s.kind, s.messageIndex, s.quote))
    .map((s) => ({ kind: s.kind, confidence: s.confidence, evidence: { messageIndex: s.messageIndex, quote: tidy(s.quote, 300) } }));
  const confirmed = signals.filter(
    (s) => ESCALATING_SIGNALS.includes(s.kind) && (offline.status !== 'unconfirmed' || s.kind !== 'custom_instruction'),
  );
  let status: VerdictStatus = out.status;
  if (status === 'escalate' && !confirmed.length) status = offline.status === 'unconfirmed' || out.missing.length ? 'unconfirmed' : 'none';
  let kept =
    status === 'escalate' ? signals.filter((s) => s.kind !== 'unconfirmed') : signals.filter((s) => !ESCALATING_SIGNALS.includes(s.kind));

  const modelReason = tidy(out.reason, LLM_LIMITS.reason);
  // The offline engine's handoff evidence, held to the same checks as the model's.
  const offlineHandoffs =
    offline.status === 'escalate'
      ? offline.signals.filter(
          (s) =>
            CONFIRMED_HANDOFFS.includes(s.kind) &&
            allowed(policy, s.kind) &&
            grounded(conv, from, s.kind, s.evidence.messageIndex, s.evidence.quote),
        )
      : [];
  let disagreement: string | undefined;
  if (status !== 'escalate' && offlineHandoffs.length) {
    // A model that said "escalate" but quoted nothing usable agreed on the call, not on the evidence.
    if (out.status !== 'escalate')
      disagreement = `The model disagreed: it judged this ${
        out.status === 'none' ? 'no escalation' : 'not confirmed yet'
      }${modelReason ? ` ("${modelReason}")` : ''}. Baton keeps the escalation on the evidence found in the conversation.`;
    status = 'escalate';
    kept = offlineHandoffs;
  }

  // The model overruled the quick (offline) check: both views are shown, never resolved silently.
  if (!disagreement && status !== offline.status) disagreement = overruled(offline, status, kept, modelReason);

  let missing =
    status === 'unconfirmed'
      ? out.missing
          .map((m) => tidy(m, LLM_LIMITS.missing))
          .filter(Boolean)
          .slice(0, LLM_LIMITS.missingItems)
      : [];
  if (status === 'unconfirmed' && !missing.length) missing = offline.missing;
  if (status === 'unconfirmed' && !kept.some((s) => s.kind === 'unconfirmed'))
    kept.push(...offline.signals.filter((s) => s.kind === 'unconfirmed'));

  const summary: Record<string, string | null> = {};
  for (const [field, description] of Object.entries(fields)) {
    const value = checkedValue(field, description, out.summary[field] ?? null, transcript);
    summary[field] = value === null ? null : tidy(value, LLM_LIMITS.summaryField);
  }

  // Tags on the conversation are authoritative for the sub agent; the model's pick must be a real one.
  const byTag = policy.subAgents.find((s) => s.tags.some((t) => conv.tags.map((x) => x.toLowerCase()).includes(t.toLowerCase())));
  const subAgent = byTag?.name ?? policy.subAgents.find((s) => s.name === out.subAgent)?.name;
  const ctx: SummaryContext = { from, status, signals: kept, missing, subAgent };
  // The model's next step was written for its own call; when Baton changed the call, Baton says what to do.
  if (status !== out.status || !summary.next_step) summary.next_step = nextStepFor(ctx);

  const suggestedTags = suggestTags(status, kept, policy.tags);
  const reason =
    status === out.status
      ? modelReason || offline.reason
      : offline.status === status
        ? offline.reason
        : status === 'unconfirmed'
          ? 'Not yet: the model suggested escalating but named no confirmed signal with evidence.'
          : 'No escalation: the model suggested escalating but named no confirmed signal with evidence.';
  const sentiment = out.sentiment;
  const urgency = out.urgency;
  const remark = tidy(out.note, LLM_LIMITS.note);
  const note = buildNote(conv, ctx, summary, {
    sentiment,
    urgency,
    reason,
    // The remark is one line with its asterisks escaped: the model cannot add headings, items or bold to the note.
    remark: disagreement ?? (remark ? `Model's remark (not checked by Baton): ${remark.replace(/\*/g, '\\*')}` : undefined),
  });
  return VerdictSchema.parse({
    escalate: status === 'escalate',
    status,
    signals: kept,
    missing,
    suggestedQuestion:
      status === 'unconfirmed'
        ? (out.suggestedQuestion ? tidy(out.suggestedQuestion, LLM_LIMITS.suggestedQuestion) : '') || offline.suggestedQuestion
        : undefined,
    subAgent,
    sentiment,
    urgency,
    summary,
    note,
    suggestedTags,
    engine: 'openai',
    reason,
    ...(disagreement ? { disagreement } : {}),
    acts: modelActs(conv, out) ?? offline.acts,
  });
}

/** The model's acts, kept only for real message indexes and known act names. */
function modelActs(conv: Conversation, out: LlmOutput): Verdict['acts'] {
  if (!out.acts?.length) return undefined;
  const acts = out.acts.flatMap((a) => {
    const m = conv.messages[a.messageIndex];
    const names = [...new Set(a.acts.filter((x) => (ACT_NAMES as readonly string[]).includes(x)))];
    if (!m || m.internal || m.role === 'agent' || !names.length) return [];
    return [{ messageIndex: a.messageIndex, role: m.role as 'customer' | 'bot', acts: names }];
  });
  return acts.length ? acts : undefined;
}

const CALL: Record<VerdictStatus, string> = { escalate: 'escalate', unconfirmed: 'not confirmed yet', none: 'no escalation' };

/** The first escalating signal of a verdict as "kind “quote”", for a sentence naming what each side saw. */
function firstEvidence(signals: Signal[]): string {
  const s = signals.find((x) => ESCALATING_SIGNALS.includes(x.kind)) ?? signals[0];
  return s ? ` (${s.kind.replace(/_/g, ' ')}: “${clip(s.evidence.quote, 120)}”)` : '';
}

/** One sentence for a model call that differs from the offline one: what each said and which one Baton shows. */
function overruled(offline: Verdict, status: VerdictStatus, kept: Signal[], modelReason: string): string {
  const model = status === 'escalate' ? firstEvidence(kept) : modelReason ? ` (“${clip(modelReason, 160)}”)` : '';
  return `The quick offline check said ${CALL[offline.status]}${firstEvidence(offline.signals)}; the model judged ${CALL[status]}${model}. Baton shows the model's call.`;
}
