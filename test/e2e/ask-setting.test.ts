import { describe, expect, it } from 'vitest';
import { verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { AGENT } from '../sandbox/scenarios';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import { notesOf, readBack } from '../fixtures/readback';

/**
 * An agent whose own teammate is not set yet (Front notes are written by the agent, not the API token):
 * the note step stops before anything is sent, the sidebar asks once for the setting, and Save and retry
 * finishes the handoff and keeps the setting for the next conversation.
 */
const e2e = e2eFixture({
  settings: async (sandbox) => {
    const policy = await demoPolicy(Object.values(sandbox.platforms));
    return { policy, connections: { front: { authMode: 'token', apiBase: 'https://api2.frontapp.com' } } };
  },
});

describe('a per-agent setting the escalation needs', () => {
  it('is asked for once in the sidebar, saved, and the retry completes with one note and the bot paused last', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl('front', 'human_request'));
    expect(await verdictStatus(page)).toBe('escalate');
    await page.locator('[data-testid="escalate"]').click();

    const ask = page.locator('[data-testid="ask-setting"]');
    await ask.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-testid="not-paused"]').textContent())
      .toMatch(/The bot was not paused because the note could not be posted/);
    expect(await page.locator('[data-step="pause"]').getAttribute('data-status')).not.toBe('done');

    await ask.locator('[data-testid="ask-setting-input"]').fill(AGENT.email);
    await ask.locator('[data-testid="ask-setting-save"]').click();
    await page.locator('[data-testid="escalated"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="not-paused"]').count()).toBe(0);

    const after = await readBack(Object.values(e2e.sandbox.platforms), 'front', conversationId('front', 'human_request'));
    expect(notesOf(after)).toHaveLength(1);
    expect(after.tags).toContain('sys_bot_paused');
    const stored = await e2e.browser.worker.evaluate(
      async () => (await (globalThis as any).chrome.storage.sync.get('baton:connections'))['baton:connections'],
    );
    expect(stored.front.authorEmail).toBe(AGENT.email);
    await page.close();
  });
});
