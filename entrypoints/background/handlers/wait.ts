import { measuredPickup, waitSamplesFromLog } from '@/lib/insights/waits';
import type { RequestOf } from '@/lib/schema/messages';
import { handoffLog } from '@/utils/handoff-log';
import { policyStore } from '@/utils/storage';

/**
 * The measured median pick-up for the message to the customer: only with the team lead's leave, from this
 * account's handoffs in the local log, for the target and hour of the week on the team's clock.
 */
export async function measuredWait(req: RequestOf<'measuredWait'>): Promise<{ minutes: number; samples: number } | null> {
  const { policy } = await policyStore.read();
  if (!policy.customerMessage.measuredWait) return null;
  const at = new Date(req.at);
  if (Number.isNaN(at.getTime())) return null;
  const events = (await handoffLog().all()).filter((e) => e.platform === req.ref.platform && e.account === req.ref.account);
  return measuredPickup(waitSamplesFromLog(events), {
    platform: req.ref.platform,
    target: req.target,
    at,
    timeZone: policy.customerMessage.hours.timeZone,
  });
}
