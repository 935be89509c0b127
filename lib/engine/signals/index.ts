import type { Policy } from '../../schema/policy';
import type { Signal } from '../../schema/verdict';
import { botHandedOff } from './handoff';
import { humanRequested } from './human';
import { outOfScope } from './scope';
import type { Detector, DetectorContext } from './types';

export type { Detector, DetectorContext };

/**
 * The offline engine's detectors, one per switchable signal. `unconfirmed` (a pending handoff) and
 * `custom_instruction` are not detected here: both come from deciding (decide/), once the detectors have run.
 */
export const DETECTORS: readonly Detector[] = [humanRequested, botHandedOff, outOfScope];

/** Every signal the policy's switches allow, in detector order. */
export function detectSignals(ctx: DetectorContext, switches: Policy['signals']): Signal[] {
  const out: Signal[] = [];
  for (const d of DETECTORS) {
    if ((switches as Record<string, boolean | undefined>)[d.kind] === false) continue;
    const s = d.detect(ctx);
    if (s) out.push(s);
  }
  return out;
}
