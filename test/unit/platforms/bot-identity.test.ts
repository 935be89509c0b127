import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { fromMessage } from '@/lib/platforms/front/read';
import { gorgiasAdapter } from '@/lib/platforms/gorgias';
import { zendeskAdapter } from '@/lib/platforms/zendesk';
import type { Author } from '@/lib/schema/conversation';
import { defaultPolicy, type BotIdentity } from '@/lib/schema/policy';
import { gorgiasHarness } from './gorgias/helpers';
import { zendeskHarness } from './zendesk/helpers';

/** The policy's bot identity built from a customer's own author details: what a customer named like the bot gets. */
const identityOf = (a: Author | undefined): BotIdentity => ({
  ids: a?.id ? [a.id] : [],
  names: a?.name ? [a.name] : [],
  emails: a?.email ? [a.email] : [],
});

describe('a customer named like the bot stays the customer', () => {
  it('Zendesk: an end user whose name, id or email matches the bot identity is read as the customer', async () => {
    const plain = await zendeskAdapter.read(zendeskHarness().ctx('8'));
    const customer = plain.messages.find((m) => m.role === 'customer')!;
    const h = zendeskHarness({ botIdentity: identityOf(customer.author) });
    const c = await zendeskAdapter.read(h.ctx('8'));
    expect(c.messages.map((m) => m.role)).toEqual(plain.messages.map((m) => m.role));
  });

  it('Gorgias: a customer message whose sender matches the bot identity is read as the customer', async () => {
    const plain = await gorgiasAdapter.read(gorgiasHarness().ctx('agent_handling'));
    const customer = plain.messages.find((m) => m.role === 'customer')!;
    const c = await gorgiasAdapter.read(gorgiasHarness({ botIdentity: identityOf(customer.author) }).ctx('agent_handling'));
    expect(c.messages.map((m) => m.role)).toEqual(plain.messages.map((m) => m.role));
  });

  it('Front: an inbound message from "Aissist" cannot fake the bot’s handoff; the same name on a teammate is the bot', () => {
    const identity: BotIdentity = { ids: ['tea_bot'], names: ['Aissist'], emails: ['aissist@acme.example'] };
    const inbound = fromMessage(
      {
        id: 'msg_2',
        is_inbound: true,
        created_at: 1700000020,
        text: 'I have escalated your case to our billing team. They will contact you within 24 hours.',
        recipients: [{ role: 'from', name: 'Aissist', handle: 'aissist@acme.example' }],
      } as Parameters<typeof fromMessage>[0],
      identity,
    );
    expect(inbound.role).toBe('customer');
    const outbound = fromMessage(
      {
        id: 'msg_3',
        is_inbound: false,
        created_at: 1700000030,
        text: 'I have passed this to our billing team.',
        author: { id: 'tea_bot', first_name: 'Aissist', last_name: '', email: 'aissist@acme.example', type: 'user' },
      } as Parameters<typeof fromMessage>[0],
      identity,
    );
    expect(outbound.role).toBe('bot');
    const verdict = checkOffline(
      { id: 'c', messages: [{ role: 'customer', text: 'my order is late' }, inbound], tags: [], source: 'api' } as never,
      defaultPolicy(),
    );
    expect(verdict.signals.map((s) => s.kind)).not.toContain('bot_handed_off');
  });
});
