import type { WatchEntry } from '../schema/watch';

/** At most one desktop notification a minute, whatever the number of scans or new conversations. */
export const NOTIFY_GAP_MS = 60_000;

/**
 * The desktop notification for conversations that started needing a human since the last one, or null: none
 * new, or the last notification is less than a minute old (the new ones are then told with the next).
 */
export function desktopNudge(
  entries: readonly WatchEntry[],
  lastNotifiedAt: number,
  now: number,
): { title: string; message: string; newest: number } | null {
  if (now - lastNotifiedAt < NOTIFY_GAP_MS) return null;
  const fresh = entries
    .filter((e) => e.needs.length && e.firstNeededAt && Date.parse(e.firstNeededAt) > lastNotifiedAt)
    .sort((a, b) => Date.parse(b.firstNeededAt!) - Date.parse(a.firstNeededAt!));
  if (!fresh.length) return null;
  const first = fresh[0]!;
  const what = `${first.subject ?? `#${first.ref.conversationId}`}: ${first.needs.map((n) => n.label).join(', ')}`;
  return {
    title: fresh.length === 1 ? 'A conversation needs a human' : `${fresh.length} conversations need a human`,
    message: fresh.length === 1 ? what : `${what}, and ${fresh.length - 1} more`,
    newest: Date.parse(first.firstNeededAt!),
  };
}
