import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, verdictStatus, writesSince } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import { readBack, notesOf } from '../fixtures/readback';
import { SCENARIOS } from '../sandbox/scenarios';

/**
 * Zendesk in the browser: the Agent Workspace keeps every open ticket tab in the page, an escalation is one
 * ticket update, and a note that cannot be posted leaves the bot answering (and the sidebar says so).
 */
const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => {
    const policy = await demoPolicy(Object.values(sandbox.platforms), {
      suspend: { enabled: true, pause: { front: {}, gorgias: {}, zendesk: { stopTag: 'sys_bot_paused', removeTags: ['bot_managed'] } } },
    });
    return { policy };
  },
});

const TICKET = '^/api/v2/tickets/\\d+(\\.json)?$';
const text = (key: string, i: number) => SCENARIOS.find((s) => s.key === key)!.messages[i].text;
const writes = (since: number) => writesSince(e2e.sandbox, 'zendesk', since);

async function open(key: string): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(conversationUrl('zendesk', key));
  return page;
}

describe('Zendesk agent workspace', () => {
  it('with two ticket tabs in the page, Baton reads the visible ticket (from the page, when the API fails)', async () => {
    // The API cannot list comments, so Baton falls back to reading the page.
    e2e.sandbox.faults.add({
      platform: 'zendesk',
      method: 'GET',
      path: '^/api/v2/tickets/\\d+/comments(\\.json)?$',
      status: 503,
      times: 0,
    });
    const page = await open('human_request');
    await page.locator('[data-test-id="omni-log-comment-item"]').first().waitFor();
    // Switch tabs inside the workspace: the first ticket's pane stays in the page, hidden, ahead of the new one.
    await page.locator(`a[href="/agent/tickets/${conversationId('zendesk', 'tracking_resolved')}"]`).click();
    await expect.poll(() => page.locator('#main_panes > .workspace[style*="display: none"]').count()).toBeGreaterThanOrEqual(1);
    // A new customer message arrives on the visible ticket: Baton re-reads the page.
    await admin(e2e.sandbox, `/__admin/zendesk/conversations/${conversationId('zendesk', 'tracking_resolved')}/messages`, {
      method: 'POST',
      body: { role: 'customer', text: 'Great, it arrived today. Thanks!' },
    });
    const transcript = page.locator('[data-testid="transcript"]');
    await expect.poll(() => transcript.textContent(), { timeout: 30_000 }).toContain('Great, it arrived today.');
    expect(await transcript.textContent()).toContain(text('tracking_resolved', 1));
    expect(await transcript.textContent()).not.toContain(text('human_request', 2));
    await expect.poll(() => page.locator('[data-testid="api-problem"]').textContent()).toMatch(/from the page/);
    await expect.poll(() => page.locator('.verdict-title').getAttribute('data-status')).toBe('none');
    await page.close();
  });

  it('an escalation is one ticket update carrying note, group, tags and the pause', async () => {
    const page = await open('human_request');
    expect(await verdictStatus(page)).toBe('escalate');
    const before = e2e.sandbox.traffic().length;
    await page.locator('[data-testid="escalate"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    const sent = writes(before);
    expect(sent.map((t) => `${t.method} ${t.path}`)).toEqual([`PUT /api/v2/tickets/${conversationId('zendesk', 'human_request')}.json`]);
    // The documented `tags` field: the whole list from the read that gave the stamp, stop tag in, bot tag out.
    const ticket = (sent[0].body as any).ticket;
    expect(ticket).toMatchObject({ safe_update: true, tags: expect.arrayContaining(['sys_escalation', 'sys_bot_paused']) });
    expect(ticket.tags).not.toContain('bot_managed');
    expect(ticket).not.toHaveProperty('additional_tags');
    const after = await readBack(Object.values(e2e.sandbox.platforms), 'zendesk', conversationId('zendesk', 'human_request'));
    expect(notesOf(after)).toHaveLength(1);
    expect(after.tags).toEqual(expect.arrayContaining(['sys_escalation', 'sys_bot_paused']));
    expect(after.tags).not.toContain('bot_managed');
    await page.close();
  });

  it('a note that keeps failing (503) leaves the bot NOT paused, and the sidebar says so', async () => {
    e2e.sandbox.faults.add({ platform: 'zendesk', method: 'PUT', path: TICKET, status: 503, times: 0 });
    const page = await open('bot_handoff');
    expect(await verdictStatus(page)).toBe('escalate');
    await page.locator('[data-testid="escalate"]').click();
    const pause = page.locator('[data-step="pause"][data-status="failed"]');
    await pause.waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-step="note"]').getAttribute('data-status')).toBe('failed');
    await expect.poll(() => pause.textContent()).toMatch(/the bot is not paused and still answers this ticket/);
    await expect
      .poll(() => page.locator('[data-testid="not-paused"]').textContent())
      .toMatch(/The bot was not paused because the note could not be posted/);
    const after = await readBack(Object.values(e2e.sandbox.platforms), 'zendesk', conversationId('zendesk', 'bot_handoff'));
    expect(after.tags).not.toContain('sys_bot_paused');
    expect(notesOf(after)).toHaveLength(0);
    // Once Zendesk answers again, Retry completes everything in one update.
    e2e.sandbox.faults.clear();
    await page.locator('[data-testid="retry"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    const done = await readBack(Object.values(e2e.sandbox.platforms), 'zendesk', conversationId('zendesk', 'bot_handoff'));
    expect(done.tags).toContain('sys_bot_paused');
    expect(notesOf(done)).toHaveLength(1);
    await page.close();
  });
});
