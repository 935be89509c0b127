/**
 * Engine v3, seventh round: after six rounds the multi-turn v3 set was opened for error analysis (it is a dev set
 * now; `multiturn-v4.jsonl` is the blind one). What it showed, written here as general forms:
 * - polite requests put as "would you be willing / able to…" and a request after two framing phrases collect details;
 * - "I will escalate this" needs no team named; a background clause ("Given the delay, …") does not hide it;
 * - an "also" escalation that commits a team to the customer's case is a handoff, feedback passed on is not;
 * - a door left open ("in the unlikely event…, contact us and we will escalate") is not a handoff now;
 * - redirects: the ARN taken to the bank, an email to another team; not one offered after a self-service answer;
 * - customers: "imma call back" and "try to call someone" are not asking for a person.
 * Phrasings written for this test (none from the reserved evaluation corpora or the blind sets).
 */
import { describe, expect, it } from 'vitest';
import { verdictOf } from './fixtures';

const COMPLAINT = 'the headphones i got are fake!! sound is terrible and the box was ripped';
const after = (bot: string) => verdictOf(['customer', COMPLAINT], ['bot', bot]);
const handedOff = (bot: string) => after(bot).signals.some((s) => s.kind === 'bot_handed_off');

describe('a polite request beside an escalation still collects details', () => {
  it.each([
    'I am escalating this to our team for investigation. Would you be willing to provide a video of the issue?',
    'I have escalated this to our quality team. Would you be able to share a video of the sound problem?',
    'I am escalating this to our team. In the meantime, to expedite the process, would you be willing to provide a video of the issue?',
  ])('%s', (bot) => {
    const v = after(bot);
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('unconfirmed');
    expect(v.missing.join(' ')).toContain('video');
  });

  it('a return asked for is not a redirect to people elsewhere', () => {
    expect(
      after('A thorough inspection is required. Would you be willing to send the headphones back to us for assessment?').escalate,
    ).toBe(false);
  });
});

describe('an escalation stated without a team', () => {
  it.each([
    'I understand. I will escalate this.',
    'I will escalate this internally and request a revised decision on your refund.',
    'We will escalate the matter internally to explore faster options.',
    'Given the delay, I have escalated this with high priority.',
    'Considering the damage you describe, I will escalate your case immediately.',
  ])('%s', (bot) => {
    const v = after(bot);
    expect(v.escalate).toBe(true);
    expect(handedOff(bot)).toBe(true);
  });
});

describe('an escalation "also" made', () => {
  it.each([
    'I am sorry. I will also escalate this to our customer satisfaction team, who will review your case for compensation.',
    'The return is scheduled. We will also escalate this to our customer relations department who will contact you within 48 hours.',
  ])('commits a team to the case: %s', (bot) => {
    expect(after(bot).escalate).toBe(true);
  });

  it.each([
    'Your replacement ships today. I will also log your complaint regarding the service experience.',
    'The replacement is on its way. We will also review compensation options if the item is no longer available.',
    'We appreciate your feedback regarding the packaging. I will forward this to our relevant team for review. Is there anything else I can help you with?',
    'The refund is done. Thank you for your feedback; I have noted your comments and will forward them to the appropriate team for consideration.',
  ])('passes a note on while the bot settles it: %s', (bot) => {
    expect(after(bot).escalate).toBe(false);
  });
});

describe('a door left open for later is not a handoff now', () => {
  it.each([
    'The replacement ships today. In the unlikely event that you receive the wrong item again, please contact us immediately, and we will escalate the issue to our priority team.',
    'In the unlikely event that the refund is not processed in time, please contact us again with the transaction details. We will then escalate the matter to our finance team.',
    'Please check your order status, and if you encounter any discrepancies, please contact us immediately, and we will investigate further.',
    'If the payment remains pending after 24 hours, please contact us again with your bank statement, and we will escalate the issue for immediate resolution.',
  ])('%s', (bot) => {
    expect(after(bot).escalate).toBe(false);
  });
});

describe('redirects to people elsewhere', () => {
  it.each([
    'The ARN for the refund is ARN202400001. Please provide this ARN to your bank representative.',
    'The refund reference number is REF12345. When you contact Axis Bank, please provide this number to help them locate the transaction.',
    'Please send an email to our billing team at billing@example.com.',
    'You can send an email to billing@example.com and they will sort it out.',
  ])('%s', (bot) => {
    expect(after(bot).escalate).toBe(true);
    expect(handedOff(bot)).toBe(true);
  });

  it('names the team, not the email as if it were a detail asked for', () => {
    const v = after('Please send an email to our billing team at billing@example.com.');
    expect(v.status).not.toBe('unconfirmed');
    expect(v.missing).toEqual([]);
  });

  it.each([
    'You can usually check your daily limit in your bank app or net banking portal. Alternatively, you can contact your bank directly.',
    'You can check and enable international transactions in your YONO app. Or you can also call your bank.',
  ])('not a second option after a self-service answer: %s', (bot) => {
    expect(after(bot).escalate).toBe(false);
  });

  it('without a self-service answer, the same redirect still escalates', () => {
    expect(after('I am unable to see your bank records. Please contact your bank directly.').escalate).toBe(true);
  });

  it('an email to us with a detail asks for the detail here', () => {
    expect(after('Please send an email to us with your order number.').escalate).toBe(false);
    const v = after('I have escalated this to our returns team. Please send an email to us with your order number.');
    expect(v.status).toBe('unconfirmed');
    expect(v.missing.join(' ')).toContain('order number');
  });
});

