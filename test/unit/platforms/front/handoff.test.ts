import { afterEach, describe, expect, it } from 'vitest';
import { frontAdapter } from '@/lib/platforms/front';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { runJournal, resumeBot } from '@/lib/executor/run';
import { createHttpClient } from '@/lib/http/client';
import type { Conversation } from '@/lib/schema/conversation';
import type { EscalationPlan } from '@/lib/schema/plan';
import { defaultPolicy } from '@/lib/schema/policy';
import type { Target } from '@/lib/schema/target';
import { FRONT_SANDBOX } from '@/test/sandbox/platforms/front';
import { expectContract, frontHarness, type Exchange } from './helpers';
import { memoryStore } from '@/test/fixtures/journal-store';

// The reason tag rides in these requests too; its own tests (test/unit/record) check it, these the adapter's mechanics.
const NO_REASON_TAG = { ...defaultPolicy(), record: { ...defaultPolicy().record, reasonTag: false } };

const { inboxes, teammates } = FRONT_SANDBOX;
const RETURNS: Target = { platform: 'front', kind: 'inbox', id: inboxes.returns.id, name: inboxes.returns.name };

let exchanges: Exchange[] = [];
afterEach(() => {
  expectContract(exchanges);
  exchanges = [];
});

function setup(opts: Parameters<typeof frontHarness>[0] = {}) {
  const h = frontHarness(opts);
  exchanges = h.exchanges;
  return h;
}

function planFor(c: Conversation, over: Partial<EscalationPlan> = {}): EscalationPlan {
  const plan = buildPlan(
    c.ref!,
    c,
    {
      note: '**Escalation**: customer asked for a person about order #A-10234.',
      tags: ['sys_escalation'],
      target: RETURNS,
      routeReason: 'rule',
      suspend: true,
    },
    NO_REASON_TAG,
  );
  return { ...plan, ...over };
}

const writes = (h: ReturnType<typeof setup>, since: number) => h.since(since).filter((r) => !r.startsWith('GET '));

describe('the note is written by the agent', () => {
  it('carries author_id from "your Front teammate" (email matched to a teammate), and Front shows the agent as author', async () => {
    const h = setup({ connection: { authorEmail: 'DANA@acme-support.example' } });
    const c = await frontAdapter.read(h.ctx());
    await runJournal(newJournal(planFor(c), frontAdapter.stepLayout), frontAdapter, h.ctx(), memoryStore());
    const post = h.exchanges.find((e) => e.req.method === 'POST' && e.req.path.endsWith('/comments'))!;
    expect(post.req.body).toMatchObject({ author_id: teammates.dana.id });
    expect(h.conv('human_request').notes.map((n) => n.authorId)).toEqual([teammates.dana.id]);
    const back = await frontAdapter.read(h.ctx());
    expect(back.messages.find((m) => m.internal)?.author?.name).toBe('Dana Agent');
  });

  it('uses a teammate id set in Options as it is', async () => {
    const h = setup({ connection: { authorId: teammates.sam.id } });
    const c = await frontAdapter.read(h.ctx());
    await runJournal(newJournal(planFor(c), frontAdapter.stepLayout), frontAdapter, h.ctx(), memoryStore());
    expect(h.conv('human_request').notes.map((n) => n.authorId)).toEqual([teammates.sam.id]);
  });

  it.each([
    [{}, /^Baton does not know which Front teammate you are.*Set "your Front teammate" once in Options/],
    [
      { authorEmail: 'nobody@acme-support.example' },
      /^No Front teammate has the email nobody@acme-support\.example.*Set "your Front teammate" once in Options/,
    ],
    [
      { authorId: 'tea_zzzz' },
      /^Front does not know the teammate set as "your Front teammate" \(tea_zzzz\).*Set "your Front teammate" once in Options/,
    ],
  ])(
    'without a known teammate (%o) the note step fails with a sentence, and nothing else is sent: the bot keeps answering',
    async (connection, sentence) => {
      const h = setup({ connection });
      const c = await frontAdapter.read(h.ctx());
      const mark = h.exchanges.length;
      const j = await runJournal(newJournal(planFor(c), frontAdapter.stepLayout), frontAdapter, h.ctx(), memoryStore());
      expect(j.steps.map((s) => [s.kind, s.status])).toEqual([
        ['note', 'failed'],
        ['assign', 'pending'],
        ['tags', 'pending'],
        ['pause', 'pending'],
      ]);
      expect(j.steps[0].error).toMatch(sentence);
      expect(writes(h, mark).filter((w) => !w.endsWith('/comments'))).toEqual([]);
      expect(h.conv('human_request').tags).not.toContain('sys_bot_paused');
      expect(h.conv('human_request').notes).toHaveLength(0);
    },
  );
});

