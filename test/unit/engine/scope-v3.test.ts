/**
 * The out-of-scope call on customer requests typed as people type in chat: text-speak small talk and questions
 * to the bot are never out of scope, in-scope requests in shorthand are matched to the scope first, and a
 * request for another kind of team's service is still out. Phrasings written for this test (none from the
 * reserved evaluation corpora or the tuning and blind sets).
 */
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { PolicySchema } from '@/lib/schema/policy';
import { say } from './fixtures';

const SCOPES = {
  airline:
    'Airline assistant: book, change or cancel flight reservations, baggage and seats, refunds and compensation for delayed or cancelled flights.',
  movies: 'Movie assistant: find movies by genre, director or actor, search show times at a cinema, and buy tickets for a show.',
  store:
    'Customer-support assistant of an online store: orders (place, change, cancel, track), shipping address and delivery, invoices, payment methods and payment issues, refunds and returns, accounts (create, edit, delete, password), newsletter.',
  telco:
    'Mobile network support bot: plans and upgrades, data allowance, roaming, bills and payments, SIM cards and eSIM, phone unlocking, network coverage and outages, porting a number.',
  clinic:
    'Medical clinic receptionist bot: booking, rescheduling and cancelling appointments, opening hours, prescription renewals, test results, insurance accepted, clinic locations.',
  food: 'Fast-food ordering assistant: place an order for pickup or delivery, menu items and combos, customise toppings, order status, store hours, coupons and deals.',
};
const verdict = (scope: keyof typeof SCOPES, text: string) =>
  checkOffline(say(text), PolicySchema.parse({ version: 3, scope: SCOPES[scope] }));
const kinds = (scope: keyof typeof SCOPES, text: string) => verdict(scope, text).signals.map((s) => s.kind);

describe('text-speak small talk and questions to the bot are never out of scope', () => {
  it.each([
    ['telco', 'wat can u do'],
    ['store', 'what can u help with'],
    ['food', 'im so tired lol'],
    ['clinic', 'gr8 thx'],
    ['telco', 'omg ur so slow'],
    ['store', 'ur funny lol'],
    ['clinic', 'i m tired'],
    ['store', 'feeling sad today'],
    ['telco', 'can you hear me'],
    ['food', 'idk lol'],
    ['store', 'wait what'],
    ['food', 'ok sounds good'],
    ['telco', 'can you repeat that'],
    ['telco', 'whats ur fav color'],
    ['food', 'just saying hi'],
    ['clinic', 'oops wrong chat'],
    ['store', 'u there?'],
    ['clinic', 'nvm'],
    ['store', 'How smart are you?'],
    ['telco', 'Can I tell you a secret'],
    ['food', 'My pleasure'],
    ['clinic', "I'll be right back"],
    ['store', 'byeee'],
    ['telco', 'ohh ok'],
    ['food', 'gd nite'],
    ['clinic', "you're not very smart"],
    ['store', 'you seej hapoy!'],
    ['food', 'r u smarter thhan me?'],
  ] as const)('%s: %s', (scope, text) => {
    expect(verdict(scope, text).status).toBe('none');
  });
});

describe('a remark in passing names no service', () => {
  it.each([
    ['store', "that's great news"],
    ['telco', "I'm going to sleep now"],
    ['clinic', 'Maybe later'],
  ] as const)('%s: %s', (scope, text) => {
    expect(verdict(scope, text).status).toBe('none');
  });

  it('but something of the customer in trouble is a request', () => {
    expect(kinds('store', 'my tv is not working')).toEqual(['out_of_scope']);
  });
});

describe('in-scope requests in text-speak match the scope', () => {
  it.each([
    ['food', 'i want 3 big mac and a coke'],
    ['food', 'no onions pls'],
    ['clinic', 'hi i need to move my appointment'],
    ['store', 'forgot pw'],
    ['clinic', 'wat time do u open'],
    ['store', 'wher is my ordr'],
  ] as const)('%s: %s', (scope, text) => {
    expect(verdict(scope, text).status).toBe('none');
  });
});

describe('a request for another kind of team is still out of scope', () => {
  it.each([
    ['store', 'book me a flight to paris'],
    ['telco', 'order sushi for delivery'],
    ['food', 'activate my credit card'],
    ['clinic', 'hi i need to check my account balance'],
    ['movies', 'can you help me search for a bus'],
    ['movies', "I'm looking for a salon"],
    ['airline', 'I want to return everything I ordered.'],
    ['food', 'i want to buy internet service'],
    ['store', 'who was the first astronaut'],
  ] as const)('%s: %s', (scope, text) => {
    expect(kinds(scope, text)).toEqual(['out_of_scope']);
  });
});
