import { useEffect, useState } from 'react';
import type { Delivery } from '@/lib/notify/outbox';
import { notifyLines } from '@/lib/notify/status';
import type { Journal } from '@/lib/schema/plan';
import { notifyOutboxItem } from '@/utils/storage/notify-outbox';

/** "Slack notified" / "Webhook failed: …, retrying" under a finished escalation; nothing without webhooks. */
export function NotifyStatus({ journal }: { journal: Journal }) {
  const [outbox, setOutbox] = useState<Delivery[]>([]);
  useEffect(() => {
    let live = true;
    void notifyOutboxItem.get().then((v) => live && setOutbox(v));
    const stop = notifyOutboxItem.watch((next) => setOutbox(next.value));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const lines = notifyLines(outbox, journal.key, journal.startedAt);
  if (!lines.length) return null;
  return (
    <ul className="notify-status muted small" role="status" data-testid="notify-status">
      {lines.map((l, i) => (
        <li key={i} data-state={l.state}>
          {l.text}
        </li>
      ))}
    </ul>
  );
}
