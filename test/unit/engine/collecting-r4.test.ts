/**
 * Engine v3, fourth tuning round, mined from CuCom conversations in neither the tuning nor the blind sets:
 * - the bot announces a handoff and asks about the case in a question without "you" ("What was in the parcel?",
 *   "Was the box damaged?"): still collecting;
 * - the bot advises the bank and asks for details for its own check: still collecting;
 * - customer lines that mention a person or a call without asking for one: "ok boss", "the courier never called
 *   me", "call me before coming", "I tried contacting customer care", "how can someone just mark it delivered?".
 * Phrasings written for this test (none from the reserved evaluation corpora or the blind sets).
 */
import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { conv, policy, verdictOf } from './fixtures';

const COMPLAINT = 'my parcel shows deliverd but i got nothing, need it for my sons bday tmrw!!';
const after = (bot: string) => verdictOf(['customer', COMPLAINT], ['bot', bot]);

describe('a handoff followed by a question about the case is still collecting', () => {
  it.each([
    'I am escalating this to our logistics team at once. What was in the parcel, and when is the birthday?',
    'We will open an investigation with the delivery team right away. Was the outer box damaged when it reached you?',
    'Our claims team will look into this. Did the seal on the packaging look broken?',
    'I have forwarded the case to the courier partner, who will trace the parcel. Which time slot works for the redelivery?',
    'Our investigations team will look into this today. Has a neighbour possibly taken the parcel in?',
    'I will contact you within the hour with an update. Is there any other detail you can share that may help in tracing the parcel?',
  ])('%s', (bot) => {
    const v = after(bot);
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('unconfirmed');
  });

  it('assent to the handoff is not a question about the case', () => {
    for (const bot of [
      'I have escalated this to our logistics team and they will contact you within 24 hours. Is that acceptable?',
      'I have passed this to our investigations team, who will reply within two days. Does that timeframe work for you?',
    ])
      expect(after(bot).escalate, bot).toBe(true);
  });

  it('the bot wondering aloud asks the customer nothing', () => {
    expect(after('I have escalated this to our logistics team, who will call you today. What else can we do for you?').escalate).toBe(true);
  });
});

describe('advice to call the bank while the bot keeps collecting', () => {
  it('a question for details for the bot’s own check keeps it open', () => {
    const v = after(
      'I would recommend checking with your bank for any holds on the payment. Could you tell me the name of your bank so I can check from our side too?',
    );
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('unconfirmed');
  });

  it('details to give the bank are part of the redirect', () => {
    const v = after(
      'When you contact your bank, tell them the payment was declined yesterday evening. Provide the reference number and ask them to release the funds. Please let me know if there is anything else I can assist you with.',
    );
    expect(v.escalate).toBe(true);
    expect(v.signals.map((s) => s.kind)).toContain('bot_handed_off');
  });

  it('"send us photographs" asks for the photos, it sends the customer nowhere', () => {
    const v = after('Could you please send us photographs of the damaged box and the item so we can look into it?');
    expect(v.escalate).toBe(false);
  });
});

describe('a person or a call named without asking for one', () => {
  const says = (text: string) =>
    verdictOf(['customer', COMPLAINT], ['bot', 'I am sorry to hear that. Could you share the order number?'], ['customer', text]);
  it.each([
    'ok boss, its 402-1234567-7654321',
    'boss the box was empty!!',
    'the delivery guy never even called me',
    'they didnt call me before coming either',
    'pls tell the courier to call me before he comes',
    'and call me when it ships pls',
    'I tried contacting customer care yesterday but no one helped',
    'How can someone just mark it delivered when it isnt?',
    'after all the trouble you guys put me thru, i want a refund',
    'i was going to give it to someone as a gift',
    'im gonna call back and complain if it doesnt come',
    // A threat of what the customer will do if the delivery fails is not a request now (round 6 decided it for all
    // such threats, escalating or calling back included).
    'if it doesnt come by 11 i am calling your manager',
  ])('%s', (text) => {
    expect(says(text).signals.map((s) => s.kind)).not.toContain('user_requested_human');
  });

  it.each(['i need to talk to someone right now', 'let me talk to your boss', 'call me back asap', 'can i get a callback?'])(
    'still asks for a person: %s',
    (text) => {
      expect(says(text).signals.map((s) => s.kind)).toContain('user_requested_human');
    },
  );
});

