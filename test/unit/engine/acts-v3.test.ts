/**
 * Engine v3 (issue 20), the bot's handoff talk in multi-turn conversations, as an LLM-written support agent
 * words it: an escalation still collecting details is `unconfirmed`, a team named as context or as the bot's
 * own check is no handoff, and a team committed to act (or people elsewhere the customer must go to) is one.
 * Phrasings written for this test (none from the reserved evaluation corpora or the blind sets).
 */
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { conv, policy, STORE_SCOPE } from './fixtures';

const afterBot = (text: string) =>
  checkOffline(
    conv([
      ['customer', 'the mixer i got is broken n the box was torn. want my money back!!'],
      ['bot', 'I am sorry to hear that. Could you share your order ID?'],
      ['customer', 'its 402-1234567-7654321. pls hurry'],
      ['bot', text],
    ]),
    policy({ scope: STORE_SCOPE }),
  );

describe('an escalation still collecting details from the customer is unconfirmed', () => {
  it.each([
    'I will escalate this immediately. Could you please provide images of the damaged mixer and the packaging?',
    'I have escalated this to our logistics team. Could you please confirm your delivery address to ensure accuracy?',
    'I will escalate this to my supervisor. However, before I do so, could you check with your neighbours whether they received it?',
    'Our quality team will review your case. In the meantime, can you confirm the seller you bought it from?',
    'I will forward this to the manufacturer. Please send a short video of the fault as well.',
    'May I know when you placed the order? I am escalating this to our delivery team.',
    'Once you share the photos, I will escalate this to our returns team.',
    'I will escalate this to our returns team once you share the photos.',
    'To escalate this I need the photos of the damaged product.',
    'Before I escalate this, may I know the date of delivery?',
    'Kindly provide the invoice so that I can escalate this to the concerned team.',
    'I have requested our refunds team to review it. Would you like to share the UPI ID the refund should go to?',
    'I have marked this as a priority case and have requested the refunds team to review it. Could you confirm your UPI ID?',
    'I will contact my supervisor to authorise a faster refund. Can you please confirm the account it should go to?',
    "I've flagged this for immediate review. To proceed, can you tell me if the serial number on the box matches the product?",
  ])('%s', (text) => {
    const v = afterBot(text);
    expect(v.status).toBe('unconfirmed');
    expect(v.missing.length).toBeGreaterThan(0);
  });

  it('"I can escalate this to our sourcing team, would you like me to?" is an offer waiting for a yes', () => {
    const v = afterBot(
      'While I cannot guarantee the date, I can escalate this to our sourcing team and request faster shipping. Would you like me to proceed?',
    );
    expect(v.status).toBe('unconfirmed');
  });

  it('"before escalating, may I first look into it?" has not escalated anything', () => {
    const v = afterBot('Before escalating this to a manager, may I first investigate the cause of the delay myself?');
    expect(v.status).not.toBe('escalate');
  });

  it('an earlier redirect is behind an escalation that now collects details', () => {
    const v = checkOffline(
      conv([
        ['customer', 'my card got declined twice'],
        ['bot', 'It would be advisable to contact your bank to verify the reason for the declined transaction.'],
        ['customer', 'bank says all fine. i want a discount for this mess'],
        [
          'bot',
          'I can escalate this to our customer satisfaction team, who will review your case. Please provide the email address on your account.',
        ],
      ]),
      policy({ scope: STORE_SCOPE }),
    );
    expect(v.status).toBe('unconfirmed');
  });

  it('asking for patience or assent is not collecting: the escalation stands', () => {
    for (const text of [
      'I have escalated this to our payments team. Will you allow me some time please?',
      'I will escalate this to our investigations team. They will review the images within 2 business days. How does that sound?',
    ]) {
      const v = afterBot(text);
      expect(v.status, text).toBe('escalate');
      expect(v.signals[0].kind).toBe('bot_handed_off');
    }
  });
});

