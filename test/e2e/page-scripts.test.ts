import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { configure, launchBrowser, ROOT, verdictStatus, writesSince, type Launched, type Sandbox } from './harness';
import { clickInClosedRoot, waitInClosedRoot } from './closed-roots';
import { startSandbox } from '../sandbox/server';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';

/**
 * The helpdesk page's own scripts (or anything injected into them) share the page with the sidebar: they must not
 * be able to press its buttons or switch Baton off (security review #5). The agent's real clicks still work.
 */
let sandbox: Sandbox;
let browser: Launched;
/** The page as shipped: nothing in the test reveals the sidebar's closed shadow root to locators. */
let shipped: Launched;

beforeAll(async () => {
  sandbox = await startSandbox({ trafficFile: join(ROOT, 'test-results/sandbox-traffic.jsonl') });
  browser = await launchBrowser(sandbox);
  shipped = await launchBrowser(sandbox, { revealSidebar: false });
  for (const b of [browser, shipped]) await configure(b.worker, { policy: await demoPolicy(Object.values(sandbox.platforms)) });
});
afterAll(async () => {
  await browser?.close();
  await shipped?.close();
  await sandbox?.stop();
});

describe('the page cannot drive or switch off the sidebar (review #5)', () => {
  it('a page script can neither read the sidebar nor press Escalate; the agent’s own click escalates', async () => {
    const page = await shipped.context.newPage();
    await page.goto(conversationUrl('zendesk', 'human_request'));
    await waitInClosedRoot(page, 'baton-sidebar', '[data-testid="escalate"]');
    const before = sandbox.traffic().length;
    // Runs in the page's main world, as the helpdesk's own (or an injected) script would (review A2, A3).
    const seen = await page.evaluate(() => {
      const host = document.querySelector('baton-sidebar');
      const button = host?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="escalate"]');
      button?.click();
      return { host: !!host, root: host?.shadowRoot ?? null, text: document.body.innerText, html: document.documentElement.outerHTML };
    });
    expect(seen.host).toBe(true);
    expect(seen.root).toBeNull();
    // None of the sidebar's markup or text (its header names Baton) reaches the page.
    expect(seen.html).not.toContain('data-testid="escalate"');
    expect(seen.text).not.toContain('Baton');
    await page.waitForTimeout(1500);
    expect(writesSince(sandbox, 'zendesk', before)).toEqual([]);
    // The agent's real mouse click on the same button does escalate.
    await clickInClosedRoot(page, 'baton-sidebar', '[data-testid="escalate"]');
    await waitInClosedRoot(page, 'baton-sidebar', '[data-testid="escalated"]');
    expect(writesSince(sandbox, 'zendesk', before).length).toBeGreaterThan(0);
    await page.close();
  });

  it('a scripted click that reaches the button anyway sends nothing (trusted clicks only)', async () => {
    const page = await browser.context.newPage();
    await page.goto(conversationUrl('zendesk', 'bot_handoff'));
    expect(await verdictStatus(page)).toBe('escalate');
    const before = sandbox.traffic().length;
    // The test reveals the closed root to this page, standing in for a way in the review did not find.
    const clicked = await page.evaluate(() => {
      const button = document.querySelector('baton-sidebar')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="escalate"]');
      button?.click();
      button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return !!button;
    });
    expect(clicked).toBe(true);
    await page.waitForTimeout(1500);
    expect(writesSince(sandbox, 'zendesk', before)).toEqual([]);
    expect(await page.locator('[data-testid="escalated"]').count()).toBe(0);
    await page.close();
  });

  it('nothing posted to the page names the extension, and WXT’s stop event from the page does not switch Baton off', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      (window as any).__posted = [];
      window.addEventListener('message', (e) => (window as any).__posted.push(JSON.stringify(e.data)));
    });
    await page.goto(conversationUrl('zendesk', 'bot_handoff'));
    expect(await verdictStatus(page)).toBe('escalate');
    const posted: string[] = await page.evaluate(() => (window as any).__posted);
    expect(posted.filter((m) => m.includes(browser.extensionId))).toEqual([]);
    // What the review did with the leaked name: fire it at the document, then navigate in the app.
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      for (const target of [document, window] as EventTarget[])
        target.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'page' } }));
    }, browser.extensionId);
    const other = conversationId('zendesk', 'human_request');
    await page.locator(`a[href*="/${other}"]`).first().click();
    await expect
      .poll(() => page.locator('[data-testid="conversation-label"]').textContent(), { timeout: 20_000 })
      .toContain('Return for damaged blender');
    await page.close();
  });
});
