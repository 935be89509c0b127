import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eFixture } from './fixture';
import { DEMO_BASE } from '../fixtures/demo-policy';
import { conversationUrl } from '../fixtures/urls';

/**
 * Session requests (the Zendesk and Gorgias default) are carried by a helpdesk tab of the account. Options
 * has no such tab of its own: it must find one, wait for one still loading, and when there is none say
 * which tab to open rather than blame the network.
 */
const e2e = e2eFixture({
  settings: () => ({ policy: { ...DEMO_BASE } }),
});

async function openOptions(): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/options.html`);
  await page.locator('[data-testid="options"][data-phase="ready"]').waitFor({ timeout: 20_000 });
  return page;
}

async function closeHelpdeskTabs() {
  for (const p of e2e.browser.context.pages()) if (!p.url().startsWith('chrome-extension://')) await p.close();
}

describe('session relay from the options page', () => {
  it('loads the Gorgias list on the first click while the only Gorgias tab is still loading', async () => {
    e2e.sandbox.reset();
    await closeHelpdeskTabs();
    const page = await openOptions();
    await page.getByTestId('field-connections.gorgias.account').fill('acme');
    // The agent page takes a while to arrive: the tab exists, its content script does not yet.
    e2e.sandbox.faults.add({ platform: 'gorgias', method: 'GET', path: '^/app/ticket/\\d+$', delayMs: 2500, times: 1 });
    const helpdesk = await e2e.browser.context.newPage();
    const loading = helpdesk.goto(conversationUrl('gorgias', 'tracking_resolved'));
    await expect.poll(() => e2e.sandbox.traffic().some((t) => t.platform === 'gorgias' && /^\/app\/ticket\//.test(t.path))).toBe(true);
    expect(e2e.sandbox.faults.list()).toHaveLength(0);

    await page.getByTestId('refresh-targets-gorgias').click();
    const list = page.getByTestId('targets-gorgias');
    await expect.poll(() => list.getAttribute('data-state'), { timeout: 20_000 }).not.toBe('loading');
    expect(await list.getAttribute('data-state'), (await list.textContent()) ?? '').toBe('ready');
    await loading;
    await page.close();
    await helpdesk.close();
  });

  it('with no Zendesk tab open, the sentence says which tab to open', async () => {
    e2e.sandbox.reset();
    await closeHelpdeskTabs();
    const page = await openOptions();
    await page.getByTestId('field-connections.zendesk.account').fill('acme');
    await page.getByTestId('refresh-targets-zendesk').click();
    const list = page.getByTestId('targets-zendesk');
    await expect.poll(() => list.getAttribute('data-state'), { timeout: 20_000 }).toBe('error');
    const text = (await list.textContent()) ?? '';
    expect(text).toMatch(/Open a Zendesk tab of acme to connect/);
    expect(text).not.toMatch(/network/i);
    // Nothing was sent to the helpdesk: there was no tab to carry it.
    expect(e2e.sandbox.traffic().filter((t) => t.platform === 'zendesk')).toHaveLength(0);

    // Once a tab of the account is open, the same click works.
    const helpdesk = await e2e.browser.context.newPage();
    await helpdesk.goto(conversationUrl('zendesk', 'tracking_resolved'));
    await page.getByTestId('refresh-targets-zendesk').click();
    await expect.poll(() => list.getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    await page.close();
    await helpdesk.close();
  });
});
