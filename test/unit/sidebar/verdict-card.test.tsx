// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { VerdictCard } from '@/components/sidebar/VerdictCard';
import { checkOffline } from '@/lib/engine';
import { conv, policy } from '../engine/fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
afterEach(() => host?.remove());

describe('verdict card', () => {
  it('shows the model’s disagreement beside the evidence Baton kept the escalation on', async () => {
    const offline = checkOffline(
      conv([
        ['customer', 'My invoice is wrong.'],
        ['bot', 'I have escalated your case to our billing team. They will contact you within 24 hours.'],
      ]),
      policy(),
    );
    const disagreement =
      'The model disagreed: it judged this no escalation ("Resolved."). Baton keeps the escalation on the evidence found in the conversation.';
    const verdict = { ...offline, engine: 'openai' as const, disagreement };
    host = document.createElement('div');
    document.body.append(host);
    await act(async () => createRoot(host).render(<VerdictCard verdict={verdict} onQuote={() => {}} />));
    expect(host.querySelector('[data-testid="verdict"] h2')?.textContent).toBe('Escalate');
    expect(host.querySelector('[data-testid="model-disagreed"]')?.textContent).toBe(disagreement);
    expect(host.querySelector('[data-testid="signal"]')?.getAttribute('data-kind')).toBe('bot_handed_off');
  });
});
