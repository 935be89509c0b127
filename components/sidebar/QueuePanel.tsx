import { useEffect, useState } from 'react';
import type { Platform } from '@/lib/schema/conversation';
import type { NeedsHumanItem } from '@/lib/schema/watch';
import { send } from '@/utils/messaging';
import { waitedText } from '../needs-human/wait';
import { useClock } from './useClock';

const REFRESH_MS = 60_000;

/**
 * The queue watch's list for this helpdesk account, compact: other watched conversations that need a person,
 * the longest wait first, each a link that opens it here. The full list with Escalate is Baton's toolbar button.
 */
export function QueuePanel({ platform, account, current }: { platform: Platform; account: string; current: string }) {
  const [items, setItems] = useState<NeedsHumanItem[]>([]);
  const clock = useClock();
  useEffect(() => {
    let live = true;
    const load = () =>
      send('watchPanel', { platform, account })
        .then((r) => live && setItems(r.items))
        .catch(() => live && setItems([]));
    void load();
    const t = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [platform, account]);
  const others = items.filter((i) => i.ref.conversationId !== current);
  if (!others.length) return null;
  return (
    <details className="queue-panel" data-testid="queue-panel" data-count={others.length}>
      <summary>Needs a human in the bot’s queue ({others.length})</summary>
      <ol>
        {others.slice(0, 10).map((i) => (
          <li key={i.key}>
            <a href={i.url}>{i.subject ?? `#${i.ref.conversationId}`}</a> · {i.needs.map((n) => n.label).join(', ')} · waiting{' '}
            {waitedText(i.waitingSince, clock.getTime())}
          </li>
        ))}
      </ol>
      <p className="muted">The full list, with Escalate for several at once: Baton’s toolbar button.</p>
    </details>
  );
}