describe('someone to come, after the bot offered a visit', () => {
  it('"earliest u can get someone here" answers the visit, it asks for no human', () => {
    const turns: [role: 'customer' | 'bot', text: string][] = [
      ['customer', 'my new washer makes a loud noise n stops mid cycle'],
      ['bot', 'We can schedule a technician visit within 24-48 hours. Would you prefer a weekday or weekend appointment?'],
    ];
    const reply = (text: string) => checkOffline(conv([...turns, ['customer', text]]), policy()).signals.map((s) => s.kind);
    expect(reply('asap. earliest u can get someone here')).not.toContain('user_requested_human');
    expect(reply('i want to talk to someone about this, not a visit')).toContain('user_requested_human');
  });
});

describe('routine steps and open doors are not handoffs', () => {
  it.each([
    // The delivery or pickup the bot arranged, going ahead.
    'Your pickup is booked. The delivery associate will contact you prior to attempting the pickup.',
    'A representative from our logistics partner will contact you to arrange a convenient time for the collection.',
    'I have scheduled the redelivery for tomorrow, and the driver will call you before arriving.',
    // Only if something happens.
    'I will keep monitoring the replacement order and will notify you if there are any changes.',
    'We will keep watching the transaction and will reach out if further information is required.',
    // The same support's door left open.
    'Please contact us again after 5 days if the refund has not reached your account.',
    'You can contact us at any time regarding this delivery.',
    // What the bot needs, the source of a finding, a message the system sends.
    'Without the photos, we are unable to verify the damage.',
    'I am only relaying the information provided by our technicians.',
    'I will also email you the tracking information.',
  ])('%s', (bot) => {
    expect(after(bot).signals.map((s) => s.kind)).not.toContain('bot_handed_off');
  });

  it.each([
    'Our refunds team will contact you within 24 hours to settle this.',
    'Please contact our billing team at 1-800-555-0100, they can correct the invoice.',
    'I am unable to help with that.',
  ])('still a handoff: %s', (bot) => {
    expect(after(bot).signals.map((s) => s.kind)).toContain('bot_handed_off');
  });
});

describe('a request for details beside a handoff the phrase reader saw first', () => {
  it.each([
    'I have escalated this to our finance team for review. To proceed, I need your UPI ID.',
    'I am forwarding your case to the quality assurance department. I would appreciate it if you could send photos of the item.',
    'I have escalated this to our finance team. It would be helpful if you could share the bank statement.',
    'Our investigation team will verify the delivery records. I kindly request you to provide a screenshot of the payment.',
    'I am forwarding your case to the quality assurance department. Let me know your preferred time slot for the inspection.',
    'I have escalated this to our finance team. Please advise the last four digits of your card.',
    'I have escalated this to our finance team. You will need to provide the ARN from your bank.',
    'I am forwarding your case to the quality assurance department. Is this the correct address: 12 MG Road?',
    'I have escalated this to our finance team. We will need a copy of your bank statement.',
  ])('%s', (bot) => {
    const v = after(bot);
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('unconfirmed');
  });

  it('"give me a moment" while connecting a person asks for nothing', () => {
    const v = after('I will connect you with one of our human representatives now. Just give me a moment to make the arrangements.');
    expect(v.escalate).toBe(true);
  });

  it('"need" is read as a verb of needing, not a past tense', () => {
    expect(after('I have escalated this to our refunds team. I need your UPI ID to finish this.').status).toBe('unconfirmed');
  });
});

