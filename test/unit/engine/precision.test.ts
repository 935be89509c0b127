/**
 * Engine v3 precision: chat with the bot is never out of scope, a bot talking about its team is no transfer,
 * a redirect the customer must follow is a handoff, and a transfer still collecting details is not yet one.
 * Phrasings written for this test (none from the reserved evaluation corpora).
 */
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { conv, policy, say } from './fixtures';

const afterBot = (text: string) =>
  checkOffline(
    conv([
      ['customer', 'My blender stopped working after a week.'],
      ['bot', text],
    ]),
    policy(),
  );

describe('chat with the bot is never out of scope', () => {
  it.each(['ok i gtg', 'are you real', 'r u a robot', 'who made you', "you're funny", 'do you like music', "i'm bored", 'lol brb'])(
    '%s',
    (text) => {
      expect(checkOffline(say(text), policy()).status).toBe('none');
    },
  );

  it('still judges a foreign request next to it', () => {
    const v = checkOffline(say('what is the weather tomorrow in paris'), policy());
    expect(v.signals.map((s) => s.kind)).toEqual(['out_of_scope']);
  });
});

describe('typos and shorthand are matched against the scope before anything is called out of scope', () => {
  it.each(['can I pay with credit cars', 'i want 2 track my order', 'Tracking my order', 'cancel ordr pls', 'wheres my pakage'])(
    '%s',
    (text) => {
      expect(checkOffline(say(text), policy()).status).toBe('none');
    },
  );
});

describe('what the bot says about people', () => {
  it.each([
    'Our team of dedicated agents is here to assist you with any questions you may have.',
    'Our support agents are available around the clock.',
    'You can reset your password yourself at example.com/reset.',
    'The courier will contact you before delivery.',
  ])('talk about the team or a self-service link is no handoff: %s', (text) => {
    expect(afterBot(text).status).toBe('none');
  });

  it.each([
    'Please take the device to an authorized service center for repair.',
    "I'd recommend speaking with your bank about this charge.",
    "You'll hear from our customer advocacy team shortly.",
    'Please get in touch with our warranty desk, they can replace it.',
  ])('a redirect or a promise the customer must wait for is a handoff: %s', (text) => {
    const v = afterBot(text);
    expect(v.status).toBe('escalate');
    expect(v.signals[0].kind).toBe('bot_handed_off');
  });

  it.each([
    "I'll need to escalate this to our repairs team. Could you provide your order number?",
    'Let me get a human agent to help. Please share your account email so they can look into it.',
    'Please send us photos of the damaged item so we can forward them to the quality team.',
  ])('a transfer still collecting details is not yet one: %s', (text) => {
    const v = afterBot(text);
    expect(v.status).toBe('unconfirmed');
    expect(v.missing.length).toBeGreaterThan(0);
  });
});
