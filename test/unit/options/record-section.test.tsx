// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPolicy } from '@/lib/schema/policy';
import { $, byTestId, click, mount, resetAll, stored, type, unmount, waitFor } from './helpers';

const PREFIX = 'policy.record.reasonTagPrefix';
const WINDOW = 'policy.record.loopWindowHours';
const field = (path: string) => byTestId<HTMLInputElement>(`field-${path}`);
const errorAt = (path: string) => $(`#f-${path.replace(/\./g, '-')}-error`).textContent ?? '';

beforeEach(async () => {
  await resetAll();
  await fakeBrowser.storage.sync.set({ 'baton:policy': defaultPolicy() });
});
afterEach(unmount);

describe('Options → Handoff record', () => {
  it('shows the reason tag (on), its prefix and the loop window with their defaults', async () => {
    await mount();
    expect(field('policy.record.reasonTag').checked).toBe(true);
    expect(field(PREFIX).value).toBe('baton_reason_');
    expect(field(WINDOW).value).toBe('72');
    expect(field(PREFIX).closest('[data-testid="section-handoff-record"]')).not.toBeNull();
  });

  it('refuses a prefix a helpdesk would split or change, at the field, and saves a good one', async () => {
    await mount();
    await type(field(PREFIX), 'Baton Reason');
    expect(errorAt(PREFIX)).toMatch(/lowercase letters, digits/);
    await click(byTestId('save'));
    expect(byTestId('save-status').textContent).toMatch(/Not saved/);
    await type(field(PREFIX), 'why-');
    await click(field('policy.record.reasonTag'));
    await type(field(WINDOW), '24');
    expect(errorAt(PREFIX)).toBe('');
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    const policy = (await stored('sync', 'baton:policy')) as { record: object };
    expect(policy.record).toEqual({ reasonTag: false, reasonTagPrefix: 'why-', loopWindowHours: 24 });
  });
});
