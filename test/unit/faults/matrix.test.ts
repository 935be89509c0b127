import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '@/lib/http/client';
import { ADAPTERS } from '@/lib/platforms';
import { buildPlan, newJournal, withRecord } from '@/lib/executor/plan';
import { runJournal } from '@/lib/executor/run';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';
import type { StepKind } from '@/lib/schema/plan';
import type { Policy } from '@/lib/schema/policy';
import { startSandbox, type Sandbox } from '@/test/sandbox/server';
import { demoPolicy } from '@/test/fixtures/demo-policy';
import { sandboxTransport } from '@/test/fixtures/node-transport';
import { conversationId } from '@/test/fixtures/urls';
import { notesOf, readBack } from '@/test/fixtures/readback';
import { memoryStore } from '@/test/fixtures/journal-store';

/**
 * Issue 7's fault matrix: 3 platforms × 4 steps × 10 faults, through the real sandbox server, real adapters,
 * the HTTP helper and the journal. Each cell: the failed step carries a plain sentence, nothing is duplicated,
 * the agent's note is intact, and Retry after the fault clears reaches the correct final state.
 */
type Fault = { name: string; spec: Record<string, unknown> };
const FAULTS: Fault[] = [
  { name: '401', spec: { status: 401 } },
  { name: '403', spec: { status: 403 } },
  { name: '404', spec: { status: 404 } },
  { name: '409', spec: { status: 409 } },
  { name: '422', spec: { status: 422 } },
  { name: '429+RA', spec: { status: 429, retryAfter: 0.05 } },
  { name: '500', spec: { status: 500 } },
  { name: '503', spec: { status: 503 } },
  { name: 'timeout', spec: { delayMs: 700 } },
  { name: 'drop', spec: { drop: true } },
];
const STEPS: StepKind[] = ['tags', 'note', 'assign', 'pause'];

/** The request that carries each step, per platform (method regex, path regex). */
const ROUTE: Record<Platform, Record<StepKind, { method: string; path: string }>> = {
  // Zendesk carries all four steps in one ticket update.
  zendesk: {
    tags: { method: 'PUT', path: '^/api/v2/tickets/\\d+(\\.json)?$' },
    note: { method: 'PUT', path: '^/api/v2/tickets/\\d+(\\.json)?$' },
    assign: { method: 'PUT', path: '^/api/v2/tickets/\\d+(\\.json)?$' },
    pause: { method: 'PUT', path: '^/api/v2/tickets/\\d+(\\.json)?$' },
  },
  front: {
    tags: { method: 'POST', path: '^/conversations/[^/]+/tags$' },
    note: { method: 'POST', path: '^/conversations/[^/]+/comments$' },
    assign: { method: 'PATCH', path: '^/conversations/[^/]+$' },
    pause: { method: 'DELETE', path: '^/conversations/[^/]+/tags$' },
  },
  // Gorgias: the note, then one ticket update carrying tags, assignment and pause.
  gorgias: {
    // Tags and the stop tag are added by name on the ticket's tag endpoint (never a full PUT that could wipe a
    // tag a rule added meanwhile), in one request.
    tags: { method: 'POST', path: '^/api/tickets/\\d+/tags$' },
    note: { method: 'POST', path: '^/api/tickets/\\d+/messages$' },
    assign: { method: 'PUT', path: '^/api/tickets/\\d+$' },
    pause: { method: 'POST', path: '^/api/tickets/\\d+/tags$' },
  },
};

const ACTION_WORDS: Record<StepKind, RegExp> = {
  tags: /tag/i,
  note: /note/i,
  assign: /assign|move|route/i,
  pause: /bot|tag/i,
};

let sandbox: Sandbox;
let policy: Policy;
const table: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  sandbox = await startSandbox({});
  // Pausing removes the bot's managing tag, so "pause" is a request of its own on every platform.
  policy = await demoPolicy(Object.values(sandbox.platforms), {
    suspend: {
      enabled: true,
      pause: {
        front: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] },
        gorgias: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] },
        zendesk: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] },
      },
    },
  });
});

afterAll(async () => {
  await sandbox?.stop();
  const cols = FAULTS.map((f) => f.name);
  const lines = [`${'platform/step'.padEnd(16)}${cols.map((c) => c.padEnd(9)).join('')}`];
  for (const [row, cells] of Object.entries(table)) lines.push(`${row.padEnd(16)}${cols.map((c) => (cells[c] ?? '·').padEnd(9)).join('')}`);
  console.log(`\nFault matrix (✓ = plain error, no duplicate, retry reached the final state)\n${lines.join('\n')}\n`);
});

describe.each(PLATFORMS)('%s fault matrix', (platform) => {
  it.each(STEPS.flatMap((step) => FAULTS.map((fault) => ({ step, fault, name: `${step} × ${fault.name}` }))))(
    '$name',
    async ({ step, fault }) => {
      sandbox.reset();
      const adapter = ADAPTERS[platform];
      const http = createHttpClient({
        transport: sandboxTransport(sandbox.httpUrl, platform),
        platformLabel: adapter.label,
        timeoutMs: 300,
        sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
      });
      const ref = {
        platform,
        account: platform === 'front' ? 'app' : 'acme',
        conversationId: conversationId(platform, 'human_request'),
        idIsGuess: false,
      };
      // Front notes are written as the agent: their teammate is found from the email they set in Options.
      const connection = platform === 'front' ? { authorEmail: 'dana@acme-support.example' } : undefined;
      const ctx = { ref, http, authMode: 'token' as const, botIdentity: policy.botIdentity[platform], connection };
      const conversation = await adapter.read(ctx);
      const target = policy.routing.rules.find((r) => r.target.platform === platform)!.target;
      const note = `Customer wants a human about order #A-10234 (${platform}/${step}/${fault.name}).`;
      const plan = buildPlan(ref, conversation, { note, tags: ['sys_escalation'], target, routeReason: 'rule', suspend: true }, policy);
      const store = memoryStore();

      const r = ROUTE[platform][step];
      sandbox.faults.add({ platform, method: r.method, path: r.path, times: 0, ...fault.spec });
      const failed = await runJournal(newJournal(plan, adapter.stepLayout), adapter, ctx, store);
      sandbox.faults.clear();
      await new Promise((res) => setTimeout(res, fault.name === 'timeout' ? 800 : 0)); // let a slow write land

      const failedStep = failed.steps.find((s) => s.status === 'failed');
      expect(failedStep, 'a step failed').toBeDefined();
      expect(failedStep!.kind === step || failed.steps.find((s) => s.kind === step)!.status === 'failed').toBe(true);
      expect(failedStep!.error).toMatch(/[A-Z].*[.)]$/); // a sentence
      expect(failedStep!.error).toMatch(ACTION_WORDS[step]);
      // What the agent wrote is kept for the retry, with the same record line after it.
      expect(failed.plan.note).toBe(withRecord(note, failed.plan.record!));

      const done = await runJournal(failed, adapter, ctx, store);
      expect(done.steps.every((s) => s.status === 'done' || s.status === 'skipped')).toBe(true);
      const after = await readBack(Object.values(sandbox.platforms), platform, ref.conversationId);
      expect(notesOf(after)).toHaveLength(1);
      expect(after.tags).toEqual(expect.arrayContaining(['sys_escalation', 'sys_bot_paused']));
      expect(after.tags).not.toContain('bot_managed');
      expect([after.team?.id, after.inbox?.id, after.assignee?.id]).toContain(target.id);
      (table[`${platform}/${step}`] ??= {})[fault.name] = '✓';
    },
  );
});
