/**
 * Engine v3, third tuning round: forms of "escalation announced, details still being collected" that the first
 * two rounds missed. A question after a framing phrase ("In the meantime, did you…"), a choice the customer
 * must make ("a refund or a replacement?"), a question without a verb of asking ("Is there another number…?",
 * "When suits you…?"), and a transfer put to the customer ("shall I go ahead with the escalation?") keep the
 * handoff open. Phrasings written for this test (none from the reserved evaluation corpora or the blind sets).
 */
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { conv, policy, verdictOf } from './fixtures';

const COMPLAINT = 'my parcel says deliverd but nothing came, this is 3rd time yaar!!';
const after = (bot: string) => verdictOf(['customer', COMPLAINT], ['bot', bot]);

describe('a handoff followed by a question to the customer is still collecting', () => {
  it.each([
    // A framing phrase before the question.
    'I am raising this with our delivery investigation team right away. Meanwhile, did you happen to ask the security guard at your gate?',
    'I have sent your case on to the logistics team. In the interim, have you looked around your front porch?',
    'I will escalate this to our claims department. While they look into it, do you still have the outer box?',
    // A choice the customer must make.
    'I am escalating this to our logistics team now. Would you rather have a replacement or your money back?',
    'Our investigations team will review the delivery. Would you like a replacement shipped, or would you prefer a refund?',
    // A question that asks without a verb of asking.
    'I have forwarded this to our courier relations team. Is there another phone number we can reach you on?',
    'I have escalated this to the delivery team. When is a good time for you to receive the redelivery?',
    'Our senior team will look into this today. Which option suits you best?',
    'I have passed this on to our investigations team. Is it possible that a family member collected the parcel?',
    'I have escalated this to our quality team. May I confirm the email address on your account?',
  ])('%s', (bot) => {
    const v = after(bot);
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('unconfirmed');
  });
});

describe('a transfer put to the customer waits for their yes', () => {
  it('…would you like me to go ahead with this escalation? is an offer', () => {
    const v = after(
      'I will escalate this to our refunds team, who usually settle it within a day. Would you like me to proceed with this escalation?',
    );
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('unconfirmed');
  });

  it('the customer saying yes makes it a handoff', () => {
    const v = checkOffline(
      conv([
        ['customer', COMPLAINT],
        ['bot', 'I will escalate this to our refunds team. Would you like me to proceed with this escalation?'],
        ['customer', 'yes pls do it fast'],
      ]),
      policy(),
    );
    expect(v.escalate).toBe(true);
  });
});

describe('questions that do not hold a handoff open', () => {
  it.each([
    // Assent to what the bot already did is not a detail it needs.
    'I have escalated this to our investigations team and they will call you within 24 hours. Is that acceptable?',
    // An open invitation while a live transfer is made.
    'I am connecting you with one of our human agents now. While I do that, is there anything you would like to add?',
    // Help offered, not an answer needed.
    'I have escalated your case to our delivery investigation team; they will contact you tomorrow. What else can I help you with?',
  ])('%s', (bot) => {
    expect(after(bot).escalate).toBe(true);
  });
});

describe('a team named while the bot works the case itself is no handoff', () => {
  it.each([
    // The bot's own work with the delivery partner.
    'I am taking this up with our courier partner right now and will update you here within the hour.',
    'I have raised this with the delivery partner and asked them to redeliver today.',
    // A colleague asked for what the bot needs, answered in this chat.
    'Let me check with our warehouse team on where the parcel is.',
    'Let me connect with the returns team to get the exact status for you.',
    // The customer's suggestion passed on for improvement.
    'Good point. I will pass your suggestion on to our packaging department so they can improve it.',
  ])('%s', (bot) => {
    expect(after(bot).escalate).toBe(false);
  });

  it('a team named as the receiver still makes a handoff', () => {
    expect(after('I have escalated this to our courier relations team and they will call you within a day.').escalate).toBe(true);
  });

  it('asking a supervisor is going up the line', () => {
    expect(after('I will speak with my supervisor, who will call you back today about the refund.').escalate).toBe(true);
  });
});
