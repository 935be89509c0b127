import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Platform } from '@/lib/schema/conversation';
import { admin, verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import { RECHECK_DEBOUNCE_MS } from '@/entrypoints/content/recheck';

/**
 * When Baton reads an open conversation again, and how fast: a new newest message, not the number of rows the
 * page renders; a change in a conversation view whose messages Baton cannot pick out still re-checks; and a
 * helpdesk announcing a nearly spent budget makes Baton wait instead of running into 429s.
 */
const e2e = e2eFixture({
  trafficFile: null,
  fresh: true,
  settings: async (sandbox) => ({ policy: await demoPolicy(Object.values(sandbox.platforms)) }),
});

async function open(platform: Platform, key: string): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(conversationUrl(platform, key));
  return page;
}

const READ_MESSAGES = /^\/api\/messages$/;
const messageReads = (since: number) =>
  e2e.sandbox
    .traffic()
    .slice(since)
    .filter((t) => t.platform === 'gorgias' && t.method === 'GET' && READ_MESSAGES.test(t.path));

const addMessage = (platform: Platform, key: string, text: string) =>
  admin(e2e.sandbox, `/__admin/${platform}/conversations/${conversationId(platform, key)}/messages`, {
    method: 'POST',
    body: { role: 'customer', text },
  });

describe('re-checks follow the conversation, not the rows on the page', () => {
  it('Gorgias: rows the virtualised thread drops and adds while scrolling cost no API read; a new message does', async () => {
    const page = await open('gorgias', 'tracking_resolved');
    expect(await verdictStatus(page)).toBe('none');
    const rows = page.locator('#thread-items > *');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(2);
    // What the agent app does as the agent scrolls up: the newest rows leave the DOM, then come back.
    const mark = e2e.sandbox.traffic().length;
    await page.evaluate(() => {
      const list = document.getElementById('thread-items')!;
      const dropped = [list.lastElementChild!, list.lastElementChild!.previousElementSibling!];
      dropped.forEach((row) => row.remove());
      (window as unknown as { __dropped: Element[] }).__dropped = dropped;
    });
    await page.waitForTimeout(RECHECK_DEBOUNCE_MS * 2);
    await page.evaluate(() => {
      const list = document.getElementById('thread-items')!;
      const dropped = (window as unknown as { __dropped: Element[] }).__dropped;
      dropped.reverse().forEach((row) => list.append(row));
    });
    await page.waitForTimeout(RECHECK_DEBOUNCE_MS * 2);
    expect(messageReads(mark)).toEqual([]);

    // A message that really is new: read once, and the verdict follows it.
    await addMessage('gorgias', 'tracking_resolved', 'This is useless. I want to talk to a real person now.');
    await expect.poll(() => page.locator('.verdict-title').getAttribute('data-status'), { timeout: 20_000 }).toBe('escalate');
    expect(messageReads(mark)).toHaveLength(1);
    await page.close();
  });

  it('Front: a change in the conversation view whose messages match none of the assumed hooks still re-checks', async () => {
    await admin(e2e.sandbox, '/__admin/front/page-hooks', { method: 'POST', body: { perMessage: false } });
    const page = await open('front', 'tracking_resolved');
    expect(await verdictStatus(page)).toBe('none');
    // The page shows the messages, but not in a shape Baton's reader knows.
    await expect.poll(() => page.locator('[data-testid="conversation"]').textContent(), { timeout: 10_000 }).toContain('Great, thanks!');
    expect(await page.locator('[data-testid^="viewer-message"]').count()).toBe(0);

    await addMessage('front', 'tracking_resolved', 'This is useless. I want to talk to a real person now.');
    await expect.poll(() => page.locator('[data-testid="conversation"]').textContent(), { timeout: 10_000 }).toContain('real person');
    await expect.poll(() => page.locator('.verdict-title').getAttribute('data-status'), { timeout: 30_000 }).toBe('escalate');
    await page.close();
  });
});

/** Waits until `count` has not changed for `quietMs` (at most `maxMs`): the page has stopped sending requests. */
async function quietFor(page: Page, count: () => number, quietMs = 1500, maxMs = 20_000): Promise<void> {
  const start = Date.now();
  let last = count();
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    await page.waitForTimeout(250);
    const n = count();
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}

describe('rate budgets', () => {
  it('Zendesk announcing a nearly spent budget makes Baton wait for it instead of running into 429s', async () => {
    const opened = e2e.sandbox.traffic().length;
    const page = await open('zendesk', 'tracking_resolved');
    expect(await verdictStatus(page)).toBe('none');
    // After the verdict the sidebar still loads its escalation targets (users/me, groups, users, views); on a busy
    // machine they can arrive after the budget below is set and spend its margin. Wait until the page is quiet.
    await quietFor(
      page,
      () =>
        e2e.sandbox
          .traffic()
          .slice(opened)
          .filter((t) => t.platform === 'zendesk').length,
    );
    // Other integrations of the account have spent all but a few requests of a short window.
    await admin(e2e.sandbox, '/__admin/rate-limits', { method: 'POST', body: { platform: 'zendesk', limit: 10, windowMs: 5000, used: 7 } });
    const again = page.locator('button[aria-label="Check again"]');
    const mark = e2e.sandbox.traffic().length;
    const reads = () =>
      e2e.sandbox
        .traffic()
        .slice(mark)
        .filter((t) => t.platform === 'zendesk' && /^\/api\/v2\/tickets\/\d+\/comments\.json$/.test(t.path)).length;
    // Three full reads, one after the other, each answered before the next is asked for.
    for (let i = 1; i <= 3; i++) {
      await again.click();
      await expect.poll(reads, { timeout: 30_000 }).toBe(i);
      await expect.poll(() => again.isDisabled(), { timeout: 30_000 }).toBe(false);
    }
    expect((await admin(e2e.sandbox, '/__admin/rate-limits')).rejected.zendesk).toBe(0);
    expect(await page.locator('[data-testid="check-error"]').count()).toBe(0);
    await page.close();
  });
});
