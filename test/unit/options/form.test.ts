import { describe, expect, it } from 'vitest';
import { PolicySchema } from '@/lib/schema/policy';
import { connectionsToForm, normalizeAccount, policyToForm } from '@/components/options/state/form';
import { describePath } from '@/components/options/state/labels';
import { hostPatternFor } from '@/components/options/state/permissions';
import { sameForm } from '@/components/options/state/store';
import { parseConnectionsForm, parsePolicyForm } from '@/components/options/state/validate';
import { ConnectionsSchema } from '@/lib/schema/connections';

const FULL = PolicySchema.parse({
  version: 3,
  scope: 'Store support',
  subAgents: [{ name: 'returns', description: 'Returns', examples: ['return my shoes', 'exchange size'], tags: ['returns', 'rma'] }],
  signals: { user_requested_human: true, bot_handed_off: false, out_of_scope: true },
  customInstruction: 'Only escalate payment issues',
  tags: { escalation: ['sys_escalation', 'vip'], suggest: false },
  summarySchema: { order_number: 'the order number' },
  routing: {
    defaultTargets: { zendesk: { platform: 'zendesk', kind: 'group', id: '2', name: 'Tier 2' } },
    rules: [
      {
        subAgents: ['returns'],
        when: { urgency: 'high' },
        target: { platform: 'gorgias', kind: 'view', id: '4', name: 'Returns view', viewTag: 'returns' },
      },
    ],
  },
  suspend: {
    enabled: true,
    pause: {
      front: { stopTag: 'bot_off', removeTags: ['bot'], managingInboxId: 'inb_1' },
      gorgias: { stopTag: 'sys_bot_paused', removeTags: [] },
      zendesk: { stopTag: '', removeTags: ['aissist'] },
    },
  },
  botIdentity: {
    front: { ids: ['tea_1'], names: ['Aissist Bot'], emails: [] },
    gorgias: { ids: [], names: [], emails: ['bot@acme.example'] },
    zendesk: { ids: [], names: [], emails: [] },
  },
  engine: { kind: 'openai', model: 'gpt-4o-mini', baseURL: 'https://api.openai.com/v1' },
  expectedWait: 'within a day',
});

describe('options form model', () => {
  it('a policy survives the round trip through the form unchanged', () => {
    const back = parsePolicyForm(policyToForm(FULL));
    expect(back.issues).toEqual([]);
    expect(back.policy).toEqual(FULL);
  });

  it('compares forms without their row keys', () => {
    expect(sameForm(policyToForm(FULL), policyToForm(FULL))).toBe(true);
    expect(sameForm(policyToForm(FULL), { ...policyToForm(FULL), scope: 'x' })).toBe(false);
  });

  it('accepts the account however it is pasted', () => {
    expect(normalizeAccount('acme', 'zendesk')).toBe('acme');
    expect(normalizeAccount(' https://Acme.zendesk.com/agent/tickets/1 ', 'zendesk')).toBe('acme');
    expect(normalizeAccount('acme.gorgias.com', 'gorgias')).toBe('acme');
  });

  it('checks connections at their fields', () => {
    const form = connectionsToForm(ConnectionsSchema.parse({}), { zendesk: 'bad account!', gorgias: '' });
    form.gorgias.authMode = 'token';
    form.front.apiBase = 'https://evil.example.com';
    const { issues } = parseConnectionsForm(form);
    expect(issues.map((i) => i.path).sort()).toEqual([
      'connections.front.apiBase',
      'connections.gorgias.email',
      'connections.zendesk.account',
    ]);
    form.front.apiBase = 'https://acme.api.frontapp.com/';
    form.zendesk.account = 'acme';
    form.gorgias.email = 'lead@acme.example';
    expect(parseConnectionsForm(form)).toMatchObject({ issues: [], connections: { front: { apiBase: 'https://acme.api.frontapp.com' } } });
  });

  it("keeps the agent's own teammate (a per-agent field from the platform's meta), checked and trimmed", () => {
    const form = connectionsToForm(ConnectionsSchema.parse({}), {});
    expect(form.front.authorEmail).toBe('');
    form.front.authorId = 'dana';
    expect(parseConnectionsForm(form).issues).toEqual([{ path: 'connections.front.authorId', message: expect.stringMatching(/tea_/) }]);
    form.front.authorId = ' tea_2f1k ';
    form.front.authorEmail = ' dana@acme-support.example ';
    const { connections } = parseConnectionsForm(form);
    expect(connections?.front).toMatchObject({ authorId: 'tea_2f1k', authorEmail: 'dana@acme-support.example' });
    // Saved and loaded again, the form shows the same values.
    expect(connectionsToForm(connections!, {}).front).toMatchObject({ authorId: 'tea_2f1k', authorEmail: 'dana@acme-support.example' });
  });

  it('names paths the way the page labels them', () => {
    expect(describePath('routing.rules.1.target')).toBe('Routing › Handover rule 2 › Target');
    expect(describePath('policy.subAgents.0.tags.2')).toBe('Sub agent 1 › Tag 3');
    expect(describePath('connections.zendesk.account')).toBe('Connections › Zendesk › Account');
    expect(describePath('(root)')).toBe('The whole policy');
  });

  it('asks for a host permission only for a base URL outside api.openai.com', () => {
    expect(hostPatternFor('https://api.openai.com/v1')).toBeNull();
    expect(hostPatternFor('https://llm.acme.example:8443/v1')).toBe('https://llm.acme.example/*');
    expect(hostPatternFor('http://localhost:11434/v1')).toBe('http://localhost/*');
  });

  it('refuses a plain-http base URL outside localhost, which the manifest could never allow', () => {
    const form = policyToForm(FULL);
    form.engine.baseURL = 'http://llm.acme.example/v1';
    expect(parsePolicyForm(form).issues).toEqual([{ path: 'policy.engine.baseURL', message: expect.stringMatching(/https/) }]);
  });
});
