import { describe, expect, it } from 'vitest';
import { checkEscalation } from '@/lib/engine';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { handBack } from '@/lib/executor/handback';
import { runJournal } from '@/lib/executor/run';
import { createHttpClient } from '@/lib/http/client';
import { expireCaches } from '@/lib/platforms/cache';
import { ADAPTERS } from '@/lib/platforms/registry';
import type { AdapterContext } from '@/lib/platforms/types';
import { parseRecords } from '@/lib/record/codec';
import { recordsOf } from '@/lib/record/read';
import { findLoop, ownerTarget } from '@/lib/routing/loop';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';
import { defaultPolicy, PolicySchema } from '@/lib/schema/policy';
import { memoryStore } from '@/test/fixtures/journal-store';
import { sandboxAuth } from '@/test/fixtures/demo-policy';
import { conversationId } from '@/test/fixtures/urls';
import { inProcessTransport } from '@/test/sandbox/inprocess';
import { createFrontSandbox } from '@/test/sandbox/platforms/front';
import { createGorgiasSandbox } from '@/test/sandbox/platforms/gorgias';
import { createZendeskSandbox } from '@/test/sandbox/platforms/zendesk';
import type { SandboxRequest } from '@/test/sandbox/types';

const FLOOR: Record<Platform, number> = { zendesk: 1, front: 3, gorgias: 3 };
const ORIGIN: Record<Platform, string> = {
  zendesk: 'https://acme.zendesk.com/api/v2',
  gorgias: 'https://acme.gorgias.com/api',
  front: 'https://api2.frontapp.com',
};

function desk(platform: Platform) {
  expireCaches();
  const sandbox = { zendesk: createZendeskSandbox, gorgias: createGorgiasSandbox, front: createFrontSandbox }[platform]();
  const seen: SandboxRequest[] = [];
  const http = createHttpClient({
    transport: inProcessTransport([sandbox], { seen }),
    platformLabel: platform,
    headers: sandboxAuth(platform),
    sleep: async () => {},
  });
  const ctx: AdapterContext = {
    ref: {
      platform,
      account: platform === 'front' ? 'app' : 'acme',
      conversationId: conversationId(platform, 'human_request'),
      idIsGuess: false,
    },
    http,
    authMode: 'token',
    botIdentity: { ids: [], names: [], emails: [] },
    // Front notes are written by the agent's own teammate, set once in Options.
    connection: platform === 'front' ? { authorEmail: 'dana@acme-support.example' } : {},
    pause: { stopTag: 'sys_bot_paused', removeTags: [] },
  };
  const writes = (from: number) => seen.slice(from).filter((r) => r.method !== 'GET');
  return { ctx, http, seen, writes };
}

/** The internal notes' raw bodies exactly as each helpdesk's API answers them, every field a reader may use. */
async function rawNoteBodies(platform: Platform, d: ReturnType<typeof desk>): Promise<string[]> {
  const id = d.ctx.ref.conversationId;
  const get = async (path: string) =>
    (await d.http.call({ method: 'GET', url: `${ORIGIN[platform]}${path}` }, { action: 'read the notes' })).body as Record<string, unknown>;
  switch (platform) {
    case 'zendesk': {
      const body = (await get(`/tickets/${id}/comments.json`)) as {
        comments: { public: boolean; html_body: string; plain_body: string }[];
      };
      return body.comments.filter((c) => !c.public).flatMap((c) => [c.html_body, c.plain_body]);
    }
    case 'gorgias': {
      const body = (await get(`/messages?ticket_id=${id}&limit=100`)) as {
        data: { public: boolean; body_html: string | null; body_text: string | null }[];
      };
      return body.data.filter((m) => !m.public).flatMap((m) => [m.body_html ?? '', m.body_text ?? '']);
    }
    case 'front': {
      const body = (await get(`/conversations/${id}/comments`)) as { _results: { body: string }[] };
      return body._results.map((c) => c.body);
    }
  }
}

