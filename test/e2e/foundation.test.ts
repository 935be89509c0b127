import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { sidebar, verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationId, conversationUrl } from '../fixtures/urls';
import { SCENARIOS } from '../sandbox/scenarios';
import { PLATFORMS } from '@/lib/schema/conversation';

const e2e = e2eFixture({
  settings: async (sandbox) => ({ policy: await demoPolicy(Object.values(sandbox.platforms)) }),
});

const text = (key: string, i: number) => SCENARIOS.find((s) => s.key === key)!.messages[i].text;

describe.each(PLATFORMS)('%s: the sidebar in the helpdesk tab', (platform) => {
  it('appears beside a conversation, shows its messages, and never covers the reply box', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl(platform, 'human_request'));
    await expect.poll(() => sidebar(page).count(), { timeout: 20_000 }).toBe(1);
    await verdictStatus(page);
    const transcript = page.locator('[data-testid="transcript"]');
    await expect.poll(() => transcript.textContent()).toContain(text('human_request', 2));
    const box = await sidebar(page).boundingBox();
    const reply = await page.locator('textarea').first().boundingBox();
    expect(box && reply).toBeTruthy();
    expect(reply!.x + reply!.width).toBeLessThanOrEqual(box!.x + 1);
    await page.close();
  });

  it('follows single-page navigation to another conversation without a reload', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl(platform, 'human_request'));
    await verdictStatus(page);
    await page.evaluate(() => ((window as any).__noReload = true));
    const otherId = conversationId(platform, 'tracking_resolved');
    await page.locator(`a[href*="${otherId}"]`).first().click();
    await expect
      .poll(() => page.locator('[data-testid="transcript"]').textContent(), { timeout: 20_000 })
      .toContain(text('tracking_resolved', 1));
    await expect.poll(() => page.locator('.verdict-title').getAttribute('data-status')).toBe('none');
    expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
    await page.close();
  });

  it('remembers collapsed per platform, and keeps the page’s CSS and its own apart', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl(platform, 'tracking_resolved'));
    await verdictStatus(page);
    // Hostile page CSS must not reach the sidebar.
    await page.addStyleTag({ content: '* { color: rgb(255, 0, 0) !important; font-size: 40px !important; }' });
    const h1 = page.locator('[data-testid="baton-sidebar"] h1');
    expect(await h1.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)');
    await page.locator('[data-testid="collapse"]').click();
    await page.reload();
    await page.locator('[data-testid="open-sidebar"]').waitFor({ timeout: 20_000 });
    expect(await sidebar(page).count()).toBe(0);
    await page.locator('[data-testid="open-sidebar"]').click();
    await sidebar(page).waitFor();
    await page.close();
  });
});

describe('accessibility', () => {
  it.each(['escalate', 'unconfirmed'] as const)(
    'the sidebar passes axe-core checks (%s verdict) and is keyboard reachable',
    async (kind) => {
      const page = await e2e.browser.context.newPage();
      await page.goto(conversationUrl('zendesk', kind === 'escalate' ? 'human_request' : 'unconfirmed_order_number'));
      await verdictStatus(page);
      const results = await new AxeBuilder({ page }).include('baton-sidebar').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      // Every control can be reached with Tab and shows a visible focus ring.
      let outline: string | null = null;
      for (let i = 0; i < 60 && !outline; i++) {
        await page.keyboard.press('Tab');
        outline = await page.evaluate(() => {
          const host = document.activeElement;
          const inner = host?.tagName.toLowerCase() === 'baton-sidebar' ? host.shadowRoot?.activeElement : null;
          return inner ? getComputedStyle(inner).outlineStyle : null;
        });
      }
      expect(outline, 'Tab reaches the sidebar').not.toBeNull();
      expect(outline).not.toBe('none');
      await page.close();
    },
  );
});

describe('pages that are not conversations', () => {
  it('show no sidebar', async () => {
    const page = await e2e.browser.context.newPage();
    for (const url of [
      'https://acme.zendesk.com/agent/dashboard',
      'https://acme.gorgias.com/app/settings',
      'https://app.frontapp.com/settings',
    ]) {
      await page.goto(url);
      await page.waitForTimeout(1500);
      expect(await sidebar(page).count(), url).toBe(0);
    }
    await page.close();
  });
});
