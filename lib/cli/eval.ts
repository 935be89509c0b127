import type { Verdict } from '../schema/verdict';

export interface Labelled {
  expected: { escalate: boolean; signal: string };
}

export interface EvalReport {
  n: number;
  precision: number;
  recall: number;
  f1: number;
  unconfirmedEscalated: number;
  perSignal: Record<string, { n: number; correct: number; accuracy: number }>;
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
    const got = verdict.status === 'escalate' ? (verdict.signals.find((s) => s.kind !== 'unconfirmed')?.kind ?? 'escalate') : verdict.status === 'unconfirmed' ? 'unconfirmed' : 'none';
    const correct = exp.signal === 'none' ? got === 'none' : exp.signal === 'unconfirmed' ? got === 'unconfirmed' : verdict.signals.some((s) => s.kind === exp.signal) && verdict.escalate;
    const p = (perSignal[exp.signal] ??= { n: 0, correct: 0, accuracy: 0 });
    p.n++;
    if (correct) p.correct++;
  }
  for (const p of Object.values(perSignal)) p.accuracy = p.correct / p.n;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { n: items.length, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, unconfirmedEscalated, perSignal };
}
