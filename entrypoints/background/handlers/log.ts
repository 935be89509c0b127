import type { RequestOf } from '@/lib/schema/messages';
import { logEvents } from '@/entrypoints/background/insights';

/** A verdict the sidebar showed or the agent dismissed, into the handoff log (once per conversation and verdict). */
export async function logEvent(req: RequestOf<'logEvent'>): Promise<{ recorded: boolean }> {
  return { recorded: (await logEvents([req.event])) > 0 };
}
