import { AnswerFormatError } from './errors';
import type { LlmOutput, LlmOutputSchema } from './output';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A confidence as a number in 0–1: "0.8" and 85 (a percentage) are read as 0.8 and 0.85; anything else is no number. */
function normaliseConfidence(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() ? Number(v.trim().replace(/%$/, '')) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return undefined;
  if (n <= 1) return n;
  return n <= 100 ? n / 100 : undefined;
}

const asIndex = (v: unknown) => {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v.trim()) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
};
const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

/**
 * Reads the model's JSON field by field: a field that does not fit costs that field (its default: nothing
 * found), not the whole answer. Numbers a local model writes as percentages or strings are normalised; a
 * signal without a usable kind, index or quote is dropped alone. Only a missing or unknown `status` loses the
 * answer. The result is still checked by the zod schema (bounds, lengths), so nothing unchecked gets through.
 * `repaired` names what was normalised or dropped.
 */
export function parseAnswer(raw: unknown, schema: LlmOutputSchema): { output: LlmOutput; repaired: string[] } {
  if (!isObj(raw)) throw new AnswerFormatError('the answer is not a JSON object');
  const shape = schema.shape;
  const repaired: string[] = [];
  const field = <K extends keyof typeof shape>(key: K, value: unknown, fallback: unknown): unknown => {
    const r = shape[key].safeParse(value);
    if (r.success) return r.data;
    repaired.push(String(key));
    return fallback;
  };

  const status = shape.status.safeParse(lower(raw.status));
  if (!status.success) throw new AnswerFormatError('the answer has no valid status');

  const signals = (Array.isArray(raw.signals) ? raw.signals : []).flatMap((s, i) => {
    if (!isObj(s)) return (repaired.push(`signals.${i}`), []);
    const confidence = normaliseConfidence(s.confidence);
    if (confidence !== s.confidence) repaired.push(`signals.${i}.confidence`);
    const candidate = { kind: lower(s.kind), confidence: confidence ?? 0.5, messageIndex: asIndex(s.messageIndex), quote: s.quote };
    const one = shape.signals.element.safeParse(candidate);
    if (!one.success) return (repaired.push(`signals.${i}`), []);
    return [one.data];
  });

  const summaryIn = isObj(raw.summary) ? raw.summary : {};
  const summary = Object.fromEntries(
    Object.entries(shape.summary.shape).map(([k, s]) => {
      const r = s.safeParse(summaryIn[k] ?? null);
      if (!r.success) repaired.push(`summary.${k}`);
      return [k, r.success ? r.data : null];
    }),
  );

  const acts = Array.isArray(raw.acts)
    ? raw.acts.flatMap((a) => {
        const r = shape.acts.unwrap().element.safeParse(isObj(a) ? { ...a, messageIndex: asIndex(a.messageIndex) } : a);
        return r.success ? [r.data] : [];
      })
    : null;

  const output = schema.parse({
    status: status.data,
    signals,
    missing: field('missing', Array.isArray(raw.missing) ? raw.missing.filter((m) => typeof m === 'string') : raw.missing, []),
    suggestedQuestion: field('suggestedQuestion', raw.suggestedQuestion ?? null, null),
    subAgent: field('subAgent', raw.subAgent ?? null, null),
    sentiment: field('sentiment', lower(raw.sentiment), 'neutral'),
    urgency: field('urgency', lower(raw.urgency), 'normal'),
    summary,
    note: field('note', raw.note ?? '', ''),
    reason: field('reason', raw.reason ?? '', ''),
    acts: field('acts', acts, null),
  });
  return { output, repaired };
}
