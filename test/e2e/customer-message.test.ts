import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { verdictStatus } from './harness';
import { e2eFixture } from './fixture';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationUrl } from '../fixtures/urls';
import { PLATFORMS, type Platform } from '@/lib/schema/conversation';

/**
 * The message to the customer on each helpdesk: in the customer's language, and fitting the team's hours
 * (Mon–Fri 09:00–17:00 in Berlin) on Baton's clock, which the test moves from the background worker.
 */
const e2e = e2eFixture({
  fresh: true,
  settings: async (sandbox) => {
    const policy = await demoPolicy(Object.values(sandbox.platforms), {
      customerMessage: { hours: { enabled: true, timeZone: 'Europe/Berlin' } },
    });
    return { policy };
  },
});

// Saturday 2026-11-28 20:00 and Tuesday 2026-12-01 10:00 in Berlin (UTC+1).
const SATURDAY_EVENING = Date.parse('2026-11-28T19:00:00Z');
const TUESDAY_MORNING = Date.parse('2026-12-01T09:00:00Z');

afterAll(async () => {
  await setClock(null).catch(() => {});
});

/** Moves Baton's clock to `target` (null: back to the computer's clock). */
async function setClock(target: number | null): Promise<void> {
  await e2e.browser.worker.evaluate(async (t) => {
    const c = (globalThis as any).chrome;
    await c.storage.local.set({ 'baton:clock-offset': t === null ? 0 : t - Date.now() });
  }, target);
}

async function open(platform: Platform, key: string): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(conversationUrl(platform, key));
  expect(await verdictStatus(page)).toBe('escalate');
  return page;
}

const message = (page: Page) => page.locator('[data-testid="handoff"]');

describe.each(PLATFORMS)('message to the customer on %s', (platform) => {
  it('outside hours: the Spanish conversation gets Spanish, "el lunes a las 9:00"; the English one "back on Monday at 9:00"', async () => {
    await setClock(SATURDAY_EVENING);
    const es = await open(platform, 'spanish_human');
    await expect.poll(() => message(es).textContent()).toContain('nuestro equipo vuelve el lunes a las 9:00');
    expect(await message(es).getAttribute('lang')).toBe('es');
    expect(await es.locator('[data-testid="handoff-detected"]').textContent()).toBe('Detected: Spanish');
    // The agent can still pick another language.
    await es.locator('[data-testid="handoff-language"]').selectOption('en');
    await expect.poll(() => message(es).textContent()).toContain('our team is back on Monday at 9:00');
    await es.close();

    const en = await open(platform, 'human_request');
    await expect.poll(() => message(en).textContent()).toContain('our team is back on Monday at 9:00');
    expect(await en.locator('[data-testid="handoff-detected"]').textContent()).toBe('Detected: English');
    await en.close();
  });

  it('inside hours: the English conversation says someone will reply within a few hours', async () => {
    await setClock(TUESDAY_MORNING);
    const en = await open(platform, 'human_request');
    await expect.poll(() => message(en).textContent()).toContain('someone will reply within a few hours.');
    expect(await message(en).textContent()).not.toContain('back on');
    await en.close();
  });
});
