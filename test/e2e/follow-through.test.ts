import { beforeEach, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { admin, verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import { readBack } from '../fixtures/readback';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';

/**
 * Follow-through on all three helpdesks: the bot promised a handoff nobody did (warning, one-click fix),
 * the bot keeps replying after Baton paused it (stop-tag warning, link to the Suspend settings), and the
 * escalation is still not picked up after the team's target (nudge, with Baton's clock moved on).
 */
const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => ({ policy: await demoPolicy(Object.values(sandbox.platforms)) }),
});

beforeEach(async () => {
  await moveClock(0);
});

/** Moves Baton's clock (utils/clock.ts) by writing its offset where only the extension can: from the worker. */
async function moveClock(ms: number) {
  await e2e.browser.worker.evaluate(async (offset) => {
    await (globalThis as any).chrome.storage.local.set({ 'baton:clock-offset': offset });
  }, ms);
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).include('baton-sidebar').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

const checkAgain = (page: Page) => page.getByRole('button', { name: 'Check again' }).click();

describe.each(PLATFORMS)('%s: follow-through', (platform: Platform) => {
  it('promised handoff → one-click fix; bot reply after the pause → stop-tag warning; not picked up → nudge', async () => {
    const id = conversationId(platform, 'bot_handoff');
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl(platform, 'bot_handoff'));
    expect(await verdictStatus(page)).toBe('escalate');

    // The bot said billing will follow up by email; the helpdesk shows no tag, owner or reply.
    const promise = page.locator('[data-testid="promise-broken"]');
    await promise.waitFor({ timeout: 20_000 });
    expect(await promise.getAttribute('role')).toBe('alert');
    expect(await promise.textContent()).toContain('Promised handoff not done');
    // Seeded on 2026-11-20: days before the run.
    expect(await promise.locator('[data-testid="promised-ago"]').textContent()).toMatch(/promised \d+ (days?|hours?|minutes?) ago/);
    expect(await promise.textContent()).toContain('forwarded this to our billing team');
    await axe(page);

    // One click runs the normal escalation: tags, note, target, pause; the warning goes.
    await page.locator('[data-testid="promise-fix"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => promise.count()).toBe(0);
    const escalated = await readBack(Object.values(e2e.sandbox.platforms), platform, id);
    expect(escalated.tags).toEqual(expect.arrayContaining(['sys_escalation', 'sys_bot_paused']));

    // The bot answers anyway: it does not honour the stop tag.
    await admin(e2e.sandbox, `/__admin/${platform}/conversations/${id}/messages`, {
      method: 'POST',
      body: { role: 'bot', text: 'Is there anything else I can help you with today?' },
    });
    await checkAgain(page);
    const stillReplying = page.locator('[data-testid="bot-after-pause"]');
    await stillReplying.waitFor({ timeout: 20_000 });
    expect((await stillReplying.textContent())?.replace(/\s+/g, ' ')).toContain(
      'The bot is still replying: your bot does not honour the stop tag sys_bot_paused',
    );
    expect(await promise.count()).toBe(0);
    await axe(page);

    // Its link opens Options at the Suspend settings.
    const [options] = await Promise.all([
      e2e.browser.context.waitForEvent('page', { timeout: 15_000 }),
      stillReplying.locator('[data-testid="open-suspend"]').click(),
    ]);
    await options.waitForLoadState();
    expect(new URL(options.url()).hash).toBe('#suspend');
    await options.locator('[data-testid="section-suspend"]').waitFor({ timeout: 15_000 });
    await options.close();

    // 45 minutes later on Baton's clock, still nobody assigned and no human reply (target 30 min).
    expect(await page.locator('[data-testid="unclaimed"]').count()).toBe(0);
    await moveClock(45 * 60_000);
    const nudge = page.locator('[data-testid="unclaimed"]');
    await expect
      .poll(
        async () => {
          if (!(await nudge.count())) await checkAgain(page).catch(() => undefined);
          return nudge.count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    expect(await nudge.textContent()).toMatch(/^Escalated 4[56] min ago and nobody has picked it up yet \(target 30 min\)\.$/);
    await page.close();
  });
});
