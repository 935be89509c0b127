import type { Verdict } from '../schema/verdict';

export interface Labelled {
  expected: { escalate: boolean; signal: string };
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
}

/**
 * An escalating label is right when the verdict escalates and names that signal; `unconfirmed` when the verdict
 * is unconfirmed; `none` when it is none.
 */
export function signalCorrect(expected: string, v: Verdict): boolean {
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
  for (const { label, verdict } of items) {
    const exp = label.expected;
    if (verdict.escalate && exp.escalate) tp++;
    else if (verdict.escalate) fp++;
    else if (exp.escalate) fn++;
    if (exp.signal === 'unconfirmed' && verdict.escalate) unconfirmedEscalated++;
    const p = (perSignal[exp.signal] ??= { n: 0, correct: 0, accuracy: 0 });
    p.n++;
    if (signalCorrect(exp.signal, verdict)) p.correct++;
  }
  for (const p of Object.values(perSignal)) p.accuracy = p.correct / p.n;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { n: items.length, tp, fp, fn, precision, recall, f1, unconfirmedEscalated, perSignal };
}

export function formatReport(r: EvalReport, meta: { engine: string; badLines: number; unlabelled: number }): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `items ${r.n} (engine ${meta.engine})${meta.badLines ? `, ${meta.badLines} bad lines skipped` : ''}${meta.unlabelled ? `, ${meta.unlabelled} unlabelled lines skipped` : ''}`,
    `escalate: precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`,
    `unconfirmed items escalated: ${r.unconfirmedEscalated}`,
    'per-signal accuracy:',
  ];
  for (const [k, v] of Object.entries(r.perSignal).sort()) lines.push(`  ${k.padEnd(22)} ${String(v.correct).padStart(4)}/${String(v.n).padEnd(4)} ${pct(v.accuracy)}`);
  return lines.join('\n');
}
