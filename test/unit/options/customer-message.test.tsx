// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PolicySchema, type Policy } from '@/lib/schema/policy';
import { $, byTestId, choose, click, mount, resetAll, stored, type, unmount, waitFor } from './helpers';

const field = (path: string) => byTestId<HTMLInputElement>(`field-${path}`);
const errorOf = (path: string) => $(`#f-${path.replace(/\./g, '-')}-error`).textContent ?? '';
const HOURS = 'policy.customerMessage.hours';
const savedPolicy = async () => (await stored('sync', 'baton:policy')) as Policy;

beforeEach(async () => {
  await resetAll();
  // Saturday 2026-11-28, 20:00 in Berlin. Only Date is faked: the page's own timers run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T19:00:00Z'));
  await fakeBrowser.storage.sync.set({ 'baton:policy': PolicySchema.parse({ version: 3, scope: 'Online store' }) });
});
afterEach(async () => {
  await unmount();
  vi.useRealTimers();
});

describe('message to the customer: options', () => {
  it('an unknown time zone is named at the time zone field, and saving is refused', async () => {
    await mount();
    await click(field(`${HOURS}.enabled`));
    await type(field(`${HOURS}.timeZone`), 'Europe/Berlinn');
    expect(errorOf(`${HOURS}.timeZone`)).toMatch(/Unknown time zone/);
    expect(field(`${HOURS}.timeZone`).getAttribute('aria-invalid')).toBe('true');
    await click(byTestId('save'));
    await waitFor(() => byTestId('error-summary'));
    expect(byTestId('error-summary').textContent).toMatch(/Unknown time zone/);
    expect((await savedPolicy()).customerMessage.hours.timeZone).toBe('UTC');

    await type(field(`${HOURS}.timeZone`), 'Europe/Berlin');
    expect(errorOf(`${HOURS}.timeZone`)).toBe('');
  });

  it('a closing time before the opening time is shown at that day’s closing field', async () => {
    await mount();
    await type(field(`${HOURS}.week.tue.close`), '08:30');
    expect(errorOf(`${HOURS}.week.tue.close`)).toMatch(/Closing time must be after opening time/);
    expect(field(`${HOURS}.week.tue.close`).getAttribute('aria-invalid')).toBe('true');
    // Other days say nothing.
    expect(errorOf(`${HOURS}.week.mon.close`)).toBe('');
    // Closing the day puts the hours aside, so nothing is wrong any more.
    await click(field(`${HOURS}.week.tue.closed`));
    expect(errorOf(`${HOURS}.week.tue.close`)).toBe('');
  });

  it('an empty text is shown at its own language’s field', async () => {
    await mount();
    await type(field('policy.customerMessage.messages.fr.outside'), '  ');
    expect(errorOf('policy.customerMessage.messages.fr.outside')).toMatch(/Write the message sent outside opening hours/);
    expect(errorOf('policy.customerMessage.messages.en.outside')).toBe('');
  });

  it('every day closed is refused at the week', async () => {
    await mount();
    await click(field(`${HOURS}.enabled`));
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri']) await click(field(`${HOURS}.week.${d}.closed`));
    expect(errorOf(`${HOURS}.week`)).toMatch(/Open at least one day/);
  });

  it('previews what the message would say now, in the chosen language, as the hours are edited', async () => {
    await mount();
    const preview = () => byTestId('customer-message-preview-text').textContent;
    expect(preview()).toContain('someone will reply within a few hours.');
    await click(field(`${HOURS}.enabled`));
    await type(field(`${HOURS}.timeZone`), 'Europe/Berlin');
    expect(preview()).toContain('our team is back on Monday at 9:00');
    expect(byTestId('customer-message-preview').textContent).toContain('Saturday 20:00 in Europe/Berlin');
    await choose(byTestId('customer-message-preview-language'), 'es');
    expect(preview()).toContain('nuestro equipo vuelve el lunes a las 9:00');
    // Open on Saturdays until 21:00: inside hours now.
    await click(field(`${HOURS}.week.sat.closed`));
    await type(field(`${HOURS}.week.sat.close`), '21:00');
    expect(preview()).toContain('alguien te responderá en unas horas.');
  });

  it('saves the texts and hours as typed', async () => {
    await mount();
    await click(field(`${HOURS}.enabled`));
    await type(field(`${HOURS}.timeZone`), 'America/New_York');
    await type(field('policy.customerMessage.messages.de.wait'), 'innerhalb eines Tages');
    await click(byTestId('save'));
    await waitFor(() => byTestId('save-status').dataset.state === 'saved');
    const saved = (await savedPolicy()).customerMessage;
    expect(saved.hours).toMatchObject({ enabled: true, timeZone: 'America/New_York' });
    expect(saved.messages.de.wait).toBe('innerhalb eines Tages');
  });
});
