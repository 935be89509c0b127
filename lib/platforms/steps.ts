import type { StepKind } from '../schema/plan';
import type { Operation, StepLayout } from './types';

export function checkLayout(layout: StepLayout): StepLayout {
  const all = layout.flat();
  const last = layout[layout.length - 1] ?? [];
  if (new Set(all).size !== all.length) throw new Error('A step appears in two request groups.');
  if (all.includes('pause') && !last.includes('pause')) throw new Error('The pause must be sent in the last request.');
  return layout;
}

/**
 * The one place that turns a layout and the steps still to do into operations. `build` receives the
 * remaining steps of one group and returns the request that completes them (or null when nothing needs
 * sending, e.g. no tags configured: those steps are then completed without a request).
 */
export function groupOperations(
  layout: StepLayout,
  remaining: readonly StepKind[],
  build: (steps: StepKind[]) => Operation | null,
): Operation[] {
  const ops: Operation[] = [];
  for (const group of layout) {
    const steps = group.filter((k) => remaining.includes(k));
    if (!steps.length) continue;
    ops.push(build(steps) ?? { covers: steps, run: async () => {} });
  }
  return ops;
}
