import { describe, expect, it } from 'vitest';
import { buildPlan, newJournal } from '@/lib/executor/plan';
import { resumeBot, runJournal } from '@/lib/executor/run';
import { frontAdapter } from '@/lib/platforms/front';
import type { Conversation } from '@/lib/schema/conversation';
import { defaultPolicy } from '@/lib/schema/policy';
import type { Target } from '@/lib/schema/target';
import { runSetupCheck } from '@/lib/setup/run';
import { undeclaredFields } from '@/test/contracts/declared';
import { loadSpec, validateRequest } from '@/test/contracts/openapi';
import { memoryStore } from '@/test/fixtures/journal-store';
import { FRONT_SANDBOX } from '@/test/sandbox/platforms/front';
import { frontHarness } from '../platforms/front/helpers';

/**
 * Every request body Baton sends to the Front sandbox uses only fields Front's official OpenAPI declares for
 * that operation (frontapp/front-api-specs core-api.json): a field the spec does not have may be ignored
 * without an error, which is how a tag or a pause can look done without being done.
 */
const front = () => loadSpec('front');

function planFor(c: Conversation, target: Target, tags: string[]) {
  const plan = buildPlan(c.ref!, c, { note: 'Handed over **now**.', tags, target, routeReason: 'rule', suspend: true }, defaultPolicy());
  return { ...plan, pause: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'], managingInboxId: FRONT_SANDBOX.inboxes.bot.id } };
}

describe('Front request bodies in the sandbox traffic', () => {
  it('escalations to each target kind, Return to bot, tag creation and Check setup use only declared fields', async () => {
    const h = frontHarness({ privateAccess: true });
    const targets = await frontAdapter.listTargets(h.ctx());
    const kinds = ['inbox', 'user', 'view'] as const;
    for (const [i, kind] of kinds.entries()) {
      const key = ['human_request', 'bot_handoff', 'out_of_scope'][i]!;
      const target = targets.find((t) => t.kind === kind && (kind !== 'view' || t.viewTag))!;
      const c = await frontAdapter.read(h.ctx(key));
      const store = memoryStore();
      const done = await runJournal(
        newJournal(planFor(c, target, ['sys_escalation', `brand_new_${kind}`]), frontAdapter.stepLayout),
        frontAdapter,
        h.ctx(key),
        store,
      );
      expect(done.steps.every((s) => s.status === 'done')).toBe(true);
      await resumeBot(done, frontAdapter, h.ctx(key), store);
    }
    await runSetupCheck(frontAdapter, h.ctx(), 'app', { probes: [] });

    const writes = h.exchanges.filter((e) => e.req.method !== 'GET');
    // Each kind of write the adapter makes was seen at least once.
    expect(new Set(writes.map((e) => `${e.req.method} ${e.req.path.replace(/cnv_\w+/, ':id')}`))).toEqual(
      new Set([
        'POST /conversations/:id/comments',
        'PATCH /conversations/:id',
        'POST /conversations/:id/tags',
        'DELETE /conversations/:id/tags',
        'POST /company/tags',
      ]),
    );
    const problems = writes.flatMap((e) => {
      const req = { method: e.req.method, path: e.req.path, body: e.req.body };
      return [...undeclaredFields(front(), req), ...validateRequest(front(), req).errors].map((p) => `${e.req.method} ${e.req.path}: ${p}`);
    });
    // Check setup's probes are refused on purpose (an empty comment): they may miss required fields, never add fields.
    expect(problems.filter((p) => !/is required|must have required property/.test(p))).toEqual([]);
  });

  it('names a field the spec does not declare, at any depth', () => {
    expect(
      undeclaredFields(front(), { method: 'POST', path: '/conversations/cnv_1/tags', body: { tag_ids: ['tag_1'], names: ['x'] } }),
    ).toEqual(['body.names']);
    expect(
      undeclaredFields(front(), { method: 'POST', path: '/tags', body: { name: 'x', is_visible_in_conversation_lists: true } }),
    ).toEqual([]);
    expect(
      undeclaredFields(front(), { method: 'PATCH', path: '/conversations/cnv_1', body: { assignee_id: 'tea_1', tags: ['x'] } }),
    ).toEqual(['body.tags']);
  });
});
