import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openTeamCache, type TeamCache } from '@/utils/team-cache';
import type { TeamStored } from '@/lib/schema/team';

const conv = (platform: TeamStored['platform'], account: string, id: string, updatedAt: string): TeamStored => ({
  platform,
  account,
  conversationId: id,
  updatedAt,
  unreadable: 0,
  records: [
    {
      record: { v: 1, kind: 'escalated', at: updatedAt, reason: 'out_of_scope', signals: [], agent: { name: 'Dana Agent' } },
      noteAuthor: 'Dana Agent',
    },
  ],
});

let cache: TeamCache;
afterEach(() => cache.close());

describe('Team Insights cache', () => {
  it('knows each account’s conversations at their update time, and a newer read replaces the older', async () => {
    cache = openTeamCache(`team-${Math.random()}`);
    await cache.put([conv('zendesk', 'acme', '1', '2026-12-01T10:00:00Z'), conv('front', 'app', 'cnv_1', '2026-12-01T10:00:00Z')]);
    await cache.put([conv('zendesk', 'acme', '1', '2026-12-02T10:00:00Z'), conv('zendesk', 'other', '1', '2026-12-03T10:00:00Z')]);
    expect(await cache.known('zendesk', 'acme')).toEqual({ '1': '2026-12-02T10:00:00Z' });
    expect(await cache.known('front', 'app')).toEqual({ cnv_1: '2026-12-01T10:00:00Z' });
    expect(await cache.all()).toHaveLength(3);
    expect(await cache.lastRead('zendesk', 'acme')).toBeNull();
    await cache.setLastRead('zendesk', 'ACME', { readAt: '2026-12-02T11:00:00Z', coveredSince: '2026-11-02T11:00:00Z' });
    expect(await cache.lastRead('zendesk', 'acme')).toEqual({ readAt: '2026-12-02T11:00:00Z', coveredSince: '2026-11-02T11:00:00Z' });
    await cache.clear();
    expect(await cache.all()).toEqual([]);
    expect(await cache.lastRead('zendesk', 'acme')).toBeNull();
  });
});
