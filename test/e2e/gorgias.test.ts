import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, verdictStatus, writesSince } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import { notesOf, readBack } from '../fixtures/readback';

/**
 * Gorgias in the browser with the agent's own session (the default): the escalation's order (note first,
 * the pause only in the last write) and what the sidebar says when Gorgias refuses a session write.
 */
const e2e = e2eFixture({
  trafficFile: null,
  fresh: true,
  settings: async (sandbox) => ({ policy: await demoPolicy(Object.values(sandbox.platforms)) }),
});

const NOTE_ROUTE = '^/api/tickets/\\d+/messages$';
const writes = (since: number) => writesSince(e2e.sandbox, 'gorgias', since);

async function open(key: string): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(conversationUrl('gorgias', key));
  return page;
}

const step = (page: Page, kind: string) => page.locator(`[data-step="${kind}"]`);

describe('Gorgias: escalation order and session writes', () => {
  it('a note that keeps failing (503) leaves the bot NOT paused, sends nothing else, and the sidebar says so', async () => {
    const page = await open('human_request');
    expect(await verdictStatus(page)).toBe('escalate');
    e2e.sandbox.faults.add({ platform: 'gorgias', method: 'POST', path: NOTE_ROUTE, status: 503, times: 0 });
    const before = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="escalate"]').click();

    await page.locator('[data-step="note"][data-status="failed"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => step(page, 'note').textContent()).toMatch(/internal note/);
    // The pause is not done and says so on its row; the agent is offered a retry.
    expect(await step(page, 'pause').getAttribute('data-status')).not.toBe('done');
    await expect.poll(() => step(page, 'pause').textContent()).toMatch(/Pause the bot: (pending|failed)/);
    await expect
      .poll(() => page.locator('[data-testid="not-paused"]').textContent())
      .toMatch(/The bot was not paused because the note could not be posted/);
    expect(await page.locator('[data-testid="retry"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="escalated"]').count()).toBe(0);

    // Gorgias itself: only note attempts were written; no stop tag, no owner, the bot's tag still there.
    expect(writes(before).every((t) => t.method === 'POST' && new RegExp(NOTE_ROUTE).test(t.path))).toBe(true);
    const after = await readBack(Object.values(e2e.sandbox.platforms), 'gorgias', conversationId('gorgias', 'human_request'));
    expect(after.tags).not.toContain('sys_bot_paused');
    expect(after.tags).not.toContain('sys_escalation');
    expect([after.team, after.assignee]).toEqual([null, null]);
    expect(notesOf(after)).toHaveLength(0);

    // Once Gorgias answers again, Retry completes the handoff: the note, the owner, then the tags with the pause.
    e2e.sandbox.faults.clear();
    const mark = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="retry"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    expect(writes(mark).map((t) => `${t.method} ${t.path.replace(/\d+/, ':id')}`)).toEqual([
      'POST /api/tickets/:id/messages',
      'PUT /api/tickets/:id',
      'POST /api/tickets/:id/tags',
    ]);
    const done = await readBack(Object.values(e2e.sandbox.platforms), 'gorgias', conversationId('gorgias', 'human_request'));
    expect(done.tags).toEqual(expect.arrayContaining(['sys_escalation', 'sys_bot_paused']));
    expect(notesOf(done)).toHaveLength(1);
    await page.close();
  });

  it('a session write answered 403 shows the sentence offering the API key, and pauses nothing', async () => {
    const page = await open('bot_handoff');
    expect(await verdictStatus(page)).toBe('escalate');
    await admin(e2e.sandbox, '/__admin/gorgias/session-writes', { method: 'POST', body: { refuse: 403 } });
    await page.locator('[data-testid="escalate"]').click();

    const failed = page.locator('[data-status="failed"] [role="alert"]').first();
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.textContent()).toBe(
      "Could not post the internal note: Gorgias refused this change from your browser session; add your Gorgias email and API key in Baton's Options (Settings → REST API in Gorgias) and retry.",
    );
    expect(await step(page, 'pause').getAttribute('data-status')).not.toBe('done');
    await expect.poll(() => page.locator('[data-testid="not-paused"]').textContent()).toMatch(/The bot was not paused/);
    const after = await readBack(Object.values(e2e.sandbox.platforms), 'gorgias', conversationId('gorgias', 'bot_handoff'));
    expect(after.tags).not.toContain('sys_bot_paused');
    expect(notesOf(after)).toHaveLength(0);
    await page.close();
  });
});
