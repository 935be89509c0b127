/**
 * Out of scope in the middle of a conversation (engine v3, round 7), measured on a tuning probe of multi-service
 * Schema-Guided Dialogue conversations (train split; the scope is the first service's): the customer turns to another
 * service ("I also need a taxi", "now add it to my calendar") is out of scope; a question about what the bot is
 * already helping with ("do they have live music?") and the answer to the bot's own question are not new requests.
 * Phrasings written for this test.
 */
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { conv, policy, type Turn } from './fixtures';

const RESTAURANTS = 'Restaurant assistant: finds restaurants by city, cuisine and price range, and books tables.';
const DOCTORS = 'Doctor finder: finds doctors by city and speciality and books appointments.';
const MOVIES = 'Movie assistant: finds movies and show times and buys movie tickets.';

const check = (scope: string, ...turns: Turn[]) => checkOffline(conv(turns, { scope }), policy());
const outOfScope = (scope: string, ...turns: Turn[]) => check(scope, ...turns).signals.some((s) => s.kind === 'out_of_scope');

const BOOKED: Turn[] = [
  ['customer', 'Find me an Italian restaurant in San Jose'],
  ['bot', "Angelo's is a moderately priced Italian restaurant. Shall I book it?"],
  ['customer', 'Yes, for 2 at 7pm'],
  ['bot', 'Booked, reference ABC123.'],
];

describe('the customer turns to another service mid-conversation', () => {
  it.each([
    'Great. I also need a taxi from the restaurant to the train station.',
    "Thanks, I'd also like a hotel with free parking in the north.",
    'We would also like a hotel in the north.',
  ])('%s', (text) => {
    const v = check(RESTAURANTS, ...BOOKED, ['customer', text]);
    expect(v.escalate).toBe(true);
    expect(v.signals.map((s) => s.kind)).toContain('out_of_scope');
  });

  it('a task said as a command: "now add it to my calendar"', () => {
    expect(
      outOfScope(
        MOVIES,
        ['customer', "What's playing at the 3rd Street Cinema tonight?"],
        ['bot', 'Dune is showing at 8:30 pm.'],
        ['customer', 'Perfect, now add it to my calendar.'],
      ),
    ).toBe(true);
  });

  it('the scope word as where a taxi goes does not make the taxi in scope', () => {
    expect(outOfScope(RESTAURANTS, ['customer', 'I need a taxi from the restaurant to the train station.'])).toBe(true);
    expect(outOfScope(RESTAURANTS, ['customer', 'Can you book a table at the restaurant near the station?'])).toBe(false);
  });
});

describe('not a new request', () => {
  it('a question about what the bot is already helping with', () => {
    const followUp: Turn = ['customer', 'Do they have live music or serve alcohol?'];
    expect(outOfScope(RESTAURANTS, followUp)).toBe(true); // alone, it would be judged
    expect(
      outOfScope(
        RESTAURANTS,
        ['customer', 'Find me an Italian restaurant in San Jose'],
        ['bot', "Angelo's is a moderately priced Italian restaurant in San Jose."],
        followUp,
      ),
    ).toBe(false);
  });

  it("the answer to the bot's question", () => {
    const answer: Turn = ['customer', 'A general practitioner in Dixon please.'];
    expect(outOfScope(DOCTORS, answer)).toBe(true);
    expect(
      outOfScope(
        DOCTORS,
        ['customer', 'I need to see a doctor'],
        ['bot', 'Which city should I search in, and what kind of doctor do you need?'],
        answer,
      ),
    ).toBe(false);
  });

  it('a question back instead of an answer is still judged', () => {
    expect(
      outOfScope(
        DOCTORS,
        ['customer', 'I need to see a doctor'],
        ['bot', 'Which city should I search in?'],
        ['customer', 'Can you tell me the weather in Paris?'],
      ),
    ).toBe(true);
  });

  it('hoping the bot finds something asks for nothing new', () => {
    const v = check(
      RESTAURANTS,
      ['customer', 'my table booking at Angelo is missing!!'],
      ['bot', 'I have escalated this to our reservations team, who will contact you within the hour.'],
      ['customer', 'okay. i really hope you find it.'],
    );
    expect(v.escalate).toBe(true);
  });
});

describe('a request after a yes or a no, and everyday words for a topic', () => {
  const EVENTS = 'Events assistant: finds concerts and games in a city and buys tickets for them.';
  const found: Turn[] = [
    ['customer', 'Find me a concert in Seattle on Friday'],
    ['bot', 'Carbon Leaf is playing at Union Stage on Friday. Would you like tickets?'],
    ['customer', 'No, not now.'],
    ['bot', 'Is there anything else I can help you with?'],
  ];

  it('"Yes, can you find me a restaurant there?" is a new request', () => {
    expect(outOfScope(EVENTS, ...found, ['customer', 'Yes, can you find me a restaurant there?'])).toBe(true);
  });

  it('"yes please do that" accepts what the bot offered and asks nothing new', () => {
    const v = check(
      EVENTS,
      ['customer', 'my tickets never arrived!!'],
      ['bot', 'I am sorry. Would you like me to transfer you to our ticketing team?'],
      ['customer', 'yes please do that'],
    );
    expect(v.escalate).toBe(true);
    expect(v.signals.map((s) => s.kind)).not.toContain('out_of_scope');
  });

  it.each(['When am I free that day?', 'Check my availability that day.', 'Can I also get a cab there?'])(
    'another service in everyday words: %s',
    (text) => {
      expect(outOfScope(EVENTS, ...found.slice(0, 2), ['customer', text])).toBe(true);
    },
  );

  it('a cab is a taxi for a taxi service', () => {
    expect(outOfScope('Taxi booking assistant: books taxis and rides to any address.', ['customer', 'I need a cab to the airport'])).toBe(
      false,
    );
  });
});