describe('more ways of still collecting, and a finding reported back', () => {
  it.each([
    'I have raised a ticket with our technical team. Meanwhile, please check with your neighbours.',
    'This has been escalated to our senior team. Your bank account number and IFSC code, please.',
  ])('%s', (bot) => {
    expect(after(bot).status).toBe('unconfirmed');
  });

  it('"I have contacted the shipping department and they confirmed it is not available" is an answer', () => {
    const v = after(
      'I have contacted the shipping department and they have confirmed that express shipping is not currently available in your area.',
    );
    expect(v.escalate).toBe(false);
  });
});

describe('round 4, second pass', () => {
  it.each([
    'I have escalated this to our finance team. Also, which bank is your account with?',
    'I have escalated this to our finance team. Just to confirm, was the payment made by UPI?',
    'I have escalated this to our finance team. If possible, please share a screenshot of the bank statement.',
    'I have escalated this to our finance team. A screenshot of the payment would be helpful.',
    'I have escalated this to our finance team. I would like to know the mode of payment.',
    'I have escalated this to our finance team. Please explain what happened when you paid.',
    'I have escalated this to our finance team. Please check whether the amount was debited and let us know.',
    'Do share the photos of the damaged item, and I will forward them to our quality team.',
  ])('still collecting: %s', (bot) => {
    expect(after(bot).status).toBe('unconfirmed');
  });

  it.each([
    // Told as a reason or a thanks, not asked.
    'I have escalated this to our payments team. This information will be helpful in their investigation.',
    'I have escalated this to our payments team and asked them to contact you if any further information is needed.',
    // Waiting on the team, not on the customer.
    'I am forwarding your case to our returns team. Please allow 24-48 hours for them to review it and provide a resolution.',
    // The door left open for later.
    'I have escalated this to our refunds team. Please let us know if the refund is not received within 5 days.',
  ])('still a handoff: %s', (bot) => {
    expect(after(bot).escalate).toBe(true);
  });

  it('a team made to call through the bot is a handoff; the installer calling ahead is not', () => {
    expect(after('I have made a note to ensure the investigations team contacts you directly.').escalate).toBe(true);
    expect(after('We will ensure the installation team calls you a day in advance to confirm the appointment.').escalate).toBe(false);
  });

  it('the bot calling to check on the refund is a follow-up; "share this with your bank" sends the customer there', () => {
    const v = after(
      'The reference is RF-2231. Please share this with your bank. I will call you tomorrow to check if it has been credited.',
    );
    expect(v.escalate).toBe(true);
  });
});

describe('round 4, third pass: Indian-English and terse requests', () => {
  it.each([
    'I have escalated this to our finance team. Kindly revert with the screenshot.',
    'I have escalated this to our finance team. Awaiting your UPI ID to proceed.',
    'I have escalated this to our finance team. Need your UPI ID to proceed.',
    'I have escalated this to our finance team. Attach the bank statement here.',
    'I have escalated this to our finance team. Also, the UTR number would be needed.',
    'I have escalated this to our finance team. How much was debited from your account?',
    'I have escalated this to our finance team. Please elaborate on the issue.',
    'I am escalating this to our logistics team. One more thing: what is your alternate phone number?',
    'I recommend contacting your bank about this charge. Kindly share the UTR number of the payment.',
    'Please contact your bank to check the hold. Meanwhile, share the screenshot of the debit.',
  ])('still collecting: %s', (bot) => {
    expect(after(bot).status).toBe('unconfirmed');
  });

  it('advice to check something oneself beside a redirect does not hold the redirect open', () => {
    const v = after(
      'I recommend contacting your bank to confirm there are no blocks on the card. Also, please verify that the billing address on the card matches your account.',
    );
    expect(v.escalate).toBe(true);
  });
});

