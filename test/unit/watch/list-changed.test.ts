import { describe, expect, it } from 'vitest';
import { createHttpClient } from '@/lib/http/client';
import { adapterFor } from '@/lib/platforms';
import type { AdapterContext } from '@/lib/platforms/types';
import type { Platform } from '@/lib/schema/conversation';
import { checkRequest } from '@/test/contracts/gorgias';
import { loadSpec, validateRequest } from '@/test/contracts/openapi';
import { zendeskTrafficProblems } from '@/test/contracts/zendesk-traffic';
import { inProcessTransport } from '@/test/sandbox/inprocess';
import { createFrontSandbox, FRONT_SANDBOX } from '@/test/sandbox/platforms/front';
import { createGorgiasSandbox } from '@/test/sandbox/platforms/gorgias';
import { createZendeskSandbox } from '@/test/sandbox/platforms/zendesk';
import type { SandboxRequest } from '@/test/sandbox/types';
import { queueStories } from '@/test/sandbox/watch-queue';

const ACCOUNT: Record<Platform, string> = { zendesk: 'acme', gorgias: 'acme', front: 'app' };
const AUTH: Record<Platform, Record<string, string>> = {
  zendesk: { Authorization: `Basic ${Buffer.from('agent@acme.example/token:sandbox-zendesk-token').toString('base64')}` },
  gorgias: { Authorization: `Basic ${Buffer.from('agent@acme.example:sandbox-gorgias-key').toString('base64')}` },
  front: { Authorization: `Bearer ${FRONT_SANDBOX.token}` },
};

function setup(platform: Platform) {
  const sandbox = platform === 'zendesk' ? createZendeskSandbox() : platform === 'gorgias' ? createGorgiasSandbox() : createFrontSandbox();
  const seen: SandboxRequest[] = [];
  const http = createHttpClient({
    transport: inProcessTransport([sandbox], { seen }),
    platformLabel: platform,
    headers: AUTH[platform],
    sleep: async () => {},
  });
  const ctx: AdapterContext = {
    ref: { platform, account: ACCOUNT[platform], conversationId: '', idIsGuess: false },
    http,
    authMode: 'token',
    botIdentity: { ids: [], names: [], emails: [] },
    connection: {},
  };
  const seeded = sandbox.admin!({
    method: 'POST',
    host: 'x',
    path: `/__admin/${platform}/watch-queue`,
    query: {},
    headers: {},
    body: null,
    cookies: {},
  });
  const body = (seeded as { body: Record<string, unknown> }).body;
  const watchId = String(body.viewId ?? body.inboxId);
  const ids = (body.tickets ?? body.conversations) as Record<string, string | number>;
  return { sandbox, seen, ctx, watchId, ids };
}

function contractProblems(platform: Platform, seen: SandboxRequest[]): string[] {
  if (platform === 'zendesk') return zendeskTrafficProblems(seen);
  if (platform === 'gorgias') return seen.flatMap(checkRequest);
  const spec = loadSpec('front');
  return seen.flatMap((r) => validateRequest(spec, { method: r.method, path: r.path, query: r.query }).errors);
}

describe.each(['zendesk', 'gorgias', 'front'] as const)('listChanged on %s', (platform) => {
  it('lists every watched conversation first, then only the ones changed since, with requests the spec declares', async () => {
    const { ctx, seen, watchId, ids, sandbox } = setup(platform);
    const adapter = adapterFor(platform);
    const first = await adapter.listChanged!(ctx, watchId, null);
    expect(first.items.map((i) => i.id).sort()).toEqual(Object.values(ids).map(String).sort());
    expect(first.items).toHaveLength(queueStories().length);
    expect(first.newest).not.toBeNull();

    // A new customer message on one conversation: the next listing names it alone (plus any sharing the stamp).
    const key = 'queue_asks_person';
    const path =
      platform === 'front'
        ? `/__admin/front/conversations/${ids[key]}/messages`
        : `/__admin/${platform}/conversations/${ids[key]}/messages`;
    await sandbox.admin!({
      method: 'POST',
      host: 'x',
      path,
      query: {},
      headers: {},
      body: { role: 'customer', text: 'Hello?' },
      cookies: {},
    });
    const second = await adapter.listChanged!(ctx, watchId, first.newest);
    expect(second.items[0]!.id).toBe(String(ids[key]));
    // Beside it only the conversation(s) stamped exactly `since` (two updates can share a stamp): the scanner drops those.
    expect(second.items.slice(1).every((i) => i.updatedAt === first.newest)).toBe(true);
    expect(second.items.length).toBeLessThanOrEqual(2);
    if (platform !== 'zendesk') expect(second.items[0]!.lastMessage).toBeTruthy();
    expect(contractProblems(platform, seen)).toEqual([]);
  });
});
