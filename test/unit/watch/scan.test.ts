import { describe, expect, it } from 'vitest';
import { createHttpClient } from '@/lib/http/client';
import { adapterFor } from '@/lib/platforms';
import type { AdapterContext } from '@/lib/platforms/types';
import type { ConversationRef } from '@/lib/schema/conversation';
import { PolicySchema } from '@/lib/schema/policy';
import type { WatchEntry } from '@/lib/schema/watch';
import { judge } from '@/lib/watch/judge';
import { needsHuman } from '@/lib/watch/list';
import { scanList, type WatchStore } from '@/lib/watch/scan';
import { DEMO_BASE } from '@/test/fixtures/demo-policy';
import { inProcessTransport } from '@/test/sandbox/inprocess';
import { createGorgiasSandbox } from '@/test/sandbox/platforms/gorgias';
import type { SandboxRequest } from '@/test/sandbox/types';
import { queueStories } from '@/test/sandbox/watch-queue';

const policy = PolicySchema.parse(DEMO_BASE);

function memoryWatchStore(): WatchStore & { entries: Map<string, WatchEntry> } {
  const entries = new Map<string, WatchEntry>();
  const cursors = new Map<string, string>();
  return {
    entries,
    get: async (k) => entries.get(k),
    put: async (e) => void entries.set(e.key, e),
    cursor: async (l) => cursors.get(l) ?? null,
    setCursor: async (l, s) => void (s === null ? cursors.delete(l) : cursors.set(l, s)),
  };
}

function gorgiasQueue() {
  const sandbox = createGorgiasSandbox();
  const seen: SandboxRequest[] = [];
  const http = createHttpClient({
    transport: inProcessTransport([sandbox], { seen }),
    platformLabel: 'Gorgias',
    headers: { Authorization: `Basic ${Buffer.from('agent@acme.example:sandbox-gorgias-key').toString('base64')}` },
    sleep: async () => {},
  });
  const base: ConversationRef = { platform: 'gorgias', account: 'acme', conversationId: '', idIsGuess: false };
  const ctx: AdapterContext = { ref: base, http, authMode: 'token', botIdentity: { ids: [], names: [], emails: [] }, connection: {} };
  const admin = (path: string, body: unknown = null) =>
    sandbox.admin({ method: 'POST', host: 'x', path, query: {}, headers: {}, body, cookies: {} }) as { body: Record<string, unknown> };
  const seeded = admin('/__admin/gorgias/watch-queue').body as { viewId: number; tickets: Record<string, number> };
  const adapter = adapterFor('gorgias');
  const store = memoryWatchStore();
  const deps = {
    list: 'gorgias:acme:view:24',
    changes: (since: string | null) => adapter.listChanged!(ctx, String(seeded.viewId), since),
    ref: (id: string) => ({ ...base, conversationId: id }),
    key: (r: ConversationRef) => `${r.platform}:${r.account}:${r.conversationId}`,
    read: (ref: ConversationRef) => adapter.read({ ...ctx, ref }),
    judge: async (c: Parameters<typeof judge>[0]) => judge(c, policy, null, new Date()),
    store,
    now: () => new Date(),
  };
  const reads = () => seen.filter((r) => r.path === '/api/messages' || /^\/api\/tickets\/\d+$/.test(r.path)).length;
  return { deps, store, seeded, reads, admin };
}

describe('a scan of the watched queue', () => {
  it('finds exactly the six conversations that need a human, for their reasons, and reads nothing again when nothing changed', async () => {
    const q = gorgiasQueue();
    const first = await scanList(q.deps);
    expect(first.listed).toBe(50);
    expect(first.read).toBe(50);
    const list = needsHuman([...q.store.entries.values()], policy.followUp.claimTargetMinutes, new Date(), () => '');
    const byKey = Object.fromEntries(Object.entries(q.seeded.tickets).map(([k, id]) => [`gorgias:acme:${id}`, k]));
    const expected = queueStories().filter((s) => s.reason);
    expect(list.map((i) => byKey[i.key]).sort()).toEqual(expected.map((s) => s.key).sort());
    for (const s of expected) {
      const item = list.find((i) => byKey[i.key] === s.key)!;
      const kinds = item.needs.map((n) => (n.kind === 'escalate' ? n.signal : n.kind));
      expect(kinds, s.key).toContain(s.reason);
      expect(item.evidence, s.key).toBeTruthy();
    }
    // The customer who waited longest comes first.
    const waits = list.map((i) => Date.parse(i.waitingSince!));
    expect(waits).toEqual([...waits].sort((a, b) => a - b));

    const readsBefore = q.reads();
    const second = await scanList(q.deps);
    expect(second.read).toBe(0);
    expect(q.reads()).toBe(readsBefore);

    // A new customer message on one routine conversation: that one alone is read again.
    q.admin(`/__admin/gorgias/conversations/${q.seeded.tickets.queue_routine_0}/messages`, {
      role: 'customer',
      text: 'One more question: do you gift wrap?',
    });
    const third = await scanList(q.deps);
    expect(third.read).toBe(1);
  });
});
