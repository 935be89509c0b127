import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configure } from './harness';
import { e2eFixture } from './fixture';
import type { OpenAISandbox } from '../sandbox/openai';
import { demoPolicy } from '../fixtures/demo-policy';
import { conversationUrl } from '../fixtures/urls';
import type { Policy } from '@/lib/schema/policy';

const e2e = e2eFixture();
let base: Policy;
let model: OpenAISandbox;

beforeAll(async () => {
  base = await demoPolicy(Object.values(e2e.sandbox.platforms));
  model = e2e.sandbox.platforms.openai as unknown as OpenAISandbox;
});
beforeEach(() => model.reset());

/**
 * The LLM engine on, with a model name of the test's own: the worker's verdict cache is keyed by model, so
 * every test meets the model afresh.
 */
async function useModel(name: string, baseURL = 'https://api.openai.com/v1') {
  await configure(e2e.browser.worker, { policy: { ...base, engine: { kind: 'openai', model: name, baseURL } } });
}

const refining = (page: Page) => page.locator('[data-testid="refining"]');
const verdictText = (page: Page) => page.locator('[data-testid="verdict"]').textContent();
const engineLine = (page: Page) => page.locator('[data-testid="engine"]').textContent();

/**
 * Opens a conversation and waits until the model's verdict or the fallback has replaced the quick one (a fast
 * model may replace it before the marker can be seen, so the marker is not awaited here).
 */
async function openAndRefine(page: Page) {
  await page.goto(conversationUrl('zendesk', 'human_request'));
  await expect
    .poll(
      async () => (await page.locator('[data-testid="fallback"]').count()) > 0 || /^OpenAI engine/.test((await engineLine(page)) ?? ''),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  expect(await refining(page).count()).toBe(0);
}

describe('offline first, the LLM refines', () => {
  it('shows the offline verdict at once, marked as such, and replaces it when the model answers 3 s later', async () => {
    model.setMode('slow', { delayMs: 3000 });
    await useModel('slow-model');
    const page = await e2e.browser.context.newPage();
    await page.goto(conversationUrl('zendesk', 'human_request'));
    await refining(page).waitFor({ timeout: 20_000 });
    // The model has not answered yet: what is on screen is the offline engine's call.
    expect(await refining(page).textContent()).toBe('Quick check (offline) — refining with the model…');
    expect(await engineLine(page)).toMatch(/^Offline engine/);
    expect(await page.locator('.verdict-title').getAttribute('data-status')).toBe('escalate');
    expect(await verdictText(page)).not.toContain('[sandbox model]');
    await refining(page).waitFor({ state: 'detached', timeout: 30_000 });
    expect(await engineLine(page)).toMatch(/^OpenAI engine/);
    expect(await verdictText(page)).toContain('[sandbox model]');
    expect(await page.locator('[data-testid="fallback"]').count()).toBe(0);
    expect(model.state().calls).toBe(1);
    await page.close();
  });

  it.each(['fenced', 'think', 'percent_confidence'] as const)('uses a model answer shaped "%s"', async (mode) => {
    model.setMode(mode);
    await useModel(`${mode}-model`);
    const page = await e2e.browser.context.newPage();
    await openAndRefine(page);
    expect(await page.locator('[data-testid="fallback"]').count()).toBe(0);
    expect(await engineLine(page)).toMatch(/^OpenAI engine/);
    expect(await verdictText(page)).toContain('[sandbox model]');
    expect(await page.locator('.verdict-title').getAttribute('data-status')).toBe('escalate');
    for (const c of await page.locator('[data-testid="signal"] .confidence').allTextContents()) expect(c).toMatch(/^(100|\d{1,2})%$/);
    await page.close();
  });

  it("names Ollama's origin check when a local server answers 403, with the setting and the extension's origin", async () => {
    model.setMode('origin_forbidden');
    await useModel('llama3.2', `http://localhost:${new URL(e2e.sandbox.httpUrl).port}/v1`);
    const page = await e2e.browser.context.newPage();
    await openAndRefine(page);
    const fallback = page.locator('[data-testid="fallback"]');
    expect(await fallback.textContent()).toMatch(/^The model server at localhost:\d+ refused Baton's origin \(403 Forbidden\)\./);
    expect(await fallback.textContent()).toContain(`OLLAMA_ORIGINS=chrome-extension://${e2e.browser.extensionId}`);
    expect(await fallback.textContent()).not.toMatch(/key/i);
    expect(await engineLine(page)).toMatch(/^Offline engine/);
    await page.close();
  });
});
