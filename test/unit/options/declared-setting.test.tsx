// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPolicy } from '@/lib/schema/policy';
import { $, byTestId, click, mount, resetAll, stored, type, unmount, waitFor } from './helpers';

/**
 * A setting that exists only in the policy schema: declared with its bounds, messages and form metadata,
 * and nothing else. The options page must show it, check it with zod's own messages and save it.
 */
vi.mock('@/lib/schema/follow-up', async (importOriginal) => {
  const { z } = await import('zod');
  const { formMeta } = await import('@/lib/schema/form-meta');
  const real = await importOriginal<typeof import('@/lib/schema/follow-up')>();
  return {
    ...real,
    FollowUpSchema: real.FollowUpSchema.extend({
      remindersBeforeGivingUp: z
        .number({ error: 'Give a number of reminders' })
        .int('Use a whole number of reminders')
        .min(2, 'At least 2 reminders')
        .max(9, 'At most 9 reminders')
        .default(3)
        .register(formMeta, { title: 'Reminders before giving up', help: 'How often the sidebar nudges ({min} to {max}).' }),
    }),
  };
});

const PATH = 'policy.followUp.remindersBeforeGivingUp';
const field = () => byTestId<HTMLInputElement>(`field-${PATH}`);
const errorAtField = () => $(`#f-${PATH.replace(/\./g, '-')}-error`).textContent ?? '';

beforeEach(async () => {
  await resetAll();
  await fakeBrowser.storage.sync.set({ 'baton:policy': defaultPolicy() });
});
afterEach(unmount);

describe('a setting declared only in the policy schema', () => {
  it('is rendered with its declared title, help (bounds read from the schema) and default', async () => {
    await mount();
    expect(field().value).toBe('3');
    expect(field().labels?.[0]?.textContent).toBe('Reminders before giving up');
    expect($(`#f-${PATH.replace(/\./g, '-')}-help`).textContent).toBe('How often the sidebar nudges (2 to 9).');
    expect([field().min, field().max]).toEqual(['2', '9']);
    expect(field().closest('[data-testid="section-follow-through"]')).not.toBeNull();
  });

  it("is validated with zod's message at the field, and a bad value is not saved", async () => {
    await mount();
    await type(field(), '1');
    expect(errorAtField()).toBe('At least 2 reminders');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    await type(field(), '');
    expect(errorAtField()).toBe('Give a number of reminders');
    await click(byTestId('save'));
    expect(byTestId('save-status').textContent).toMatch(/Not saved/);
    expect(byTestId('error-summary').textContent).toMatch(/Follow-through › Reminders before giving up: Give a number of reminders/);
    expect((await stored('sync', 'baton:policy')) as { followUp: object }).toMatchObject({ followUp: { remindersBeforeGivingUp: 3 } });
  });

  it('is saved as a number in the policy', async () => {
    await mount();
    await type(field(), '7');
    expect(errorAtField()).toBe('');
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    const policy = (await stored('sync', 'baton:policy')) as { followUp: Record<string, unknown> };
    expect(policy.followUp).toEqual({ claimTargetMinutes: 30, remindersBeforeGivingUp: 7 });
  });
});
