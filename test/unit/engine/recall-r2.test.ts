/**
 * Engine v3, second tuning round: a polite "can you tell me" does not make a question about the support, "call
 * me a taxi" and "the contact person is…" ask for nobody, money transferred is no handoff, and a phone number
 * given because the customer asked for it is an answer, not a redirect. Phrasings written for this test (none
 * from the reserved evaluation corpora or the blind sets).
 */
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { conv, policy } from './fixtures';

const kinds = (v: ReturnType<typeof checkOffline>) => v.signals.map((s) => s.kind);

const RIDES = 'Assistant of a taxi company: book a ride, check the status of a ride, cancel a ride, fares.';

describe('the "you" of "can you tell me" is who is asked, not what the question is about', () => {
  it.each(['Can you tell me how many people have the measles in Denver?', 'Do you know how many people have the measles in Denver?'])(
    '%s is judged against the scope (out)',
    (text) => {
      const v = checkOffline(conv([['customer', text]]), policy({ scope: RIDES }));
      expect(kinds(v)).toContain('out_of_scope');
    },
  );

  it('a question about the business itself stays out of the scope judgement', () => {
    const v = checkOffline(conv([['customer', 'Can you tell me what your opening hours are?']]), policy({ scope: RIDES }));
    expect(kinds(v)).not.toContain('out_of_scope');
  });
});

describe('a customer fetching a thing or naming someone asks for no human', () => {
  it.each(['Call me a taxi to the airport please.', 'Please call us a cab, we are at the station.'])('%s', (text) => {
    const v = checkOffline(conv([['customer', text]]), policy({ scope: RIDES }));
    expect(kinds(v)).not.toContain('user_requested_human');
  });

  it.each(["The contact person's name is Priya.", 'Our contact person is Tom Baker.'])('%s', (text) => {
    const v = checkOffline(
      conv([
        ['customer', 'I want to send money to my landlord'],
        ['bot', 'Who should receive it?'],
        ['customer', text],
      ]),
      policy({ scope: 'Payments assistant: send money, request money, check the balance.' }),
    );
    expect(kinds(v)).not.toContain('user_requested_human');
  });

  it.each(['Call me back please.', 'Call me at 555 0134 tomorrow.', 'I want to contact a person.', 'Call me an agent now.'])(
    '%s still asks for a human',
    (text) => {
      const v = checkOffline(conv([['customer', text]]), policy({ scope: RIDES }));
      expect(kinds(v)).toContain('user_requested_human');
    },
  );
});

describe('money moved between accounts is not a conversation handed on', () => {
  const afterPayment = (text: string) =>
    checkOffline(
      conv([
        ['customer', 'Send 40 dollars to Ana from my checking account'],
        ['bot', 'Confirming 40 dollars to Ana from checking. Shall I go ahead?'],
        ['customer', 'Yes go ahead'],
        ['bot', text],
      ]),
      policy({ scope: 'Payments assistant: send money, request money, check the balance.' }),
    );

  it.each(['Done, it has been transferred and will show in her account shortly.', 'The money was sent to her account.'])('%s', (text) => {
    expect(afterPayment(text).escalate).toBe(false);
  });

  it.each(['Your case has been transferred to our billing team.', 'I have transferred your chat to an agent.'])(
    '%s is still a handoff',
    (text) => {
      expect(kinds(afterPayment(text))).toContain('bot_handed_off');
    },
  );
});

describe('a phone number the customer asked for is an answer, not a redirect', () => {
  const SALONS = 'Assistant for finding hair salons and booking appointments at them.';
  const after = (question: string, reply: string) =>
    checkOffline(
      conv([
        ['customer', 'Find me a barber in Leeds'],
        ['bot', 'I found 4 barbers. One is Sharp Cuts on Kirk Street.'],
        ['customer', question],
        ['bot', reply],
      ]),
      policy({ scope: SALONS }),
    );

  it.each([
    ["What's their phone number?", 'You can reach them at 0113 496 0001.'],
    ['What is the address and contact number?', 'It is at 12 Kirk Street. You may call 0113 496 0001.'],
  ])('%s → %s', (question, reply) => {
    expect(kinds(after(question, reply))).not.toContain('bot_handed_off');
  });

  it("a redirect to the bot's own team after the same question is still one", () => {
    const v = after("What's the number to sort out my refund?", 'Please call our support team at 0800 496 0002.');
    expect(kinds(v)).toContain('bot_handed_off');
  });

  it('a number given when nothing was asked is still a redirect', () => {
    const v = after('Can you change my booking with them?', 'You can reach them at 0113 496 0001.');
    expect(kinds(v)).toContain('bot_handed_off');
  });
});
