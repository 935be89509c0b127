/**
 * Engine v3 precision: chat with the bot is never out of scope, a bot talking about its team is no transfer,
 * a redirect the customer must follow is a handoff, and a transfer still collecting details is not yet one.
 * Phrasings written for this test (none from the reserved evaluation corpora).
 */
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { PolicySchema } from '@/lib/schema/policy';
import { conv, policy, say } from './fixtures';

/** Scopes of other kinds of support team, written for these tests. */
const SCOPES = {
  telco:
    'Mobile network support bot: plans and upgrades, data allowance, roaming, bills and payments, SIM cards and eSIM, phone unlocking, network coverage and outages, porting a number, broadband setup.',
  airline:
    'Airline virtual assistant: flight bookings, changes and cancellations, check-in and boarding passes, baggage allowance and lost luggage, seat selection, special assistance, refunds and vouchers, loyalty miles.',
  saas: 'Support assistant for a project-management app: sign-in and password, billing and subscriptions, invoices, workspaces and members, integrations (Slack, Google Drive), notifications, exporting data, mobile app.',
  clinic:
    'Medical clinic receptionist bot: booking, rescheduling and cancelling appointments, opening hours, prescriptions renewals, test results availability, insurance accepted, clinic locations.',
  insurance:
    'Car and home insurance assistant: quotes, policy changes, adding a driver, claims (file, status), premiums and payments, documents, cancellation, roadside assistance.',
  bank: 'Banking assistant: card activation, lost or stolen cards, balances, transfers between accounts, direct debits, statements, overdraft, loan applications, mortgage questions, online banking login and PIN reset.',
};
const within = (scope: keyof typeof SCOPES, text: string) =>
  checkOffline(say(text), PolicySchema.parse({ version: 3, scope: SCOPES[scope] }));

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

describe('chat about the chat itself, pauses, interjections and getting acquainted are never out of scope', () => {
  it.each([
    'who is this',
    'who am I talking to',
    'is this a bot',
    'one sec',
    'wait',
    'testing',
    'ugh',
    'oops',
    'sorry typo',
    'nice to meet you',
    'how was your weekend',
    'lol you are weird',
    'are you a boy or a girl',
    'i feel lonely',
    "it's my birthday",
    'do you watch tv',
    'my name is sarah',
    'merry christmas',
  ])('%s', (text) => {
    expect(checkOffline(say(text), policy()).status).toBe('none');
  });
});

describe('requests in the words of other kinds of support team are in scope', () => {
  it.each([
    ['telco', 'internet keeps dropping'],
    ['telco', 'wifi router not working'],
    ['airline', 'need wheelchair at the airport'],
    ['airline', 'name wrong on ticket'],
    ['saas', 'how do i invite my team'],
    ['saas', 'upgrade to pro plan'],
    ['clinic', 'can i move my appt to friday'],
    ['clinic', 'refill my meds'],
    ['clinic', 'need to see dr smith'],
    ['insurance', 'windscreen cracked'],
    ['insurance', 'how much to add my son to my policy'],
    ['bank', 'how do i set up a standing order'],
  ] as const)('%s: %s', (scope, text) => {
    expect(within(scope, text).status).toBe('none');
  });

  it.each([
    'the item i got is the wrong size',
    'is apple pay accepted',
    'can you resend the confirmation email',
    'i got a damaged item',
    'chek if my order shiped',
    'pymnt failed',
    'lemme change my addy',
    'can someone explain the fees',
  ])('store: %s', (text) => {
    expect(checkOffline(say(text), policy()).status).toBe('none');
  });

  it.each([
    ['bank', 'recommend a good pizza place'],
    ['airline', 'play some jazz music'],
    ['clinic', 'whats the weather like tomorrow'],
  ] as const)('a request plainly elsewhere is still out of scope (%s: %s)', (scope, text) => {
    expect(within(scope, text).signals.map((s) => s.kind)).toEqual(['out_of_scope']);
  });
});

