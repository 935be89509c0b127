import { describe, expect, it } from 'vitest';
import { connectionsToForm } from '@/components/options/state/form';
import { requestAccount } from '@/components/options/state/remote';
import { ConnectionsSchema } from '@/lib/schema/connections';

const saved = ConnectionsSchema.parse({ zendesk: { account: 'acme', authMode: 'token', email: 'lead@acme.example' } });
const state = (typed: string) => {
  const form = connectionsToForm(saved, { zendesk: 'acme' });
  return {
    form: { connections: { ...form, zendesk: { ...form.zendesk, account: typed } } },
    saved: { accounts: { zendesk: 'acme' } },
  } as unknown as Parameters<typeof requestAccount>[0];
};

describe('Options asks the background about the saved account only (review #1)', () => {
  it('uses the saved account while the field shows it', () => {
    expect(requestAccount(state('https://acme.zendesk.com/agent'), 'zendesk')).toEqual({ account: 'acme' });
  });

  it.each(['https://evil.example\\acme.zendesk.com', 'other-company', 'evil.example/'])(
    'a pasted or unsaved account "%s" is not sent: the team lead is told to save it',
    (typed) => {
      expect(requestAccount(state(typed), 'zendesk')).toEqual({ error: expect.stringMatching(/^Save the Zendesk account/) });
    },
  );

  it('a platform with one fixed account needs nothing typed', () => {
    expect(requestAccount(state('acme'), 'front')).toEqual({ account: 'app' });
  });
});
