import type { Verdict } from '../schema/verdict';
import { SIGNALS_IN_ORDER } from '../signals/registry';

export interface Labelled {
  expected: { escalate: boolean; signal: string };
  source?: string;
}

export interface EvalReport {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Items labelled `unconfirmed` that the engine escalated: must be 0. */
  unconfirmedEscalated: number;
  /** Per expected signal: how often the verdict got that signal right (see signalCorrect). */
  perSignal: Record<string, { n: number; correct: number; accuracy: number }>;
  /** Expected signal × signal the verdict gave (see gotSignal): counts. */
  confusion: Record<string, Record<string, number>>;
  /** The same figures per item source, when items name one. */
  perSource: Record<string, { n: number; precision: number; recall: number; f1: number; unconfirmedEscalated: number; correct: number }>;
}

/** The one signal a verdict stands for in the confusion matrix: the expected one when present, else the strongest. */
function gotSignal(expected: string, v: Verdict): string {
  if (v.status === 'none') return 'none';
  if (v.status === 'unconfirmed') return 'unconfirmed';
  const kinds = v.signals.map((s) => s.kind as string);
  if (kinds.includes(expected)) return expected;
  return SIGNALS_IN_ORDER.find((e) => e.escalates && kinds.includes(e.id))?.id ?? 'none';
}

function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * An escalating label is right when the verdict escalates and names that signal; `unconfirmed` when the verdict
 * is unconfirmed; `none` when it is none.
 */
function signalCorrect(expected: string, v: Verdict): boolean {
  if (expected === 'none') return v.status === 'none';
  if (expected === 'unconfirmed') return v.status === 'unconfirmed';
  return v.escalate && v.signals.some((s) => s.kind === expected);
}

/** Scores verdicts against labels: escalate P/R/F1, per-signal accuracy, escalated unconfirmed items. */
export function score(items: { label: Labelled; verdict: Verdict }[]): EvalReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let unconfirmedEscalated = 0;
  const perSignal: EvalReport['perSignal'] = {};
  const confusion: EvalReport['confusion'] = {};
  const bySource = new Map<string, { n: number; tp: number; fp: number; fn: number; unconfirmedEscalated: number; correct: number }>();
  for (const { label, verdict } of items) {
    const exp = label.expected;
    const src = label.source
      ? (bySource.get(label.source) ?? { n: 0, tp: 0, fp: 0, fn: 0, unconfirmedEscalated: 0, correct: 0 })
      : undefined;
    if (src && label.source) bySource.set(label.source, src);
    if (src) src.n++;
    if (verdict.escalate && exp.escalate) {
      tp++;
      if (src) src.tp++;
    } else if (verdict.escalate) {
      fp++;
      if (src) src.fp++;
    } else if (exp.escalate) {
      fn++;
      if (src) src.fn++;
    }
    if (exp.signal === 'unconfirmed' && verdict.escalate) {
      unconfirmedEscalated++;
      if (src) src.unconfirmedEscalated++;
    }
    const p = (perSignal[exp.signal] ??= { n: 0, correct: 0, accuracy: 0 });
    p.n++;
    const right = signalCorrect(exp.signal, verdict);
    if (right) p.correct++;
    if (right && src) src.correct++;
    const row = (confusion[exp.signal] ??= {});
    const got = gotSignal(exp.signal, verdict);
    row[got] = (row[got] ?? 0) + 1;
  }
  for (const p of Object.values(perSignal)) p.accuracy = p.correct / p.n;
  const perSource: EvalReport['perSource'] = {};
  for (const [name, s] of [...bySource].sort())
    perSource[name] = { n: s.n, ...prf(s.tp, s.fp, s.fn), unconfirmedEscalated: s.unconfirmedEscalated, correct: s.correct };
  return { n: items.length, tp, fp, fn, ...prf(tp, fp, fn), unconfirmedEscalated, perSignal, confusion, perSource };
}

export function formatReport(r: EvalReport, meta: { engine: string; badLines: number; unlabelled: number }): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `items ${r.n} (engine ${meta.engine})${meta.badLines ? `, ${meta.badLines} bad lines skipped` : ''}${meta.unlabelled ? `, ${meta.unlabelled} unlabelled lines skipped` : ''}`,
    `escalate: precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`,
    `unconfirmed items escalated: ${r.unconfirmedEscalated}`,
    'per-signal accuracy:',
  ];
  for (const [k, v] of Object.entries(r.perSignal).sort())
    lines.push(`  ${k.padEnd(22)} ${String(v.correct).padStart(4)}/${String(v.n).padEnd(4)} ${pct(v.accuracy)}`);
  const cols = [...SIGNALS_IN_ORDER.filter((e) => e.escalates).map((e) => e.id as string), 'unconfirmed', 'none'].filter(
    (c) => Object.values(r.confusion).some((row) => row[c]) || r.confusion[c],
  );
  const short: Record<string, string> = {
    user_requested_human: 'human',
    bot_handed_off: 'handoff',
    out_of_scope: 'scope',
    custom_instruction: 'instr',
    unconfirmed: 'unconf',
    none: 'none',
  };
  lines.push('confusion (rows expected, columns got):', `  ${''.padEnd(22)} ${cols.map((c) => (short[c] ?? c).padStart(8)).join('')}`);
  for (const exp of cols.filter((c) => r.confusion[c]))
    lines.push(`  ${exp.padEnd(22)} ${cols.map((c) => String(r.confusion[exp][c] ?? 0).padStart(8)).join('')}`);
  const sources = Object.entries(r.perSource);
  if (sources.length > 1) {
    lines.push('per source:');
    for (const [name, s] of sources)
      lines.push(
        `  ${name.padEnd(26)} n ${String(s.n).padStart(4)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  signal right ${s.correct}/${s.n}  unconfirmed escalated ${s.unconfirmedEscalated}`,
      );
  }
  return lines.join('\n');
}
