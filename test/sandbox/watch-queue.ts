import type { Scenario } from './scenarios';

/**
 * Queue watch: the bot's open conversations in one watched inbox or view, the same on every helpdesk
 * (POST /__admin/{platform}/watch-queue adds them). Most are the bot doing its job; `NEEDS_HUMAN` need a
 * person, for mixed reasons. `minutesAgo` dates each story's first message, a minute a turn after it.
 */
export interface QueueStory extends Scenario {
  minutesAgo: number;
  /** What the list should say, for tests: a signal id, or "unclaimed" / "promise". */
  reason?: string;
}

/** The tag that puts a conversation in the sandbox's watched view (Zendesk, Gorgias). */
export const QUEUE_TAG = 'bot_queue';
export const QUEUE_VIEW = { id: 24, name: 'Bot queue' } as const;
/** Front's watched inbox: a shared inbox of its own. */
export const QUEUE_INBOX = { num: 2106, name: 'Bot queue' } as const;

const person = (i: number) => ({ name: `Queue Customer ${i}`, email: `queue.customer${i}@example.com` });

const ROUTINE: [string, string, string][] = [
  [
    'Where is my order 7{n}?',
    'Your order 7{n} shipped yesterday and arrives on Thursday. Tracking: https://track.example/7{n}',
    'Great, thanks!',
  ],
  [
    'How long do I have to return shoes?',
    'You have 30 days from delivery to return unworn shoes, and return shipping is free.',
    'Perfect, thank you.',
  ],
  ['Do you ship to Canada?', 'Yes, we ship to Canada. Delivery takes 5 to 7 business days.', 'Thanks a lot!'],
  [
    'Can I change my delivery address for order 8{n}?',
    'Done: order 8{n} will now go to the new address you saved in your account.',
    'Thank you!',
  ],
];

/** 44 routine conversations and 6 that need a human, in a fixed order; `copies` repeats the 50 (keys get `#n`). */
export function queueStories(copies = 1): QueueStory[] {
  const one = fifty();
  if (copies <= 1) return one;
  return Array.from({ length: copies }, (_, c) => one.map((s) => ({ ...s, key: c ? `${s.key}#${c}` : s.key }))).flat();
}

function fifty(): QueueStory[] {
  const out: QueueStory[] = [];
  for (let i = 0; i < 44; i++) {
    const [ask, answer, thanks] = ROUTINE[i % ROUTINE.length].map((t) => t.replace(/\{n\}/g, String(100 + i)));
    out.push({
      key: `queue_routine_${i}`,
      subject: `Question ${i}`,
      customer: person(i),
      tags: ['bot_managed', QUEUE_TAG],
      messages: [
        { role: 'customer', text: ask },
        { role: 'bot', text: answer },
        { role: 'customer', text: thanks },
      ],
      expect: 'none',
      minutesAgo: 5 + i,
    });
  }
  const needs: QueueStory[] = [
    {
      key: 'queue_asks_person',
      subject: 'Broken blender',
      customer: person(44),
      tags: ['returns', 'bot_managed', QUEUE_TAG],
      messages: [
        { role: 'customer', text: 'My blender arrived broken. Order #Q-1001.' },
        { role: 'bot', text: 'Sorry! You can start a return from your account page under Orders.' },
        { role: 'customer', text: 'That page fails. Please let me talk to a real person.' },
      ],
      expect: 'escalate',
      minutesAgo: 40,
      reason: 'user_requested_human',
    },
    {
      key: 'queue_bot_forwarded',
      subject: 'Charged twice',
      customer: person(45),
      tags: ['billing', 'bot_managed', QUEUE_TAG],
      messages: [
        { role: 'customer', text: 'I was charged twice this month. Can you fix it?' },
        {
          role: 'bot',
          text: "I don't have access to refund payments, so I've forwarded this to our billing team and they will follow up with you by email.",
        },
      ],
      expect: 'escalate',
      minutesAgo: 90,
      reason: 'bot_handed_off',
    },
    {
      key: 'queue_out_of_scope',
      subject: 'Landlord',
      customer: person(46),
      tags: ['bot_managed', QUEUE_TAG],
      messages: [
        { role: 'customer', text: 'Can you give me legal advice about suing my landlord over the deposit?' },
        { role: 'bot', text: 'I am here to help with orders, returns and billing.' },
        { role: 'customer', text: 'I just need to know whether I can sue my landlord over the deposit.' },
      ],
      expect: 'escalate',
      minutesAgo: 20,
      reason: 'out_of_scope',
    },
    {
      key: 'queue_asks_agent_es',
      subject: 'Pago rechazado',
      customer: person(47),
      tags: ['billing', 'bot_managed', QUEUE_TAG],
      messages: [
        { role: 'customer', text: 'Mi pago fue rechazado dos veces y no sé por qué.' },
        { role: 'bot', text: 'Lo siento. ¿Puedes intentar con otra tarjeta?' },
        { role: 'customer', text: 'Ya lo intenté. Quiero hablar con un agente, por favor.' },
      ],
      expect: 'escalate',
      minutesAgo: 60,
      reason: 'user_requested_human',
    },
    {
      key: 'queue_promised_callback',
      subject: 'Damaged parcel',
      customer: person(48),
      tags: ['returns', 'bot_managed', QUEUE_TAG],
      messages: [
        { role: 'customer', text: 'The parcel for order #Q-2002 arrived crushed and the vase inside is broken.' },
        { role: 'bot', text: 'I am sorry. Our returns team will contact you tomorrow to arrange a replacement.' },
      ],
      expect: 'escalate',
      minutesAgo: 180,
      reason: 'promise',
    },
    {
      key: 'queue_unclaimed',
      subject: 'Wrong size',
      customer: person(49),
      tags: ['returns', 'bot_managed', 'sys_escalation', QUEUE_TAG],
      messages: [
        { role: 'customer', text: 'I got the wrong size and need an exchange before Friday.' },
        { role: 'bot', text: "I've passed this to our returns team and a colleague will get back to you shortly." },
      ],
      expect: 'escalate',
      minutesAgo: 120,
      reason: 'unclaimed',
    },
  ];
  // Interleaved, so the ones needing a human are not simply the newest.
  needs.forEach((s, i) => out.splice(3 + i * 7, 0, s));
  return out;
}

/** When each message of a story was written: `minutesAgo` for the first, one minute later for each next. */
export function storyTimes(story: QueueStory, now = Date.now()): number[] {
  return story.messages.map((_, i) => now - story.minutesAgo * 60_000 + i * 60_000);
}
