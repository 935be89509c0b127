// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HandoffMessage } from '@/components/sidebar/HandoffMessage';
import type { Language } from '@/lib/schema/customer-message';
import { defaultPolicy, type Policy } from '@/lib/schema/policy';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
beforeEach(() => {
  // Saturday 2026-11-28, 20:00 in Berlin; only Date is faked, so React's own timers run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T19:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  host?.remove();
});

function berlinHours(): Policy {
  const policy = defaultPolicy();
  policy.customerMessage.hours.enabled = true;
  policy.customerMessage.hours.timeZone = 'Europe/Berlin';
  return policy;
}

async function show(policy: Policy, language?: Language): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => createRoot(host).render(<HandoffMessage policy={policy} language={language} />));
  return host;
}

const text = (el: HTMLElement, id: string) => el.querySelector(`[data-testid="${id}"]`)!.textContent;

describe('message to the customer in the sidebar', () => {
  it('offers the detected language, says so, and lets the agent pick another', async () => {
    const el = await show(berlinHours(), 'es');
    expect(text(el, 'handoff-detected')).toBe('Detected: Spanish');
    expect(text(el, 'handoff')).toContain('nuestro equipo vuelve el lunes a las 9:00');
    const select = el.querySelector<HTMLSelectElement>('select')!;
    expect(el.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Language');
    await act(async () => {
      select.value = 'de';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(text(el, 'handoff')).toContain('unser Team ist am Montag um 9:00 wieder da');
    expect(text(el, 'handoff-detected')).toBe('Detected: Spanish');
  });

  it('falls back to English and says the language was not recognised', async () => {
    const el = await show(berlinHours());
    expect(text(el, 'handoff-detected')).toBe('Language not recognised: English');
    expect(el.querySelector<HTMLSelectElement>('select')!.value).toBe('en');
    expect(text(el, 'handoff')).toContain('our team is back on Monday at 9:00');
  });

  it('with team hours off, promises the wait whatever the day', async () => {
    const el = await show(defaultPolicy(), 'fr');
    expect(text(el, 'handoff')).toContain("quelqu'un vous répondra d'ici quelques heures.");
  });
});