describe('the customer: calling back and asking the bot to call', () => {
  const customerSays = (text: string) =>
    verdictOf(
      ['customer', 'where is my refund'],
      ['bot', 'Your refund was initiated and should reach your account in 3-5 business days.'],
      ['customer', text],
    );

  it.each(['okay fine but like if it doesnt come in 2 days imma call back.', "An hour?! That's too long! Try to call someone."])(
    'not a request: %s',
    (text) => {
      expect(customerSays(text).signals.map((s) => s.kind)).not.toContain('user_requested_human');
    },
  );

  it.each(['can someone call me', 'please call someone who can help me', 'imma need to talk to a manager'])(
    'still a request: %s',
    (text) => {
      expect(customerSays(text).signals.map((s) => s.kind)).toContain('user_requested_human');
    },
  );
});

describe('the bot saying what it cannot do, in other words, and sending the customer to phone someone', () => {
  const asked = (bot: string) => verdictOf(['customer', 'Can you tell me more about the museum?'], ['bot', bot]);

  it.each([
    'Sorry, I don’t know whether they have wifi.',
    "I'm sorry but that information isn't available to me.",
    'Our system does not show the entrance fee.',
    'I have no way of checking that.',
    "That isn't something I can do.",
    'You might want to give them a call at 01223 356354.',
    'Try calling them on 01223 356354.',
    'The number for the museum is 01223 358966, they should be able to help you.',
    "I'm afraid our system doesn't allow me to book that.",
    'There is no information about that in my database.',
    'That information is not listed.',
    'I am not sure if they have that.',
    "I can't tell you that, sorry.",
    "I'm not sure about their parking, you would have to ask them.",
  ])('%s', (bot) => {
    const v = asked(bot);
    expect(v.escalate).toBe(true);
    expect(v.signals.map((s) => s.kind)).toContain('bot_handed_off');
  });

  it.each([
    'The museum is open from 10 am to 5 pm and entry is free.',
    'Their phone number is 01223 356354.',
    'Sorry, I could not find any museums matching that.',
    "I'm not sure what you mean.",
  ])('still an answer: %s', (bot) => {
    expect(asked(bot).escalate).toBe(false);
  });
});

describe('transcripts exported token by token, apologies first, and the bot trying another way', () => {
  const asked = (bot: string, customer = 'What is the entrance fee?') => verdictOf(['customer', customer], ['bot', bot]);

  it.each([
    "I 'm sorry , I do n't have that information . Would you like their phone number again ?",
    "I 'm afraid that I do n't know their entrance fee , but their phone number is 00872208000 .",
    "I 'm sorry . There is no entrance fee listed , however , the phone number is 01223446100 if you 'd like to call ahead .",
    'You will need to call for their entry fee .',
    'You could try calling to get the fee .',
    'I am not sure about the entrance fee .',
  ])('the bot lacks it: %s', (bot) => {
    expect(asked(bot).escalate).toBe(true);
  });

  it('the evidence reads as typed text', () => {
    const v = asked("I 'm sorry , I do n't have that information .");
    expect(v.signals[0]?.evidence.quote).toBe("I'm sorry, I don't have that information.");
  });

  it.each([
    ["I 'm sorry , I do n't see any entertainment attractions in that area of town .", 'Any attractions in the centre?'],
    ["I 'm not able to book for those nights . Would you want to try a shorter stay ?", 'Book it for 4 nights from Friday.'],
    ['I was unable to book the ashley hotel for those times . Would you like to try a different hotel ?', 'Book it please.'],
    ["I 'm sorry , I can not book a taxi for you without this information .", 'I need a taxi.'],
    ["No problem . I 'm sorry I could n't be of more service . Hope you have a great day .", 'Thanks anyway, bye.'],
    ["I 'm not sure if you mean a return or a replacement , can you be more specific ?", 'Can you help me with my order?'],
  ])('still the bot at work: %s', (bot, customer) => {
    expect(asked(bot, customer).escalate).toBe(false);
  });
});