describe('round 4, fourth pass: the handoff waits on what the customer sends', () => {
  it.each([
    'Upon receipt of the photos, I will escalate this to our claims team.',
    'On receiving the screenshot, I will escalate it to our finance team.',
    'I will escalate this to our finance team as soon as the screenshot is shared.',
    'Our quality team will review your case once we have the photos.',
    'I will escalate it to our finance team right away. Just one thing - what is your UPI ID?',
    'I will escalate it to our finance team right away. Just need one thing from you - your UPI ID.',
    'I have escalated it to our finance team. I would appreciate your UPI ID so they can process it.',
  ])('%s', (bot) => {
    const v = after(bot);
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('unconfirmed');
  });

  it('an item sent back is a return, not a detail the handoff waits on', () => {
    const v = after(
      'I am escalating your case to a senior specialist, who will settle the refund once the shirt is received back at our warehouse.',
    );
    expect(v.escalate).toBe(true);
  });
});

describe('a question in a later turn reopens an earlier handoff', () => {
  it('"…our team will look into it." "ok" "Was the outer box damaged?" is still collecting', () => {
    const v = checkOffline(
      conv([
        ['customer', COMPLAINT],
        ['bot', 'I have escalated this to our investigations team, who will look into it today.'],
        ['customer', 'ok'],
        ['bot', 'Was the outer box damaged when it reached you?'],
      ]),
      policy(),
    );
    expect(v.escalate).toBe(false);
    expect(v.status).toBe('unconfirmed');
  });

  it('a closing question after the handoff leaves it confirmed', () => {
    const v = checkOffline(
      conv([
        ['customer', COMPLAINT],
        ['bot', 'I have escalated this to our investigations team, who will contact you within 24 hours.'],
        ['customer', 'ok'],
        ['bot', 'Is there anything else I can help you with today?'],
      ]),
      policy(),
    );
    expect(v.escalate).toBe(true);
  });
});

describe('round 4, fifth pass: the team needs it, the customer may share it', () => {
  it.each([
    'I have forwarded your case to our claims team, who will need some photos of the damage.',
    'I am escalating this to our finance team, kindly share your UPI ID',
    'I have escalated this to our finance team. They might need the UTR number, do you have it?',
    'I have escalated this to our finance team. Would it be possible to get the UTR number?',
    'I have escalated this to our finance team. Can we have your UPI ID?',
    'I have escalated this to our finance team. So what is the UTR number?',
    'I have escalated this to our finance team. You can share the UTR number here.',
  ])('%s', (bot) => {
    expect(after(bot).status).toBe('unconfirmed');
  });

  it.each([
    // A request named as the thing escalated, not a request to the customer.
    'I have escalated your request for the shipping label to our returns team, who will send it within hours.',
    // Details to bring back only if the bank says so: the redirect is the answer for now.
    'Please contact your bank about the hold. If they confirm there is no issue, please provide us with their reference number.',
  ])('still a handoff: %s', (bot) => {
    expect(after(bot).escalate).toBe(true);
  });
});

describe('round 4, sixth pass: short questions and choices', () => {
  it.each([
    'I have escalated this to our logistics team. Please suggest a convenient time for the redelivery.',
    'I have escalated this to our logistics team. Please update us with the landmark near your house.',
    'I have escalated this to our logistics team. Please be available on your phone and share an alternate number.',
    'I have escalated this to our logistics team. Would morning or evening be better for you?',
    'I have escalated this to our logistics team. Morning or evening?',
    'I have escalated this to our logistics team. Any landmark near your house?',
  ])('%s', (bot) => {
    expect(after(bot).status).toBe('unconfirmed');
  });

  it.each([
    'I have escalated this to our logistics team, who will call you today. Any questions?',
    'I have escalated this to our logistics team, who will call you today. Any other queries?',
    'I have escalated this to our logistics team, who will call you today. Are you okay with this?',
    'I have escalated this to our logistics team, who will call you today. Does this resolve your concern?',
  ])('a closing or assent question leaves the handoff confirmed: %s', (bot) => {
    expect(after(bot).escalate).toBe(true);
  });
});

