import type { Verdict } from '../schema/verdict';

/**
 * How many LLM checks fell back to the offline verdict, and why. Without it an LLM run whose every call
 * failed would report offline figures under the LLM engine's name.
 */
export interface FallbackCount {
  checked: number;
  count: number;
  reasons: Record<string, number>;
}

export function countFallbacks(verdicts: Iterable<Verdict>): FallbackCount {
  const out: FallbackCount = { checked: 0, count: 0, reasons: {} };
  for (const v of verdicts) {
    out.checked++;
    if (!v.fallback) continue;
    out.count++;
    out.reasons[v.fallback] = (out.reasons[v.fallback] ?? 0) + 1;
  }
  return out;
}

/** Every check fell back: the run measured the offline engine, whatever it was asked for. */
export const allFellBack = (f: FallbackCount) => f.checked > 0 && f.count === f.checked;

export function formatFallbacks(f: FallbackCount): string {
  const lines = [
    `LLM fallbacks: ${f.count} of ${f.checked} checks showed the offline verdict${allFellBack(f) ? ' (all: these are offline figures)' : ''}`,
  ];
  for (const [reason, n] of Object.entries(f.reasons).sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(4)}  ${reason}`);
  return lines.join('\n');
}
