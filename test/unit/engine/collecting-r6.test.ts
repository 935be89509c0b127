/**
 * Engine v3, sixth tuning round: more ways a bot collects details while it escalates.
 * - asking by announcing the questions ("Just a couple of questions first", "let me first verify a few details",
 *   "I will also need to verify your bank details", "walk me through what happened");
 * - "May we request…", a detail read back for the customer to confirm ("…, correct?"), a request after a linking
 *   word ("Meanwhile, the order ID would be helpful"), "providing photographic evidence will help", "you can email the
 *   pictures to…", "…, if available".
 * The bot's own checks, details already given and assent questions are not requests.
 * Also: "DM us your order number" asks for a detail here (no redirect); the customer naming delivery people or what
 * an earlier agent said, threatening to escalate later ("if I don't hear back, I'm gonna escalate this"), or taking
 * the complaint to consumer court is not asking for a human now.
 * Phrasings written for this test (none from the reserved evaluation corpora or the blind sets).
 */
import { describe, expect, it } from 'vitest';
import { verdictOf } from './fixtures';

const COMPLAINT = 'money got debited twice for my order and no refund yet, its been 10 days!!';
const HANDOFFS = [
  'I have escalated this to our finance team for review.',
  'I will raise a ticket with our payments team.',
  'A specialist from our refunds team will reach out to you within 24 hours.',
];
const after = (bot: string) => verdictOf(['customer', COMPLAINT], ['bot', bot]);

describe('a handoff beside these requests is still collecting', () => {
  it.each([
    'May we request the date and approximate time of the payment?',
    'May I request your order number?',
    'Please walk me through what happened.',
    'Just a couple of questions first.',
    'I have a few quick questions before that.',
    'Let me first verify a few details.',
    'I will also need to verify your bank details.',
    "I'll need to confirm your registered email address.",
    'To confirm, your registered number is 98xxxxxx21, correct?',
    'Meanwhile, the order ID would be helpful.',
    'It would be great to have the transaction ID.',
    'In the meantime, providing photographic evidence will help expedite the investigation.',
    'Sharing the invoice would speed things up.',
    'You can email the screenshots to support@example.com.',
    'You can upload the screenshots directly to this chat, if available.',
    'Please check your bank statement and confirm whether the amount was debited.',
    'To forward this to our returns team, the order number is required.',
    "I'd appreciate if you could share the transaction ID.",
    'It would help to know which card was used.',
    "I'd be grateful for a screenshot of the payment.",
    "I'd like to get a few details from you.",
    'Some more context would help.',
    'In the meantime, is there anything else you can recall about the delivery that might be relevant?',
  ])('%s', (request) => {
    for (const head of HANDOFFS) {
      const v = after(`${head} ${request}`);
      expect(v.escalate, head).toBe(false);
      expect(v.status, head).toBe('unconfirmed');
    }
  });

  it('names what is missing', () => {
    expect(after(`${HANDOFFS[0]} May we request the date of the payment?`).missing.join(' ')).toContain('date');
    expect(after(`${HANDOFFS[0]} Meanwhile, the order ID would be helpful.`).missing.join(' ')).toContain('order id');
  });
});

describe('an escalation that waits on what the customer sends', () => {
  it.each([
    'I have created a secure upload link and sent it to your email. Please use this link to upload the photos. Once uploaded, our returns team will review the images. Please allow 1-2 business days for the review.',
    "Let me have the UTR and I'll pass it to the finance team.",
    'I cannot override the payment gateway. However, if you can provide proof of the deal expiring (e.g., a screenshot), I can escalate this to our promotions team.',
    "If you could share the UTR, I'll get our finance team to trace it.",
    'Upon receiving your response, I will escalate this to the investigation team.',
    'Pending your confirmation, I will forward this to the returns team.',
    'Once I hear back from you, I will escalate this to the investigation team.',
    'The ticket can be raised only after you share the UTR.',
  ])('%s', (bot) => {
    const v = after(bot);
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('unconfirmed');
  });

  it('the parcel received back at the warehouse is not a detail asked of the customer', () => {
    expect(after('Once received, our returns team will inspect the item and process the refund.').status).not.toBe('unconfirmed');
  });
});

describe('still a handoff: nothing is asked of the customer', () => {
  it.each([
    // The bot's (or the team's) own check.
    'We will need to verify the reason for the charge.',
    'They will need to verify the condition of the returned item.',
    // Help offered, not evidence asked for.
    'Is there anything else I can help you with?',
    // Assent to what the bot does, and offers.
    'Please check and confirm if this works for you.',
    'Can I request a callback for you?',
    // Given already, or conditional on the bank.
    'The photographs you shared will help expedite the investigation.',
    'You can share the reference number with your bank if they ask.',
  ])('%s', (tail) => {
    for (const head of HANDOFFS) expect(after(`${head} ${tail}`).escalate, head).toBe(true);
  });
});

describe('a private message asked for with a detail in it', () => {
  it('is the bot collecting that detail, not the customer sent elsewhere', () => {
    for (const bot of ['Please DM us your order number and we will look into it.', 'Text us your order number and we will check.']) {
      expect(after(bot).escalate, bot).toBe(false);
    }
  });

  it('without a detail, moving to a private channel where the team takes over is still a handoff', () => {
    expect(after('Please DM us and our team will take it from there.').escalate).toBe(true);
  });
});

describe('people of the delivery or of the story are not support people asked for', () => {
  const customerSays = (text: string) =>
    verdictOf(
      ['customer', 'my laptop order is late, where is it?'],
      ['bot', 'I am sorry about the delay. Your order is out for delivery and should arrive today by 6 PM.'],
      ['customer', text],
    );

  it.each([
    'tell the delivery agent to call me',
    'can u ask the delivery boy to call me',
    'but maybe u should tell your delivery guys to inform the customer if they hand it over to someone else',
    'the last agent promised me a callback',
    'is there a person at the warehouse who checks this?',
    // A threat of what the customer will do later, the complaint taken elsewhere, the bot's word asked about.
    "if i don't hear back, i'm gonna escalate this.",
    'fine. keep me posted. otherwise i will escalate this.',
    "but if it's not resolved in one hour, i'm calling back and speaking to your manager.",
    'update me daily or im escalating dis to consumer court.',
    "what does 'escalate' even mean?",
    'escalated?',
    'escalating? what does that even mean?',
    'coz nobody even tried to call me or anything.',
    "just process it now and let's hope i don't have to call back",
    'but call me before showing up!',
  ])('%s', (text) => {
    expect(customerSays(text).signals.map((s) => s.kind)).not.toContain('user_requested_human');
  });

  it.each([
    'the agent promised a callback, i want to talk to someone now',
    'connect me to a human, the delivery agent was rude',
    'escalate it or i will complain',
    "if you can't help, i want to speak to a manager",
    "i'm going to escalate this to your manager",
  ])('an explicit ask beside them still counts: %s', (text) => {
    expect(customerSays(text).signals.map((s) => s.kind)).toContain('user_requested_human');
  });
});
