// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPolicy } from '@/lib/schema/policy';
import { $, byTestId, click, mount, resetAll, unmount } from './helpers';

beforeEach(async () => {
  await resetAll();
  await fakeBrowser.storage.sync.set({ 'baton:policy': defaultPolicy() });
});
afterEach(unmount);

describe("Pause settings: the helpdesk bot's own stop tag", () => {
  it("offers Gorgias AI Agent's ai_ignore as one click, and only on Gorgias", async () => {
    await mount();
    const field = () =>
      $<HTMLInputElement>('[id="f-policy-suspend-pause-gorgias-stopTag"], [data-testid="field-policy.suspend.pause.gorgias.stopTag"]');
    expect(field().value).toBe('sys_bot_paused');
    const preset = byTestId<HTMLButtonElement>('stop-tag-preset-gorgias-ai_ignore');
    expect(preset.closest('[data-testid="stop-tag-presets-gorgias"]')!.textContent).toMatch(/takes no action on tickets tagged ai_ignore/);
    await click(preset);
    expect(field().value).toBe('ai_ignore');
    expect(preset.disabled).toBe(true);
    expect(document.querySelector('[data-testid="stop-tag-presets-front"], [data-testid="stop-tag-presets-zendesk"]')).toBeNull();
  });
});
