// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HandoffMessage } from '@/components/sidebar/HandoffMessage';
import { customerMessageFor } from '@/lib/handoff/customer-message';
import type { Language } from '@/lib/schema/customer-message';
import { defaultPolicy, type Policy } from '@/lib/schema/policy';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ref = { platform: 'zendesk' as const, account: 'acme', conversationId: '7', idIsGuess: false };
const NOW = new Date('2026-11-16T09:20:00Z');

let host: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  host?.remove();
});

function allowing(measuredWait: boolean): Policy {
  const policy = defaultPolicy();
  policy.customerMessage.measuredWait = measuredWait;
  return policy;
}

async function show(policy: Policy, answer: unknown, language: Language = 'en') {
  const sent = vi.fn(async () => ({ ok: true, data: answer }));
  (fakeBrowser.runtime as { sendMessage: unknown }).sendMessage = sent;
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => createRoot(host).render(<HandoffMessage policy={policy} language={language} conversation={ref} target="Tier 2" />));
  return { el: host, sent };
}

const text = (el: HTMLElement, id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent;

describe('the wait in the message to the customer', () => {
  it('off by default: the expected wait text, and nothing asked of the handoff log', async () => {
    const { el, sent } = await show(defaultPolicy(), null);
    expect(text(el, 'handoff')).toContain('someone will reply within a few hours.');
    expect(text(el, 'handoff-wait-source')).toBeUndefined();
    expect(sent).not.toHaveBeenCalled();
  });

  it('allowed, with a measured median for the target at this hour: the message says it, and the sidebar says where it came from', async () => {
    const { el, sent } = await show(allowing(true), { minutes: 12, samples: 7 });
    expect(sent).toHaveBeenCalledWith(expect.objectContaining({ type: 'measuredWait', ref, target: 'Tier 2' }));
    expect(text(el, 'handoff')).toContain('someone will reply within about 15 minutes.');
    expect(text(el, 'handoff-wait-source')).toBe('Wait: the median pick-up measured for Tier 2 at this hour of the week (7 handoffs).');
  });

  it('allowed, with too few pick-ups measured: the expected wait text stays, and the sidebar says why', async () => {
    const { el } = await show(allowing(true), null);
    expect(text(el, 'handoff')).toContain('someone will reply within a few hours.');
    expect(text(el, 'handoff-wait-source')).toBe(
      'Wait: your expected wait text (fewer than 5 pick-ups measured for Tier 2 at this hour of the week).',
    );
  });

  it('is written in the customer’s language, rounded up', () => {
    const config = allowing(true).customerMessage;
    const say = (language: Language, minutes: number) => customerMessageFor(config, language, NOW, { minutes, samples: 9 }).text;
    expect(say('es', 3)).toContain('alguien te responderá en unos 5 minutos.');
    expect(say('fr', 61)).toContain("quelqu'un vous répondra d'ici environ 2 heures.");
    expect(say('de', 45)).toContain('jemand antwortet Ihnen in etwa 45 Minuten.');
    expect(say('pt', 60)).toContain('alguém vai lhe responder em cerca de 1 hora.');
    // Not allowed: a measured value is ignored.
    expect(customerMessageFor(defaultPolicy().customerMessage, 'en', NOW, { minutes: 12, samples: 9 }).wait).toBe('fixed');
  });
});