describe("a team named as context or as the bot's own check is no handoff", () => {
  it.each([
    'Let me check with our logistics team to see if we can expedite the delivery. One moment please.',
    'Could you please confirm if you had backed up your data before transferring it?',
    'I will check with our shipping team to see if it was shipped separately. Did you receive two tracking numbers?',
    'Our delivery team has confirmed that the parcel left the warehouse this morning. It should reach you by Friday.',
    'I have contacted our inventory team, and a new shipment is expected on Monday. I have reserved a unit for you.',
    'We are investigating this with the seller. In the meantime, I have processed a full refund for you.',
    'I have applied the discount. I have also flagged this with our delivery team so it does not happen on future orders.',
    'I have processed your refund. Your feedback has been passed on to our packaging team.',
    'A representative from our logistics partner will contact you within 24 hours to schedule the pickup.',
    'If the replacement does not arrive by Friday, please contact us again. We will then escalate it to our logistics team.',
    'As per our policy, we cannot refund items returned in used condition. You can still exchange it for another size.',
    'You can email the photos to returns@example.com with your order number in the subject line.',
    'I will contact the seller for the assembly manual. Once I receive it, I will forward it to your email address.',
    "While I am unable to share the courier's number, I assure you that I am talking to them directly.",
    'I will update you shortly.',
    'I will escalate this internally to improve our process in the future. As for the blender, would you like me to check if a replacement is available?',
    'Our team has marked your case as urgent. Please monitor your email closely.',
    'I have flagged your refund as urgent, which may speed it up a little.',
    'Unfortunately, we are unable to expedite the refund beyond this timeframe. You will get an email once it is processed.',
    'I have triggered the refund manually. I will also email you the transaction details.',
    'The refund has been issued. If you have any other questions, you can contact our support team anytime.',
  ])('%s', (text) => {
    expect(afterBot(text).status).toBe('none');
  });
});

describe('a team committed to act, with nothing asked of the customer, is a handoff', () => {
  it.each([
    'Thank you for the photos. I will forward this to our investigation team. Please allow 24-48 hours for them to complete their review.',
    'Let me check with our warehouse team and get back to you within the hour.',
    'Our returns team will review the images and contact you within 48 hours.',
    'I will need to escalate this to our delivery investigation team. They will conduct a thorough check within 48 hours.',
    'I am re-opening the case and escalating it to the finance department with an urgent request.',
    'I cannot contact your bank myself. However, our payments team will prioritize this investigation.',
    "Our investigation team will verify the product details against the brand's records.",
  ])('%s', (text) => {
    const v = afterBot(text);
    expect(v.status).toBe('escalate');
    expect(v.signals[0].kind).toBe('bot_handed_off');
  });
});

describe('people elsewhere the customer must go to, because the bot cannot solve it, is a handoff', () => {
  it.each([
    'While I cannot expedite it from my end, you can contact your bank directly to ask about the refund status.',
    'It might be best to contact your bank to check for restrictions on online payments.',
    'The best course of action is to contact your bank directly and authorise the payment.',
    'You may want to contact your bank to verify this.',
    'Could you perhaps contact your card issuer to see why the payment was declined?',
    'I recommend you check your statement or contact your bank directly about the pending credit.',
    'While we cannot contact your bank on your behalf, I can suggest you contact your bank about blocks on online payments.',
    'Amazon Pay operates independently, and their support team is best placed to help. You can reach them through the app.',
    'Before we try again, could you please contact your bank and ask them to authorise the payment?',
    'You can also contact your bank to ask them to release the hold if you want the funds sooner.',
    'The reference is REF123. When you contact your bank, please give them this reference and ask them to trace it.',
    'I cannot contact your bank myself, but I can give you a reference number that you can share with your bank.',
  ])('%s', (text) => {
    const v = afterBot(text);
    expect(v.status).toBe('escalate');
    expect(v.signals[0].kind).toBe('bot_handed_off');
  });
});

describe('what the customer says about people already on the case is no request for a human', () => {
  const afterPromise = (customer: string) =>
    checkOffline(
      conv([
        ['customer', 'my parcel box came empty!!'],
        ['bot', 'I am sorry to hear that. I have noted the details of the empty box and recorded your order.'],
        ['customer', customer],
      ]),
      policy(),
    );
  it.each([
    'is someone stealing phones?! it looked perfect from outside',
    'ok. just tell them to call me before coming',
    'i tried to return it on the website but it says contact customer support',
  ])('%s', (text) => {
    expect(afterPromise(text).signals.map((s) => s.kind)).not.toContain('user_requested_human');
  });

  it('but asking for someone to call is one', () => {
    expect(afterPromise('can someone call me please, i am done with this chat').signals.map((s) => s.kind)).toContain(
      'user_requested_human',
    );
  });
});
