// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPolicy } from '@/lib/schema/policy';
import { $, byTestId, click, mount, resetAll, stored, type, unmount, waitFor } from './helpers';

const PATH = 'policy.followUp.claimTargetMinutes';
const SAVED = defaultPolicy();
const field = () => byTestId<HTMLInputElement>(`field-${PATH}`);
const errorAtField = () => $(`#f-${PATH.replace(/\./g, '-')}-error`).textContent ?? '';

beforeEach(async () => {
  await resetAll();
  await fakeBrowser.storage.sync.set({ 'baton:policy': SAVED });
});
afterEach(unmount);

describe('Follow-through: pick-up target', () => {
  it('shows the saved target (30 minutes by default)', async () => {
    await mount();
    expect(field().value).toBe('30');
    expect($('#follow-through').textContent).toMatch(/nudge in the sidebar/);
  });

  it('names what is wrong at the field as it is typed, and clears once fixed', async () => {
    await mount();
    await type(field(), '0');
    expect(errorAtField()).toBe('At least 1 minute');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toContain(`f-${PATH.replace(/\./g, '-')}-error`);
    await type(field(), '2.5');
    expect(errorAtField()).toBe('Use whole minutes');
    await type(field(), '');
    expect(errorAtField()).toBe('Give the target time in minutes');
    await type(field(), '20000');
    expect(errorAtField()).toMatch(/At most a week/);
    await type(field(), '45');
    expect(errorAtField()).toBe('');
    expect(field().hasAttribute('aria-invalid')).toBe(false);
  });

  it('does not save a bad target, and saves a good one', async () => {
    await mount();
    await type(field(), '0');
    await click(byTestId('save'));
    expect(byTestId('save-status').textContent).toMatch(/Not saved/);
    expect(byTestId('error-summary').textContent).toMatch(/Pick-up target/);
    expect(await stored('sync', 'baton:policy')).toEqual(SAVED);

    await type(field(), '45');
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    const policy = (await stored('sync', 'baton:policy')) as typeof SAVED;
    expect(policy.followUp.claimTargetMinutes).toBe(45);
  });
});
