import { describe, expect, it } from 'vitest';
import { verdictStatus, writesSince } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';

/**
 * The helpdesk page's own scripts (or anything injected into them) share the page with the sidebar: they must not
 * be able to press its buttons or switch Baton off (security review #5). The agent's real clicks still work.
 */
const e2e = e2eFixture({ settings: async (sandbox) => ({ policy: await demoPolicy(Object.values(sandbox.platforms)) }) });

describe('the page cannot drive or switch off the sidebar (review #5)', () => {
  it('a scripted click that reaches the button anyway sends nothing (trusted clicks only)', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl('zendesk', 'bot_handoff'));
    expect(await verdictStatus(page)).toBe('escalate');
    const before = e2e.sandbox.traffic().length;
    // The test reveals the closed root to this page, standing in for a way in the review did not find.
    const clicked = await page.evaluate(() => {
      const button = document.querySelector('baton-sidebar')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="escalate"]');
      button?.click();
      button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return !!button;
    });
    expect(clicked).toBe(true);
    await page.waitForTimeout(1500);
    expect(writesSince(e2e.sandbox, 'zendesk', before)).toEqual([]);
    expect(await page.locator('[data-testid="escalated"]').count()).toBe(0);
    await page.close();
  });

  it('nothing posted to the page names the extension, and WXT’s stop event from the page does not switch Baton off', async () => {
    const page = await e2e.browser.context.newPage();
    await page.addInitScript(() => {
      (window as any).__posted = [];
      window.addEventListener('message', (e) => (window as any).__posted.push(JSON.stringify(e.data)));
    });
    await page.goto(conversationUrl('zendesk', 'bot_handoff'));
    expect(await verdictStatus(page)).toBe('escalate');
    const posted: string[] = await page.evaluate(() => (window as any).__posted);
    expect(posted.filter((m) => m.includes(e2e.browser.extensionId))).toEqual([]);
    // What the review did with the leaked name: fire it at the document, then navigate in the app.
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      for (const target of [document, window] as EventTarget[])
        target.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'page' } }));
    }, e2e.browser.extensionId);
    const other = conversationId('zendesk', 'human_request');
    await page.locator(`a[href*="/${other}"]`).first().click();
    await expect
      .poll(() => page.locator('[data-testid="conversation-label"]').textContent(), { timeout: 20_000 })
      .toContain('Return for damaged blender');
    await page.close();
  });
});