describe('every handoff head with every request tail stays collecting; with a closing tail it stays a handoff', () => {
  const HEADS = [
    'I have escalated this to our finance team for review.',
    'Our investigation team will verify the delivery records.',
    'I am forwarding your case to the quality assurance department.',
    'This has been escalated to our senior team.',
    'A specialist from our returns team will reach out to you within 24 hours.',
    'I will escalate this matter to my supervisor right away.',
  ];
  const ASKS = [
    'Kindly share the screenshot of the transaction.',
    'Additionally, I would need the serial number of the device.',
    'I would appreciate it if you could send photos of the item.',
    'Please confirm whether the seal was intact.',
    'May I know your preferred delivery time?',
    'Let me know the best time to reach you.',
    'I request you to share the bank statement.',
    'Is this the correct address: 12 MG Road?',
    'You will need to provide the ARN from your bank.',
    'What was in the parcel?',
    'Awaiting your UPI ID to proceed.',
    'Any landmark near your house?',
  ];
  const CLOSES = [
    'Is that acceptable?',
    'Is there anything else I can help you with?',
    'Does that timeframe work for you?',
    'Would you like me to send you a confirmation email?',
    'Please allow 24-48 hours for them to respond.',
    'Any questions?',
  ];
  it('request tails, before or after the head', () => {
    const escalated: string[] = [];
    for (const head of HEADS)
      for (const ask of ASKS) for (const text of [`${head} ${ask}`, `${ask} ${head}`]) if (after(text).escalate) escalated.push(text);
    expect(escalated).toEqual([]);
  });
  it('closing and assent tails', () => {
    const dropped: string[] = [];
    for (const head of HEADS) for (const close of CLOSES) if (!after(`${head} ${close}`).escalate) dropped.push(`${head} ${close}`);
    expect(dropped).toEqual([]);
  });
});

describe("the bot's own check, done and reported back", () => {
  it('"We are reviewing the images." … "Upon reviewing the images, the damage is evident" settles it', () => {
    const v = checkOffline(
      conv([
        ['customer', COMPLAINT],
        ['bot', 'Thank you for the images. We are reviewing them now.'],
        ['customer', 'ok pls be quick'],
        ['bot', 'Upon reviewing the images, the damage is evident. We will initiate a replacement right away.'],
      ]),
      policy(),
    );
    expect(v.escalate).toBe(false);
  });

  it("a team's check is not settled by the bot's reply", () => {
    const v = checkOffline(
      conv([
        ['customer', COMPLAINT],
        ['bot', 'Our investigations team will review the images and contact you within 24 hours.'],
        ['customer', 'ok'],
        ['bot', 'According to our records, the parcel was marked delivered at 4 pm.'],
      ]),
      policy(),
    );
    expect(v.escalate).toBe(true);
  });
});

describe('"if you have any photos, please share them" is a request, not a condition', () => {
  it.each([
    'I have escalated this to our quality team. If you have any photos of the damage, please share them.',
    'I have escalated this to our quality team. If available, please share the invoice.',
    'I have escalated this to our quality team. In case you have the invoice, kindly share it.',
    'I have escalated this to our quality team. If you still have the packaging, please send us a picture of it.',
    'I have escalated this to our quality team. If you can, please upload the unboxing video.',
    'I have escalated this to our quality team. Please share photos, if any.',
    'We will escalate this to the relevant team. Please provide the images, and allow 24-48 hours for a resolution.',
  ])('%s', (bot) => {
    expect(after(bot).status).toBe('unconfirmed');
  });

  it.each([
    'I have escalated this to our quality team. If it does not arrive by Friday, please contact us again.',
    'I have escalated this to our quality team. If you have any questions, please let us know.',
    'I have escalated this to our quality team. Could you please allow 24-48 hours for them to review it?',
  ])('a real condition, a closing or a wait leaves the handoff confirmed: %s', (bot) => {
    expect(after(bot).escalate).toBe(true);
  });
});
