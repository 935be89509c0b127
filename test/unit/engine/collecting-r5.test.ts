/**
 * Engine v3, fifth tuning round: a handoff beside a request the bot words as a statement or as a bare instruction.
 * - the detail named as what the case needs: "the UTR number helps me trace it", "only the invoice is pending from
 *   your side", "without the order ID, I cannot locate the parcel";
 * - instructions whose verb the lexicon knows only as a noun ("Tell me more…", "Drop the order ID here") and polite
 *   frames ("It'd help if you could send a photo", "Could I trouble you for…", "For faster resolution, share…").
 * Details already given, advice, and details to take to the bank or seller are not requests.
 * Phrasings written for this test (none from the reserved evaluation corpora or the blind sets).
 */
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { conv, policy, verdictOf } from './fixtures';

const COMPLAINT = 'money got debited twice for my order and no refund yet, its been 10 days!!';
const HANDOFFS = [
  'I have escalated this to our finance team for review.',
  'Our investigation team will verify the payment records.',
  'I have raised a ticket with our technical team.',
  'The matter has been forwarded to our claims team, who will contact you within 48 hours.',
  'A specialist from our refunds team will reach out to you within 24 hours.',
];
const after = (bot: string) => verdictOf(['customer', COMPLAINT], ['bot', bot]);

describe('a handoff beside a request worded as a statement is still collecting', () => {
  const requests: [string, string][] = [
    ['The UTR number helps me trace it.', 'utr number'],
    ['Having the transaction ID will help them trace the payment.', 'transaction id'],
    ['With the transaction ID, we can trace this faster.', 'transaction id'],
    ['The bank reference number will speed this up.', 'reference number'],
    ['To proceed further, the tracking number is mandatory.', 'tracking number'],
    ['For verification, your registered email address is required.', 'e-mail address'],
    ['Only the invoice is pending from your side.', 'invoice'],
    ['The only thing missing is a picture of the product.', 'picture'],
    ['We are waiting for the photos from your end.', 'photos'],
    ['Without the order ID, I cannot locate the payment.', 'order id'],
  ];
  for (const head of HANDOFFS)
    it.each(requests)(`${head} %s`, (request, item) => {
      const v = after(`${head} ${request}`);
      expect(v.escalate).toBe(false);
      expect(v.status).toBe('unconfirmed');
      expect(v.missing.join(' ').replace('email', 'e-mail')).toContain(item);
    });
});

describe('instructions and polite frames the bot uses to ask', () => {
  it.each([
    'Tell me more about the issue.',
    'Describe the damage, please.',
    'Drop the order ID here.',
    'Share the pics pls.',
    'Kindly furnish the invoice.',
    "It'd help if you could send a photo.",
    'Could I trouble you for the order ID?',
    'For faster resolution, share the screenshot of the payment.',
    "You'll need to provide the invoice.",
    'You need to upload the photos via the link I sent.',
    "Just need your order number and we're good.",
  ])('%s', (request) => {
    for (const head of HANDOFFS) {
      const v = after(`${head} ${request}`);
      expect(v.escalate, head).toBe(false);
      expect(v.status, head).toBe('unconfirmed');
    }
  });
});

describe('still a handoff: nothing is asked', () => {
  it.each([
    // Already given.
    'The details you shared will help our team investigate this faster.',
    'With the information you provided, our team can investigate further.',
    'Having the photos you shared will help them trace the damage.',
    // Why it was asked, and thanks.
    'The bank information helps us to cross-verify the transaction details.',
    'Your report helps us maintain the integrity of our marketplace.',
    // Advice, and waiting on others.
    'The tracking number helps you follow your parcel.',
    'We are waiting for the update from the courier.',
    'Your refund approval is pending from the finance team.',
    // Details the customer takes elsewhere, and steps that are not details.
    'You will need to provide the reference number to your bank.',
    "You'll have to share the invoice with the seller directly.",
    'Drop the parcel at the nearest hub.',
    'Note the complaint number for future reference.',
  ])('%s', (tail) => {
    for (const head of HANDOFFS) expect(after(`${head} ${tail}`).escalate, head).toBe(true);
  });

  it('a noun that is also a verb starts a statement, not an instruction', () => {
    expect(after('I have escalated this to our finance team. Email confirmation has been sent to you.').escalate).toBe(true);
    expect(after('I have escalated this to our finance team. Call charges may apply if you phone us.').escalate).toBe(true);
  });
});

