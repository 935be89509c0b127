import { useEffect, useState } from 'react';
import type { MeasuredWait } from '@/lib/handoff/customer-message';
import type { ConversationRef } from '@/lib/schema/conversation';
import { send } from '@/utils/messaging';

/** Asked again at most this often: a new hour of the week may have its own median. */
const HOUR_MS = 60 * 60_000;

/**
 * The median pick-up the handoff log measured for this target at this hour of the week, when the team lead
 * allows the message to use it (`enabled`); null while unknown, not allowed or too few measured.
 */
export function useMeasuredWait(ref: ConversationRef | null, target: string, enabled: boolean, at: Date): MeasuredWait | null {
  // The answer is kept with the question it answers, so a new conversation, target or hour never shows an old one.
  const [answer, setAnswer] = useState<{ key: string; value: MeasuredWait | null } | null>(null);
  const hour = Math.floor(at.getTime() / HOUR_MS);
  const key = ref && enabled ? `${ref.platform}:${ref.account}:${target}:${hour}` : null;
  useEffect(() => {
    if (!key || !ref) return;
    let live = true;
    send('measuredWait', { ref, target, at: new Date(hour * HOUR_MS).toISOString() })
      .then((value) => live && setAnswer({ key, value }))
      .catch((e: unknown) => console.warn('[baton] the measured pick-up time could not be read:', e));
    return () => {
      live = false;
    };
  }, [key, ref, target, hour]);
  return answer && answer.key === key ? answer.value : null;
}