describe('order of the escalation steps', () => {
  it('a note that keeps failing (503) leaves the bot not paused, unassigned and untagged; Retry then finishes with one note', async () => {
    let down = true;
    const h = setup({
      intercept: (req) =>
        down && req.method === 'POST' && req.path.endsWith('/comments')
          ? { status: 503, body: { _error: { status: 503, title: 'Service Unavailable', message: 'Try later.' } } }
          : null,
    });
    const c = await frontAdapter.read(h.ctx());
    const store = memoryStore();
    const mark = h.exchanges.length;
    const failed = await runJournal(newJournal(planFor(c), frontAdapter.stepLayout), frontAdapter, h.ctx(), store);
    expect(failed.steps.find((s) => s.kind === 'note')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/could not post the internal note/),
    });
    expect(failed.steps.find((s) => s.kind === 'pause')?.status).toBe('pending');
    expect(writes(h, mark).every((w) => w.endsWith('/comments'))).toBe(true);
    expect(h.conv('human_request')).toMatchObject({ tags: ['returns', 'bot_managed'], inboxId: inboxes.bot.id, assigneeId: null });
    down = false;
    const done = await runJournal(failed, frontAdapter, h.ctx(), store);
    expect(done.steps.every((s) => s.status === 'done')).toBe(true);
    expect(h.conv('human_request').notes).toHaveLength(1);
    expect(h.conv('human_request').tags).toContain('sys_bot_paused');
  });

  it('Return to bot is the exact reverse of the pause, in reverse order', async () => {
    const h = setup();
    const c = await frontAdapter.read(h.ctx());
    await frontAdapter.listTargets(h.ctx());
    const plan = planFor(c, { pause: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'], managingInboxId: inboxes.bot.id } });
    const j = await runJournal(newJournal(plan, frontAdapter.stepLayout), frontAdapter, h.ctx(), memoryStore());
    const paused = h.exchanges.length;
    await resumeBot(j, frontAdapter, h.ctx(), memoryStore());
    // Pause: move out (with the routing), add the stop tag, remove the managing tag. Resume undoes them backwards.
    expect(h.since(paused)).toEqual([
      'POST /conversations/cnv_rt/tags',
      'DELETE /conversations/cnv_rt/tags',
      'PATCH /conversations/cnv_rt',
    ]);
    expect(h.exchanges.slice(paused).map((e) => e.req.body)).toEqual([
      { tag_ids: [expect.any(String)] },
      { tag_ids: [expect.any(String)] },
      { inbox_id: inboxes.bot.id },
    ]);
    expect(h.conv('human_request')).toMatchObject({ tags: ['returns', 'sys_escalation', 'bot_managed'], inboxId: inboxes.bot.id });
  });
});

