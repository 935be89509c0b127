import { describe, expect, it } from 'vitest';
import { connectionsToForm } from '@/components/options/state/form';
import { requestAccount } from '@/components/options/state/remote';
import { ConnectionsSchema } from '@/lib/schema/connections';

const saved = ConnectionsSchema.parse({ zendesk: { account: 'acme', authMode: 'token', email: 'lead@acme.example' } });
const state = (typed: string, connections = saved) => {
  const form = connectionsToForm(connections, { zendesk: 'acme' });
  return {
    form: { connections: { ...form, zendesk: { ...form.zendesk, account: typed } } },
    saved: { connections, accounts: { zendesk: 'acme' } },
  } as unknown as Parameters<typeof requestAccount>[0];
};

describe('Options asks the background about the saved account only (review #1)', () => {
  it('uses the saved account while the field shows it', () => {
    expect(requestAccount(state('https://acme.zendesk.com/agent'), 'zendesk')).toEqual({ account: 'acme' });
  });

  it.each(['https://evil.example\\acme.zendesk.com', 'evil.example/', 'x@evil.example', 'evil.example:443'])(
    'an account the field flags ("%s") is never sent, in either auth mode',
    (typed) => {
      const session = ConnectionsSchema.parse({ zendesk: { account: 'acme' } });
      for (const connections of [saved, session]) {
        expect(requestAccount(state(typed, connections), 'zendesk')).toEqual({ error: expect.stringMatching(/^Fix the Zendesk account/) });
      }
    },
  );

  it('in token mode an unsaved account is not sent: the team lead is told to save it', () => {
    expect(requestAccount(state('other-company'), 'zendesk')).toEqual({ error: expect.stringMatching(/^Save the Zendesk account/) });
  });

  it("in session mode a typed account is used before saving (it goes through the agent's own tab)", () => {
    const session = ConnectionsSchema.parse({ zendesk: { account: 'acme' } });
    expect(requestAccount(state('other-company', session), 'zendesk')).toEqual({ account: 'other-company' });
  });

  it('a platform with one fixed account needs nothing typed', () => {
    expect(requestAccount(state('acme'), 'front')).toEqual({ account: 'app' });
  });
});
