import { describe, expect, it } from 'vitest';
import type { WatchEntry } from '@/lib/schema/watch';
import { desktopNudge, NOTIFY_GAP_MS } from '@/lib/watch/nudge';

const entry = (id: string, firstNeededAt: string | undefined, needed = true): WatchEntry => ({
  key: `zendesk:acme:${id}`,
  ref: { platform: 'zendesk', account: 'acme', conversationId: id, idIsGuess: false },
  subject: `Ticket ${id}`,
  updatedAt: '2026-12-07T10:00:00Z',
  lastMessage: '1',
  needs: needed ? [{ kind: 'promise', label: 'Promised handoff not done' }] : [],
  readAt: '2026-12-07T10:00:00Z',
  announced: [],
  ...(firstNeededAt ? { firstNeededAt } : {}),
});

describe('the desktop nudge', () => {
  const t0 = Date.parse('2026-12-07T10:00:00Z');
  it('tells only conversations new since the last nudge, newest named first', () => {
    const n = desktopNudge(
      [entry('1', '2026-12-07T09:00:00Z'), entry('2', '2026-12-07T10:05:00Z'), entry('3', '2026-12-07T10:06:00Z')],
      t0,
      t0 + 10 * 60_000,
    );
    expect(n?.title).toBe('2 conversations need a human');
    expect(n?.message).toBe('Ticket 3: Promised handoff not done, and 1 more');
  });

  it('stays quiet within a minute of the last one, and when nothing is new', () => {
    expect(desktopNudge([entry('2', '2026-12-07T10:00:30Z')], t0, t0 + NOTIFY_GAP_MS - 1)).toBeNull();
    expect(desktopNudge([entry('1', '2026-12-07T09:00:00Z'), entry('4', '2026-12-07T10:05:00Z', false)], t0, t0 + 10 * 60_000)).toBeNull();
  });
});
