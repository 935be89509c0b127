import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine/offline';
import { frontAdapter } from '@/lib/platforms/front';
import { defaultPolicy } from '@/lib/schema/policy';
import { runSetupCheck } from '@/lib/setup/run';
import { frontHarness } from './helpers';

/**
 * Front's own markers (issue 19 items 9, 12, 13): a teammate typed as a bot user is the bot whatever its name,
 * and an e-mail reply is read without the thread its client quoted.
 */
describe('Front bot teammates', () => {
  it('a teammate of type api is the bot: its handoff is read, not discarded as a human reply', async () => {
    const h = frontHarness();
    const c = await frontAdapter.read(h.ctx('api_bot_teammate'));
    expect(c.messages.map((m) => [m.role, m.author?.name])).toEqual([
      ['customer', 'Ines Duarte'],
      ['bot', 'Riley Concierge'],
    ]);
    const verdict = checkOffline(c, defaultPolicy());
    expect(verdict.status).toBe('escalate');
    expect(JSON.stringify(verdict.signals)).toContain('forwarded this to our billing team');
  });

  it.each(['ai', 'api', 'application', 'integration', 'rule', 'macro'])('a comment by a %s teammate is bot-side', async (type) => {
    const h = frontHarness();
    const riley = h.sandbox.raw.teammates.find((t) => t.username === 'riley')!;
    (riley as { type: string }).type = type;
    const c = await frontAdapter.read(h.ctx('api_bot_teammate'));
    expect(c.messages[1].role).toBe('bot');
  });

  it('a person is still a person, and a customer named like the bot stays the customer', async () => {
    const h = frontHarness();
    const c = await frontAdapter.read(h.ctx('agent_handling', { ids: [], names: ['Olivia Brown'], emails: [] }));
    expect(c.messages.find((m) => m.author?.name === 'Dana Agent')!.role).toBe('agent');
    expect(c.messages.filter((m) => m.author?.name === 'Olivia Brown').every((m) => m.role === 'customer')).toBe(true);
  });

  it('Check setup lists the bot-typed teammates and the seats it reads as the bot', async () => {
    const h = frontHarness({ privateAccess: true });
    const report = await runSetupCheck(frontAdapter, h.ctx(), 'app');
    const bot = report.lines.find((l) => l.id === 'bot')!;
    expect(bot.state).toBe('ok');
    expect(bot.bot?.kind).toBe("a bot posting as a teammate's seat, an API client teammate");
    expect(bot.bot?.authors).toEqual([
      { name: 'Aissist Bot <bot@acme-support.example>', why: 'name looks like a bot' },
      { name: 'Acme API token <api@acme-support.example>', why: 'teammate type api' },
      { name: 'Riley Concierge <riley@acme-support.example>', why: 'teammate type api' },
    ]);
  });
});

describe('Front e-mail replies', () => {
  it('are read without the quoted thread: the customer thanking the agent is not asking for a human again', async () => {
    const h = frontHarness();
    const c = await frontAdapter.read(h.ctx('email_quoted'));
    expect(c.messages.map((m) => [m.role, m.text])).toEqual([
      ['customer', 'I want to talk to a real person about my order 55012, it has not arrived.'],
      ['bot', "I've passed this to our team; a colleague will email you today."],
      ['agent', 'Hi Noah, Dana here. Your order 55012 shipped yesterday and arrives on Thursday.'],
      ['customer', 'Perfect, thank you Dana!'],
    ]);
    expect(checkOffline(c, defaultPolicy()).status).toBe('none');
  });
});
