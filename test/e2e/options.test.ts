import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configure, verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { DEMO_BASE } from '../fixtures/demo-policy';
import { conversationUrl } from '../fixtures/urls';

const e2e = e2eFixture();

async function openOptions(): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/options.html`);
  await page.locator('[data-testid="options"][data-phase="ready"]').waitFor({ timeout: 20_000 });
  return page;
}
const storedPolicy = () =>
  e2e.browser.worker.evaluate(async () => {
    const c = (globalThis as any).chrome;
    const [s, l] = await Promise.all([c.storage.sync.get('baton:policy'), c.storage.local.get('baton:policy')]);
    return l['baton:policy'] ?? s['baton:policy'];
  });

describe('options page', () => {
  it('a handover rule picked from the live Gorgias list routes a returns conversation there', async () => {
    await configure(e2e.browser.worker, { policy: { ...DEMO_BASE } });
    // The team lead has Gorgias open: Baton lists its teams with that session.
    const helpdesk = await e2e.browser.context.newPage();
    await helpdesk.goto(conversationUrl('gorgias', 'tracking_resolved'));
    const page = await openOptions();
    await page.getByTestId('field-connections.gorgias.account').fill('acme');
    await page.getByTestId('add-rule').click();
    await page.getByTestId('rule-0-subagent-returns').check();
    await page.getByTestId('field-policy.routing.rules.0.platform').selectOption('gorgias');
    await page.locator('[data-testid="targets-gorgias"][data-state="ready"]').waitFor({ timeout: 20_000 });
    const target = page.getByTestId('field-policy.routing.rules.0.target');
    const options = await target.locator('option').allTextContents();
    expect(options.some((o) => /Returns team/.test(o))).toBe(true);
    await target.selectOption({ label: options.find((o) => /Returns team/.test(o))! });
    await page.getByTestId('save').click();
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
    await page.close();
    await helpdesk.close();

    const conv = await e2e.browser.context.newPage();
    await conv.goto(conversationUrl('gorgias', 'human_request'));
    expect(await verdictStatus(conv)).toBe('escalate');
    await expect
      .poll(() => conv.locator('[data-testid="route-reason"]').textContent(), { timeout: 10_000 })
      .toMatch(/returns → Returns team/);
    expect(await conv.locator('[data-testid="target"] option:checked').textContent()).toMatch(/Returns team/);
    await conv.close();
  });

  it('an invalid import names the field and leaves the saved policy intact', async () => {
    const before = await storedPolicy();
    const page = await openOptions();
    await page.getByTestId('import-text').fill(
      JSON.stringify({
        version: 3,
        routing: { rules: [{ subAgents: [], target: { platform: 'gorgias', kind: 'team', id: '11', name: 'Returns team' } }] },
      }),
    );
    await page.getByTestId('import-button').click();
    await page.locator('[data-testid="import-result"][data-state="error"]').waitFor();
    expect(await page.locator('[data-testid="import-issue"][data-path="routing.rules.0.subAgents"]').count()).toBe(1);
    expect(await storedPolicy()).toEqual(before);
    await page.close();
  });

  it('Test connection shows who Baton acts as, and the plain error when the helpdesk answers 401', async () => {
    const page = await openOptions();
    await page.getByTestId('field-connections.gorgias.account').fill('acme');
    await page.getByTestId('auth-gorgias-token').check();
    await page
      .getByTestId('field-connections.gorgias.email')
      .fill('agent@acme.example')
      .catch(() => {});
    const secret = page.getByTestId('secret-input-gorgiasApiKey');
    if (await secret.count()) await secret.fill('sandbox-gorgias-key');
    await page.getByTestId('test-connection-gorgias').click();
    const result = page.getByTestId('connection-result-gorgias');
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 20_000 }).toBe('ok');
    expect(await result.textContent()).toMatch(/Connected\. Baton acts as Dana Agent/);

    e2e.sandbox.faults.add({ platform: 'gorgias', path: '^/api/users/0$', status: 401, times: 0 });
    await page.getByTestId('test-connection-gorgias').click();
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 20_000 }).toBe('error');
    expect(await result.textContent()).toMatch(/not allowed.*check the token in Options/i);
    e2e.sandbox.faults.clear();
    await page.close();
  });

  it('an older saved policy (version 1) loads migrated', async () => {
    await e2e.browser.worker.evaluate(async () => {
      const c = (globalThis as any).chrome;
      await c.storage.local.remove(['baton:policy', 'baton:optionsDraft']);
      await c.storage.sync.set({
        'baton:policy': {
          version: 1,
          scope: 'Shoe store support',
          instruction: 'Only escalate when the user has a payment issue',
          escalationTag: 'needs_human',
          pauseBot: false,
        },
      });
    });
    const page = await openOptions();
    await page.getByTestId('notice-migrated').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('field-policy.customInstruction').inputValue()).toBe('Only escalate when the user has a payment issue');
    const stored = await storedPolicy();
    expect(stored.version).toBe(3);
    expect(stored.tags.escalation).toEqual(['needs_human']);
    await page.close();
  });
});
