import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, configure } from './harness';
import { e2eFixture } from './fixture';
import { ZENDESK_SANDBOX } from '../sandbox/platforms/zendesk';
import { GORGIAS_SANDBOX } from '../sandbox/platforms/gorgias';

const e2e = e2eFixture();

const PLATFORMS = ['front', 'gorgias', 'zendesk'] as const;
/** Token sign-in for all three, so the checklist runs from Options without a helpdesk tab open. */
const CONNECTIONS = {
  zendesk: { account: ZENDESK_SANDBOX.subdomain, authMode: 'token', email: ZENDESK_SANDBOX.email },
  gorgias: { account: GORGIAS_SANDBOX.account, authMode: 'token', email: GORGIAS_SANDBOX.email },
};
const SECRETS = { zendeskToken: ZENDESK_SANDBOX.token, gorgiasApiKey: GORGIAS_SANDBOX.apiKey };

/** What customers and colleagues can see in each helpdesk: everything but the sandbox's request counters. */
async function visibleState(): Promise<string> {
  const all = (await admin(e2e.sandbox, '/__admin/state')) as Record<string, Record<string, unknown>>;
  return JSON.stringify(PLATFORMS.map((p) => ({ ...all[p], counters: undefined })));
}

async function checkAll(): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/options.html`);
  await page.locator('[data-testid="options"][data-phase="ready"]').waitFor({ timeout: 20_000 });
  for (const p of PLATFORMS) {
    await page.getByTestId(`check-setup-${p}-run`).click();
    await page.locator(`[data-testid="check-setup-${p}"][data-state="done"]`).waitFor({ timeout: 30_000 });
  }
  return page;
}

const line = (page: Page, platform: string, id: string) => page.getByTestId(`setup-${platform}-${id}`);

describe('first run', () => {
  it('installing Baton opens Options on the first-run guide, which walks from helpdesks to connection', async () => {
    const url = `chrome-extension://${e2e.browser.extensionId}/options.html#welcome`;
    const opened =
      e2e.browser.context.pages().find((p) => p.url() === url) ??
      (await e2e.browser.context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 20_000 }));
    const guide = opened.getByTestId('first-run');
    await guide.waitFor({ timeout: 20_000 });
    expect(await guide.getAttribute('data-step')).toBe('helpdesks');
    expect(await opened.getByTestId('first-run-next').isDisabled()).toBe(true);
    await opened.getByTestId('first-run-pick-zendesk').check();
    await opened.getByTestId('first-run-next').click();
    expect(await guide.getAttribute('data-step')).toBe('connection');
    await opened.getByTestId('section-connections').waitFor();
    await opened.close();
  });

  it('an agent whose team lead pushed a managed policy lands on "ready" instead of the setup', async () => {
    const page = await e2e.browser.context.newPage();
    // Chromium fills storage.managed only from enterprise policy files; the options page is given one here.
    await page.addInitScript(() => {
      const managed = (globalThis as any).chrome?.storage?.managed;
      if (managed) managed.get = async () => ({ policy: { scope: 'Orders, returns and billing for Acme' } });
    });
    await page.goto(`chrome-extension://${e2e.browser.extensionId}/options.html#welcome`);
    await page.getByTestId('first-run-ready').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('first-run').count()).toBe(0);
    await page.close();
  });
});

describe('Check setup', () => {
  it('is all green on the sandbox for the three helpdesks, and writes nothing to any conversation', async () => {
    await admin(e2e.sandbox, '/__admin/reset', { method: 'POST' });
    await admin(e2e.sandbox, '/__admin/front/token', { method: 'POST', body: { privateAccess: true } });
    await configure(e2e.browser.worker, { connections: CONNECTIONS, secrets: SECRETS });
    const before = await visibleState();
    const page = await checkAll();
    for (const p of PLATFORMS) {
      const list = page.getByTestId(`setup-${p}`);
      const bad = await list.locator('[data-state]:not([data-state="ok"])').allTextContents();
      expect(bad, p).toEqual([]);
      expect(await list.getAttribute('data-ok')).toBe('true');
      expect(await line(page, p, 'writeNote').getAttribute('data-state')).toBe('ok');
    }
    expect(await visibleState()).toBe(before);
    await page.close();
  });

  it('with writes refused (403) by role or token scope, or Front without private inboxes, the failing line names the missing permission; still nothing is written', async () => {
    await admin(e2e.sandbox, '/__admin/reset', { method: 'POST' });
    await admin(e2e.sandbox, '/__admin/zendesk/role', { method: 'POST', body: { configuration: { ticket_editing: false } } });
    await admin(e2e.sandbox, '/__admin/gorgias/role', { method: 'POST', body: { role: 'observer-agent' } });
    const frontScopes = [
      'conversations:read',
      'conversations:write',
      'messages:read',
      'comments:read',
      'tags:read',
      'tags:write',
      'teammates:read',
      'inboxes:read',
      'views:read',
    ];
    await admin(e2e.sandbox, '/__admin/front/token', { method: 'POST', body: { privateAccess: false, scopes: frontScopes } });
    await configure(e2e.browser.worker, { connections: CONNECTIONS, secrets: SECRETS });

    const before = await visibleState();
    const page = await checkAll();
    expect(await line(page, 'zendesk', 'writeAssign').getAttribute('data-permission')).toBe('ticket_editing');
    expect(await line(page, 'zendesk', 'writeAssign').textContent()).toMatch(
      /may not edit ticket properties \(ticket_editing\).*Ask a Zendesk admin/,
    );
    expect(await line(page, 'gorgias', 'writeTags').textContent()).toMatch(/Observer agent role may not edit tickets/);
    expect(await line(page, 'front', 'writeNote').getAttribute('data-permission')).toBe('comments:write');
    expect(await line(page, 'front', 'writeNote').textContent()).toMatch(/lacks the comments:write scope/);
    expect(await line(page, 'front', 'privateInboxes').textContent()).toMatch(/the token lacks access to private inboxes/i);
    for (const p of PLATFORMS) expect(await page.getByTestId(`setup-${p}`).getAttribute('data-ok')).toBe('false');
    expect(await visibleState()).toBe(before);
    await page.close();
  });
});
