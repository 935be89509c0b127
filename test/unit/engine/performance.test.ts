import { describe, expect, it } from 'vitest';
import { checkOffline } from '@/lib/engine';
import { ConversationSchema, type Conversation } from '@/lib/schema/conversation';
import { policy } from './fixtures';

const CUSTOMER = [
  'Hi, I ordered a {w} last week (order #A-{n}) and it still has not arrived.',
  'It says delivered but I have nothing. My email is sam{n}@example.com.',
  'Can you change the shipping address to {n} Main Street? I moved near the {w}.',
  'I was charged ${n}.99 for the {w}, is that right?',
];
const BOT = [
  'Thanks! Your order {n} shipped on Monday with DHL; tracking shows the {w} is in transit.',
  'Let me check that for you. The courier marked parcel {n} delivered at 14:02 yesterday.',
  "I have updated the address to {n} Main Street. Is there anything else I can help you with regarding the {w}? If the parcel doesn't arrive within two days, please reply here and we'll look at the options together.",
  'Sure! The {w} option costs ${n} and you can pick it on the product page. Delivery usually takes 3 to 5 business days.',
];
const WORDS = 'blender kettle toaster lamp jacket backpack monitor keyboard speaker blanket mirror teapot'.split(' ');

/** 2,000 distinct messages (no two texts alike), so no cache can help. */
function conversation(seed: number): Conversation {
  const messages = Array.from({ length: 2000 }, (_, i) => {
    const pool = i % 2 ? BOT : CUSTOMER;
    const w = `${WORDS[(i + seed) % WORDS.length]}-${seed}-${i}`;
    return {
      role: i % 2 ? 'bot' : 'customer',
      text: pool[(i >> 1) % pool.length].replace('{w}', w).replace(/\{n\}/g, String(seed * 10_000 + i)),
    };
  });
  messages.push({ role: 'customer', text: 'This is useless. I want to talk to a real person now.' });
  return ConversationSchema.parse({ id: `perf-${seed}`, messages });
}

// Speed is measured by `npm run bench` (scripts/bench.ts), never asserted here: a busy CI machine is not the engine.
describe('offline engine on a 2,000-message conversation', () => {
  it('finds the request for a human in the last of 2,000 distinct messages, and nothing earlier', () => {
    const p = policy({
      summarySchema: { email: 'customer email', order_number: 'the order number' },
      customInstruction: 'Always escalate when the customer is angry.',
    });
    const c = conversation(1);
    const v = checkOffline(c, p);
    expect(v.escalate).toBe(true);
    const human = v.signals.find((s) => s.kind === 'user_requested_human');
    expect(human?.evidence.messageIndex).toBe(c.messages.length - 1);
    expect(human?.evidence.quote).toContain('I want to talk to a real person now.');
    expect(v.signals.some((s) => s.kind === 'bot_handed_off')).toBe(false);
    // Without the final message the long conversation is ordinary support: nothing escalates.
    const calm = ConversationSchema.parse({ ...c, messages: c.messages.slice(0, -1) });
    expect(checkOffline(calm, p).signals.filter((s) => s.kind !== 'custom_instruction')).toEqual([]);
  });
});
