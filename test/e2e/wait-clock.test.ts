import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';

/**
 * The wait clock in the sidebar (from the customer's first ask to the first human reply, split into the bot's
 * part and the queue's) and the unclaimed nudge at a 1-minute pick-up target, on the sandbox Zendesk with
 * Baton's clock moved rather than waited for.
 */
const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => ({
    policy: await demoPolicy(Object.values(sandbox.platforms), { followUp: { claimTargetMinutes: 1 } }),
  }),
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

const checkAgain = (page: Page) => page.getByRole('button', { name: 'Check again' }).click();
const clockLine = (page: Page) => page.locator('[data-testid="wait-clock-line"]');

describe('zendesk: wait clock and unclaimed nudge', () => {
  it('runs from the first ask, splits bot and queue time once escalated, and stops at the first human reply', async () => {
    const id = conversationId('zendesk', 'human_request');
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl('zendesk', 'human_request'));
    expect(await verdictStatus(page)).toBe('escalate');

    // Seeded days before the run: the customer has been asking since then, all of it on the bot.
    await clockLine(page).waitFor({ timeout: 20_000 });
    expect(await clockLine(page).textContent()).toMatch(/^Waiting for a human \d+ days \(bot \d+ days\)$/);
    expect(await page.locator('[data-testid="wait-clock"] [role="timer"]').count()).toBe(1);

    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => clockLine(page).textContent(), { timeout: 20_000 })
      .toMatch(/^Waiting for a human \d+ days \(bot \d+ days · queue under a minute\)$/);

    // A human answers: the clock stops.
    await admin(e2e.sandbox, `/__admin/zendesk/conversations/${id}/messages`, {
      method: 'POST',
      body: { role: 'agent', text: 'Hi Maria, Dana here. I have opened the return for your blender.' },
    });
    await expect
      .poll(
        async () => {
          await checkAgain(page).catch(() => undefined);
          return clockLine(page).textContent();
        },
        { timeout: 30_000 },
      )
      .toMatch(/^Waited for a human \d+ days \(bot \d+ days · queue under a minute\)$/);
    expect(await page.locator('[data-testid="wait-clock"] [role="timer"]').count()).toBe(0);
    await page.close();

    // Insights: the handoff's bot, queue and reply time on Zendesk, and the returns sub agent's scorecard.
    const insights = await e2e.browser.context.newPage();
    await insights.goto(`chrome-extension://${e2e.browser.extensionId}/insights.html`);
    const row = insights.locator('[data-testid="wait-table"] tr[data-key="zendesk"]');
    await row.waitFor({ timeout: 20_000 });
    const cells = await row.locator('th, td').allTextContents();
    expect(cells[0]).toBe('Zendesk');
    expect(cells[1]).toBe('1');
    expect(cells[2]).toMatch(/^[\d.]+ days \/ [\d.]+ days$/);
    expect(cells[3]).toBe('under a minute / under a minute');
    expect(cells[4]).toBe('under a minute / under a minute');
    expect(await insights.locator('[data-testid="scorecard-returns"]').textContent()).toContain(
      'customers ask twice before the handoff in 0% of conversations (0 of 1)',
    );
    await insights.close();
  });

  it('with a 1-minute pick-up target the nudge shows within 40 s after the minute', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl('zendesk', 'bot_handoff'));
    expect(await verdictStatus(page)).toBe('escalate');
    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    const nudge = page.locator('[data-testid="unclaimed"]');
    expect(await nudge.count()).toBe(0);

    // A minute later on Baton's clock, nobody assigned and no reply: the sidebar's own redraw brings the nudge,
    // with no new check asked for.
    await moveClock(60_000);
    await nudge.waitFor({ timeout: 40_000 });
    expect(await nudge.textContent()).toBe('Escalated 1 min ago and nobody has picked it up yet (target 1 min).');
    await page.close();
  });
});