describe.each(PLATFORMS)('%s: the handoff record lands in the helpdesk with the handoff itself', (platform) => {
  it('the reason tag and the note record ride in the escalation requests; Return to bot adds a returned record; a quick comeback goes to that agent', async () => {
    const adapter = ADAPTERS[platform];
    const d = desk(platform);
    const policy = defaultPolicy();
    const conversation = await adapter.read(d.ctx);
    expect(recordsOf(conversation).found).toEqual([]);
    const verdict = await checkEscalation(conversation, policy, { engine: 'offline' });
    expect(verdict.status).toBe('escalate');
    const users = (await adapter.listTargets(d.ctx)).filter((t) => t.kind === 'user');
    const agent = await adapter.noteAuthor!(d.ctx);
    expect(agent?.name).toBeTruthy();

    const target = (await adapter.listTargets(d.ctx)).find((t) => t.kind !== 'user' && t.kind !== 'view')!;
    const draft = { note: 'Customer wants a person.', tags: ['sys_escalation'], target, routeReason: '', suspend: true };
    const plan = buildPlan(d.ctx.ref, conversation, draft, policy, verdict, { agent });
    const store = memoryStore();
    const mark = d.seen.length;
    const done = await runJournal(newJournal(plan, adapter.stepLayout), adapter, d.ctx, store);
    expect(done.finishedAt).toBeDefined();
    expect(d.writes(mark)).toHaveLength(FLOOR[platform]);

    const after = await adapter.read(d.ctx);
    expect(after.tags).toContain('baton_reason_user_requested_human');
    const raw = await rawNoteBodies(platform, d);
    const fromRaw = raw.flatMap((b) => parseRecords(b).records);
    expect(fromRaw.length).toBeGreaterThan(0);
    for (const r of fromRaw) expect(r).toEqual(plan.record);
    const found = recordsOf(after);
    expect(found.unreadable).toBe(0);
    expect(found.found.map((f) => f.record)).toEqual([plan.record]);
    expect(plan.record).toMatchObject({
      kind: 'escalated',
      reason: 'user_requested_human',
      platform,
      agent: { id: agent!.id, name: agent!.name },
      target: { kind: target.kind, id: target.id, name: target.name },
    });
    expect(plan.record!.signals[0]).toMatchObject({ kind: 'user_requested_human' });
    expect(plan.record!.override).toBeUndefined();
    // The record ends the note's visible text (the hidden marker's zero-width characters aside).
    const visible = after.messages[found.found[0]!.messageIndex]!.text.replace(/[\u200b\u200c\u2060]/g, '').trimEnd();
    expect(visible).toMatch(/Customer wants a person\.\s*Baton record bt1\.[A-Za-z0-9.-]+$/);

    const returned = await handBack(done, { line: 'Sent the label by hand.', agent }, adapter, d.ctx, store);
    expect(returned.resumedAt).toBeDefined();
    const back = recordsOf(await adapter.read(d.ctx)).found.map((f) => f.record);
    expect(back.map((r) => r.kind)).toEqual(['escalated', 'returned']);
    expect(back[1]).toMatchObject({ reason: 'user_requested_human', agent: { name: agent!.name }, target: { id: target.id } });

    // Escalated again an hour later: the loop guard names the agent who handed it back, found among the users.
    const records = recordsOf(await adapter.read(d.ctx)).found;
    const loop = findLoop({ records, windowHours: 72, now: new Date(Date.parse(back[1]!.at) + 3_600_000) })!;
    expect(loop.owner?.name).toBe(agent!.name);
    expect(loop.note?.messageIndex).toBe(found.found[0]!.messageIndex);
    const owner = ownerTarget(loop, users, platform);
    expect(owner).toMatchObject({ kind: 'user', id: agent!.id });
  });
});

describe('the reason tag setting', () => {
  it('is left out when the team lead turns it off, and uses their prefix when set', async () => {
    const d = desk('zendesk');
    const conversation = await ADAPTERS.zendesk.read(d.ctx);
    const draft = { note: 'n', tags: ['sys_escalation'], target: null, routeReason: '', suspend: false };
    const off = PolicySchema.parse({ version: 3, record: { reasonTag: false } });
    expect(buildPlan(d.ctx.ref, conversation, draft, off).tags).toEqual(['sys_escalation']);
    const prefixed = PolicySchema.parse({ version: 3, record: { reasonTagPrefix: 'why-' } });
    expect(buildPlan(d.ctx.ref, conversation, draft, prefixed).tags).toEqual(['sys_escalation', 'why-manual']);
  });

  it('refuses a prefix some helpdesk would split or change, at the field', () => {
    for (const bad of ['Baton_', 'baton reason', 'baton,', '_x']) {
      const r = PolicySchema.safeParse({ version: 3, record: { reasonTagPrefix: bad } });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(['record', 'reasonTagPrefix']);
    }
  });
});