describe('what the bot says about people', () => {
  it.each([
    'Our team of dedicated agents is here to assist you with any questions you may have.',
    'Our support agents are available around the clock.',
    'You can reset your password yourself at example.com/reset.',
    'The courier will contact you before delivery.',
    "No worries! Click 'Forgot password' on the sign-in page and we'll email you a reset link.",
    "We'll notify you as soon as your order ships.",
    "Great question! We accept Visa and PayPal. Should you have any further questions, please don't hesitate to reach out to our customer support team.",
    'Our experts will answer any question you might have about our products.',
  ])('talk about the team or a self-service link is no handoff: %s', (text) => {
    expect(afterBot(text).status).toBe('none');
  });

  it.each([
    'Please take the device to an authorized service center for repair.',
    "I'd recommend speaking with your bank about this charge.",
    "You'll hear from our customer advocacy team shortly.",
    'Please get in touch with our warranty desk, they can replace it.',
    'I recommend you get in touch with our Answer Desk for this.',
    'For this issue, please call our support line at 1-800-555-0100.',
    "It's best to contact our returns team directly.",
    'This is something our billing department needs to handle; you can reach them at billing@example.com.',
    'Please visit one of our stores so a technician can take a look.',
    "I've asked our technical team to look into this for you.",
  ])('a redirect or a promise the customer must wait for is a handoff: %s', (text) => {
    const v = afterBot(text);
    expect(v.status).toBe('escalate');
    expect(v.signals[0].kind).toBe('bot_handed_off');
  });

  it.each([
    "I'll need to escalate this to our repairs team. Could you provide your order number?",
    'Let me get a human agent to help. Please share your account email so they can look into it.',
    'Please send us photos of the damaged item so we can forward them to the quality team.',
    "I'll connect you with a security specialist right away. Before I do, could you confirm the email address on your account?",
  ])('a transfer still collecting details is not yet one: %s', (text) => {
    const v = afterBot(text);
    expect(v.status).toBe('unconfirmed');
    expect(v.missing.length).toBeGreaterThan(0);
  });
});

describe('a conversation the bot serves itself', () => {
  it('a label or link sent to the customer is no handoff', () => {
    const v = checkOffline(
      conv([
        ['customer', 'I want to return my shoes'],
        ['bot', 'I have created a return label for you; it has been sent to your email.'],
        ['customer', 'thanks!'],
      ]),
      policy(),
    );
    expect(v.status).toBe('none');
  });

  it('"just browsing" is no request', () => {
    const v = checkOffline(
      conv([
        ['customer', 'hello'],
        ['bot', 'Hi! What can I do for you?'],
        ['customer', 'just browsing lol'],
      ]),
      policy(),
    );
    expect(v.status).toBe('none');
  });

  it('but a case sent on to a team is a handoff', () => {
    const v = checkOffline(
      conv([
        ['customer', 'My parcel arrived damaged.'],
        ['bot', 'Your case has been sent to our claims team.'],
      ]),
      policy(),
    );
    expect(v.signals.map((s) => s.kind)).toEqual(['bot_handed_off']);
  });
});

it('"this may need to be reviewed by our team" is a possible handoff, not a confirmed one', () => {
  const v = checkOffline(
    conv([
      ['customer', 'Why is my data so slow?'],
      ['bot', 'I am not sure, this may need to be reviewed by our network team.'],
    ]),
    PolicySchema.parse({ version: 3, scope: SCOPES.telco }),
  );
  expect(v.status).toBe('unconfirmed');
});

it('"whats…" mid-conversation is a request, judged against the scope', () => {
  const v = checkOffline(
    conv([
      ['customer', 'Can I return my shoes?'],
      ['bot', 'Yes, returns are free within 30 days.'],
      ['customer', 'perfect'],
      ['customer', 'also whats the weather in rome'],
    ]),
    policy(),
  );
  expect(v.signals.map((s) => s.kind)).toEqual(['out_of_scope']);
});

describe('a handoff followed by a request for details is still collecting', () => {
  it('after a transfer announced in an earlier turn', () => {
    const v = checkOffline(
      conv([
        ['customer', 'My refund never arrived.'],
        ['bot', "I'll pass this to our billing team."],
        ['bot', 'Can I have your order number first?'],
      ]),
      policy(),
    );
    expect(v.status).toBe('unconfirmed');
    expect(v.missing).toEqual(['order number']);
  });

  it('after the customer accepted an offered transfer', () => {
    const v = checkOffline(
      conv([
        ['customer', 'My refund never arrived.'],
        ['bot', 'Would you like me to connect you with our billing team?'],
        ['customer', 'yes please'],
        ['bot', 'Sure. What is your order number?'],
      ]),
      policy(),
    );
    expect(v.status).toBe('unconfirmed');
  });

  it('but a transfer with nothing asked after it is one', () => {
    const v = checkOffline(
      conv([
        ['customer', 'My refund never arrived.'],
        ['bot', "I'll pass this to our billing team."],
        ['customer', 'ok'],
        ['bot', 'Thanks, they will be in touch.'],
      ]),
      policy(),
    );
    expect(v.status).toBe('escalate');
  });
});