describe('people brought onto the case without a verb of passing it on', () => {
  it.each([
    "I'm going to loop in our billing team.",
    "I'm bringing in a specialist to help with this.",
    'I have involved our billing team in this.',
    'Let me get our billing team involved.',
    "I'll rope in a senior colleague.",
    "I've put in a request with our billing team to review the charge.",
    'Our billing team has been made aware of the issue.',
    "I've requested a callback from our billing team for you.",
    "I've placed your case in the queue for our billing specialists.",
    'Your request is now with our billing team.',
    'Our billing team now has your case.',
  ])('%s', (bot) => {
    const v = after(bot);
    expect(v.escalate).toBe(true);
    expect(v.signals.map((s) => s.kind)).toContain('bot_handed_off');
  });

  it.each([
    'Would you like me to get our billing team involved?',
    'If needed, I can loop in our billing team.',
    'Your parcel is now with our delivery agent.',
    'Our agents have the issue under control and the site is back up.',
  ])('%s is not (yet) a handoff', (bot) => {
    expect(after(bot).escalate).toBe(false);
  });

  it('a handoff that waits for the number the bot asked for is still collecting', () => {
    for (const bot of [
      "I'll raise this with our team as soon as I have your order number.",
      "Once I have your order number, I'll pass this to our billing team.",
      "I'm going to loop in our billing team. Can you confirm the email on your account?",
    ]) {
      const v = after(bot);
      expect(v.escalate, bot).toBe(false);
      expect(v.status, bot).toBe('unconfirmed');
    }
  });
});

describe('what the agent sees as missing when the bot’s question names no detail', () => {
  const QUESTION = 'Was the outer box damaged when it reached you?';
  const asked = conv([
    ['customer', COMPLAINT],
    ['bot', `I am escalating this to our logistics team at once. ${QUESTION}`],
  ]);

  it('lists the bot’s own question and suggests asking it, not "your answer to the question"', () => {
    const v = checkOffline(asked, policy());
    expect(v.status).toBe('unconfirmed');
    expect(v.missing).toEqual([`answer to “${QUESTION}”`]);
    expect(v.suggestedQuestion).toBe(QUESTION);
    expect(v.reason).toContain(QUESTION);
  });

  it('a reply from the customer answers it, so nothing is missing until the bot speaks again', () => {
    const v = checkOffline(
      conv([...asked.messages.map((m) => [m.role, m.text] as ['customer' | 'bot', string]), ['customer', 'no, it looked fine']]),
      policy(),
    );
    expect(v.status).toBe('unconfirmed');
    expect(v.missing).toEqual([]);
  });

  it('a named detail next to it is asked for by name, then the question as the bot put it', () => {
    const v = checkOffline(
      conv([
        ['customer', COMPLAINT],
        ['bot', `I am escalating this to our logistics team. ${QUESTION} Could you also share your order number?`],
      ]),
      policy(),
    );
    expect(v.missing).toContain('order number');
    expect(v.suggestedQuestion).toMatch(/order number/);
  });
});

describe('a condition the customer is to check, then details, then the escalation', () => {
  it('is still collecting', () => {
    const v = after(
      'I understand. If your bank confirms the debit, please provide me with a screenshot of the statement and I will escalate this to our payments team.',
    );
    expect(v.status).toBe('unconfirmed');
    expect(v.missing).toContain('screenshot');
  });

  it.each([
    'If it takes longer, please provide us with the bank statement screenshot, and we will escalate the matter with our finance team.',
    'If the refund has not arrived by Friday, let us know and we will escalate it.',
  ])('a door left open for later is not: %s', (bot) => {
    expect(after(bot).status).toBe('none');
  });
});
