import { describe, expect, it } from 'vitest';
import { botReason, identityAuthors } from '@/lib/platforms/shared';
import { SetupLineSchema } from '@/lib/schema/setup';
import { botLine } from '@/lib/platforms/check-lines';

const none = { ids: [], names: [], emails: [] };

describe("Check setup's bot line", () => {
  it('names the bot kind and every author with the marker that made it the bot', () => {
    const line = botLine({
      kind: 'Gorgias AI Agent',
      authors: [
        { name: 'AI Agent', why: 'role bot' },
        { name: 'Helper', why: 'named in Options' },
      ],
    });
    expect(SetupLineSchema.parse(line)).toEqual(line);
    expect(line).toMatchObject({ id: 'bot', state: 'ok' });
    expect(line.detail).toBe('Bot: Gorgias AI Agent. Baton treats as the bot: AI Agent (role bot), Helper (named in Options).');
  });

  it('is not green when no author would be read as the bot, and says what to set', () => {
    const line = botLine({ kind: 'none found', authors: [] });
    expect(line.state).toBe('unknown');
    expect(line.detail).toMatch(/read as a human agent's; name the bot in Options/);
  });

  it('puts the helpdesk marker before the bot identity, and the name pattern last', () => {
    const identity = { ids: [], names: ['Helper'], emails: [] };
    expect(botReason({ name: 'Helper' }, identity, 'role bot')).toBe('role bot');
    expect(botReason({ name: 'Helper' }, identity)).toBe('named in Options');
    expect(botReason({ name: 'Aissist Bot' }, none)).toBe('name looks like a bot');
    expect(botReason({ name: 'Dana Agent' }, none)).toBeNull();
    expect(identityAuthors({ ids: ['7'], names: ['Helper'], emails: ['b@x.example'] }).map((a) => a.name)).toEqual([
      'Helper',
      'b@x.example',
      '7',
    ]);
  });
});
