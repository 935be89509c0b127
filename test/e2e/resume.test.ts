import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import { notesOf, readBack } from '../fixtures/readback';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';
import type { Policy } from '@/lib/schema/policy';

/**
 * The agent reloads or closes the helpdesk tab while a request of the escalation is in flight (held by the
 * sandbox's delay fault). Zendesk and Gorgias run in session mode, relayed through that very tab; Front runs
 * with a token in the background. Either way the escalation must finish by itself once the conversation is
 * open again, with one note, the tags and the assignment, and nothing failed.
 */

const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => {
    policy = await demoPolicy(Object.values(sandbox.platforms));
    return { policy, connections: { front: { authorEmail: 'dana@acme-support.example' } } };
  },
});
let policy: Policy;

/** Each request of an escalation, in the platform's send order (lib/platforms/<name>/ops.ts layouts). */
const REQUESTS: Record<Platform, { name: string; method: string; path: string }[]> = {
  zendesk: [{ name: 'the one ticket update', method: 'PUT', path: '^/api/v2/tickets/\\d+(\\.json)?$' }],
  gorgias: [
    { name: 'the note', method: 'POST', path: '^/api/tickets/\\d+/messages$' },
    { name: 'the assignment', method: 'PUT', path: '^/api/tickets/\\d+$' },
    { name: 'the tags and pause', method: 'POST', path: '^/api/tickets/\\d+/tags$' },
  ],
  front: [
    { name: 'the note', method: 'POST', path: '^/conversations/[^/]+/comments$' },
    { name: 'the assignment', method: 'PATCH', path: '^/conversations/[^/]+$' },
    { name: 'the tags and pause', method: 'POST', path: '^/conversations/[^/]+/tags$' },
  ],
};

async function open(platform: Platform, key: string, page?: Page): Promise<Page> {
  const p = page ?? (await e2e.browser.context.newPage());
  await p.goto(conversationUrl(platform, key));
  return p;
}

/** Holds the request in flight; `landed` decides whether the helpdesk applied it before the tab went away. */
async function holdAndClick(page: Page, platform: Platform, req: { method: string; path: string }, landed: boolean) {
  expect(await verdictStatus(page)).toBe('escalate');
  e2e.sandbox.faults.add({ platform, method: req.method, path: req.path, delayMs: 8_000, applyAfter: landed, times: 1 });
  await page.locator('[data-testid="escalate"]').click();
  // The fault retires when the request reaches the sandbox: from then on it is in flight.
  await expect.poll(() => e2e.sandbox.faults.list().length, { timeout: 30_000 }).toBe(0);
}

/** The sidebar shows the normal done state with every step done, and the helpdesk has it all exactly once. */
async function finishedOnce(page: Page, platform: Platform, key: string) {
  await page
    .locator('[data-testid="escalated"]')
    .waitFor({ timeout: 30_000 })
    .catch(async (e: unknown) => {
      // Say what the sidebar shows instead, so a failure reads as the agent would see it.
      if (process.env.BATON_DEBUG)
        console.log(
          JSON.stringify(e2e.sandbox.traffic().map((t) => `${t.method} ${t.path}`)),
          JSON.stringify(await e2e.browser.worker.evaluate(async () => (globalThis as any).chrome.storage.local.get(null))).slice(0, 3000),
        );
      throw new Error(
        `${(e as Error).message}\nSidebar: ${await page
          .locator('[data-testid="steps"]')
          .textContent()
          .catch(() => '(no steps)')} ${await page
          .locator('.escalate')
          .textContent()
          .catch(() => '')}`,
      );
    });
  const statuses = await page.locator('[data-testid="steps"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  expect(statuses.every((s) => s === 'done' || s === 'skipped')).toBe(true);
  expect(await page.locator('[data-testid="retry"]').count()).toBe(0);
  const after = await readBack(Object.values(e2e.sandbox.platforms), platform, conversationId(platform, key));
  expect(notesOf(after)).toHaveLength(1);
  expect(after.tags).toEqual(expect.arrayContaining(['sys_escalation', 'sys_bot_paused']));
  const rule = policy.routing.rules.find((r) => r.subAgents.includes('returns') && r.target.platform === platform)!;
  expect([after.team?.id, after.inbox?.id, after.assignee?.id]).toContain(rule.target.id);
}

describe.each(PLATFORMS)('%s: an escalation survives its tab', (platform) => {
  for (const req of REQUESTS[platform]) {
    it(`reloaded while ${req.name} is in flight (it landed): finishes by itself, nothing sent twice`, async () => {
      const page = await open(platform, 'human_request');
      await holdAndClick(page, platform, req, true);
      await page.reload();
      await finishedOnce(page, platform, 'human_request');
      // The request that landed was checked, not sent again.
      const path = new RegExp(req.path);
      expect(e2e.sandbox.traffic().filter((t) => t.platform === platform && t.method === req.method && path.test(t.path))).toHaveLength(1);
      await page.close();
    });
  }

  it(`reloaded while ${REQUESTS[platform][0].name} is in flight (it did not land): finishes by itself with one note`, async () => {
    const page = await open(platform, 'human_request');
    await holdAndClick(page, platform, REQUESTS[platform][0], false);
    await page.reload();
    await finishedOnce(page, platform, 'human_request');
    await page.close();
  });

  it('tab closed mid-escalation, conversation opened again later: finishes by itself', async () => {
    const page = await open(platform, 'human_request');
    const req = REQUESTS[platform][0];
    await holdAndClick(page, platform, req, true);
    await page.close();
    // Nothing else of the account is open meanwhile: a session escalation waits for a tab, it does not fail.
    const journal = await e2e.browser.worker.evaluate(
      async (k) => {
        const c = (globalThis as any).chrome;
        const all = await c.storage.local.get(null);
        return Object.entries(all).find(([key]) => key.startsWith('baton:journal:') && key.endsWith(k))?.[1] as any;
      },
      `:${conversationId(platform, 'human_request')}`,
    );
    expect(journal?.steps.some((s: { status: string }) => s.status === 'failed')).toBe(false);
    const again = await open(platform, 'human_request');
    await finishedOnce(again, platform, 'human_request');
    await again.close();
  });
});

describe('the sidebar while an interrupted escalation resumes', () => {
  it('says "Resuming…", never that it failed, then shows the normal done state', async () => {
    const platform: Platform = 'zendesk';
    const page = await open(platform, 'human_request');
    await holdAndClick(page, platform, REQUESTS[platform][0], true);
    // A second tab of the conversation follows the journal live.
    const watcher = await open(platform, 'human_request');
    await verdictStatus(watcher);
    // The resumed run first looks for the note; hold that look so the sidebar's state can be seen.
    e2e.sandbox.faults.add({ platform, method: 'GET', path: '^/api/v2/tickets/\\d+/comments(\\.json)?$', delayMs: 3000, times: 1 });
    await page.close();
    await expect.poll(() => watcher.locator('[data-testid="resuming"]').textContent(), { timeout: 30_000 }).toMatch(/^Resuming…/);
    expect(await watcher.locator('[data-testid="steps"] li[data-status="failed"]').count()).toBe(0);
    expect(await watcher.locator('[data-testid="retry"]').count()).toBe(0);
    await finishedOnce(watcher, platform, 'human_request');
    expect(await watcher.locator('[data-testid="resuming"]').count()).toBe(0);
    await watcher.close();
  });
});
