/**
 * Engine v3, fifth round, precision on bots that book and search (restaurants, flights, appointments, music), found by
 * running the engine over unlabelled Schema-Guided Dialogue training conversations (not the test split the own blind
 * set uses) and reading what escalated:
 * - a booking the system turned down ("Sorry, I couldn't book that appointment") and a search with nothing more to
 *   show are results the bot reports, not the bot lacking information, access or capability;
 * - "the kitchen speaker" is a device, "the concert will take place" an event, "one person" a head count, "find me
 *   someone else" another search result, "call me a cab" a ride;
 * - a phone number the customer asked for ("give me their number please") is an answer, not a redirect.
 * Refunds and orders the bot could not handle, and a capability it lacks, still escalate.
 * Phrasings written for this test, after the forms seen in the corpus.
 */
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { conv, policy } from './fixtures';

const bookingBot = (customer: string, bot: string) =>
  checkOffline(
    conv([
      ['customer', customer],
      ['bot', bot],
    ]),
    policy({ scope: '' }),
  );

const signalsAfter = (customer: string) =>
  checkOffline(
    conv([
      ['bot', 'Hi! How can I help you today?'],
      ['customer', customer],
    ]),
    policy({ scope: '' }),
  ).signals.map((s) => s.kind);

describe('what a booking or search returned is an answer', () => {
  it.each([
    'Sorry, I couldn’t book that appointment. Would 4 pm on the same day work instead?',
    'Unfortunately, I was unable to make the reservation for you. Would you prefer a table at Casa Lina at 7 pm instead?',
    "I'm sorry, I wasn't able to reserve the tickets. Is there anything else I can help with?",
    'Sorry, I Couldnt make reservation, shall i try 11:30 am today?',
    'I am unable to book the appointment at 10:45 AM. Shall I try 11:15?',
    "I couldn't find another song matching your query. Can I help with something else?",
    'I cannot find any movies matching your preferences.',
    "Sorry, I couldn't find any open seats for that game.",
    'Sorry, I was unable to place a reservation at Dash. Would another restaurant do?',
    "Sorry, I couldn't find a flight.",
  ])('%s', (bot) => {
    const v = bookingBot('Yes, please go ahead and book it.', bot);
    expect(v.escalate).toBe(false);
  });
});

describe('still the bot unable to help', () => {
  it.each([
    "I'm unable to book flights.",
    'I was unable to process your refund. Is there anything else?',
    'I could not find any order with this number.',
    "I can't find any record of your payment.",
    "I couldn't find an agent available right now.",
  ])('%s', (bot) => {
    const v = bookingBot('where is my money??', bot);
    expect(v.escalate).toBe(true);
    expect(v.signals.map((s) => s.kind)).toContain('bot_handed_off');
  });
});

describe('words that name no one to hand the case to', () => {
  it.each([
    'Do you want me to play Better on the kitchen speaker?',
    'Should I play Let It Be on the bedroom speaker?',
    'Chemical Brothers at Forest Hills Stadium will take place next Wednesday at 8 pm.',
    'An event featuring Girl In Red is taking place at The Teragram Ballroom next Thursday.',
  ])('%s', (bot) => {
    const v = bookingBot('Find me something fun to do next week.', bot);
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('none');
  });

  it('an offer to escalate is still an offer, however the verb ends', () => {
    const v = bookingBot(
      'this is unfair, I want a full refund',
      'I can escalate this to a senior specialist. Would you like me to proceed with the escalation?',
    );
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('unconfirmed');
  });
});

describe('the customer counting people or asking for another result', () => {
  it.each([
    'Just me, one person.',
    "It's just one person, and I'd share a cab.",
    'Can you call me a cab for 1 person?',
    'Find me someone else please.',
    'Can you find anyone else?',
    "I don't have any need for a specialist.",
    'how many technical glitches can one person handle? tell me when i will get the money',
  ])('%s', (customer) => {
    expect(signalsAfter(customer)).not.toContain('user_requested_human');
  });

  it.each(['can I talk to one person who knows this?', 'call me at noon', 'can i speak to someone else', 'can you loop in a manager'])(
    '%s still asks for a person',
    (customer) => {
      expect(signalsAfter(customer)).toContain('user_requested_human');
    },
  );
});

describe('contact details the customer asked for', () => {
  it.each([
    ['Give me their number and address please', "It's booked! They're at 4655 Hoen Avenue and you can reach them at 707-544-4922."],
    ['Provide me with their phone number.', 'You can reach them on 650-384-0986.'],
  ])('%s', (customer, bot) => {
    const v = bookingBot(customer, bot);
    expect(v.escalate).toBe(false);
  });

  it('sending the customer to the company’s own team by phone is still a redirect', () => {
    expect(
      bookingBot('my refund never came', 'I cannot help with refunds here. Please call our billing team at 1800-123-456.').escalate,
    ).toBe(true);
  });
});