describe("Front's shared rate limit: what an open conversation costs", () => {
  it('7 requests for the first conversation, 3 for the next, 1 for a re-check of an unchanged one, 3 for the escalation', async () => {
    const h = setup();
    // Opening: read + targets (inboxes, teammates, views, tags), as the sidebar does.
    let mark = h.exchanges.length;
    await Promise.all([frontAdapter.read(h.ctx('human_request')), frontAdapter.listTargets(h.ctx('human_request'))]);
    expect(h.since(mark).sort()).toEqual([
      'GET /conversations/cnv_rt',
      'GET /conversations/cnv_rt/comments',
      'GET /conversations/cnv_rt/messages',
      'GET /inboxes',
      'GET /tags',
      'GET /teammates',
      'GET /views',
    ]);

    // Another conversation, in another tab (another client, same worker): targets come from the cache.
    const otherTab = createHttpClient({
      transport: (req) => h.http.call(req, { action: 'x', accept: [301, 400, 403, 404] }),
      platformLabel: 'Front',
    });
    const ctx2 = { ...h.ctx('bot_handoff'), http: otherTab };
    mark = h.exchanges.length;
    await Promise.all([frontAdapter.read(ctx2), frontAdapter.listTargets(ctx2)]);
    expect(h.since(mark)).toHaveLength(3);

    // Re-check with nothing new: the conversation alone.
    mark = h.exchanges.length;
    const again = await frontAdapter.read(h.ctx('human_request'));
    expect(h.since(mark)).toEqual(['GET /conversations/cnv_rt']);
    expect(again.messages).toHaveLength(3);

    // A new customer message: read again, and the new message is there.
    h.sandbox.raw.addItem(h.sandbox.raw.conversation('cnv_rt')!, 'customer', 'Hello? Anyone?');
    mark = h.exchanges.length;
    const fresh = await frontAdapter.read(h.ctx('human_request'));
    expect(h.since(mark)).toHaveLength(3);
    expect(fresh.messages.at(-1)?.text).toBe('Hello? Anyone?');

    // The click: note, move, tags; the author and tag ids come from the lists already read.
    mark = h.exchanges.length;
    await runJournal(newJournal(planFor(fresh), frontAdapter.stepLayout), frontAdapter, h.ctx(), memoryStore());
    expect(h.since(mark)).toHaveLength(3);
  });
});

describe('private inboxes', () => {
  it('a token without private-resource access gets a sentence naming the scope to ask for', async () => {
    const h = setup({ privateConversations: ['bot_handoff'] });
    const e = await frontAdapter.read(h.ctx('bot_handoff')).catch((x: unknown) => x as Error);
    expect((e as Error).message).toMatch(
      /the Front API token lacks access to private inboxes\. Ask a Front admin for a token with private-resource access \(the "Private resources" scope/,
    );
    // Other conversations still read.
    expect((await frontAdapter.read(h.ctx('human_request'))).messages).toHaveLength(3);
    const ok = setup({ privateConversations: ['bot_handoff'], privateAccess: true });
    expect((await frontAdapter.read(ok.ctx('bot_handoff'))).messages.length).toBeGreaterThan(0);
  });

  it('a 403 for a missing scope says so, quoting Front', async () => {
    const h = setup({
      intercept: (req) =>
        req.path.endsWith('/messages')
          ? { status: 403, body: { _error: { status: 403, title: 'Forbidden', message: 'Token lacks the required messages:read scope.' } } }
          : null,
    });
    await expect(frontAdapter.read(h.ctx())).rejects.toThrow(
      /^Baton is not allowed to read the messages: the Front API token lacks the permission \(Front: "Token lacks the required messages:read scope"\)/,
    );
    exchanges = []; // the injected answer is not the sandbox's
  });
});

describe('responses are checked before use', () => {
  it('a message list in an unexpected shape is one plain sentence, not a crash later', async () => {
    const h = setup({
      intercept: (req) =>
        req.path.endsWith('/messages') ? { status: 200, body: { _results: [{ id: 'msg_1', is_inbound: 'yes' }] } } : null,
    });
    await expect(frontAdapter.read(h.ctx())).rejects.toThrow(
      /^Front answered the request to read the messages in a form Baton does not recognise \(_results\.0\.is_inbound/,
    );
    exchanges = [];
  });
});
