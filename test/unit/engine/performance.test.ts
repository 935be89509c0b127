import { describe, expect, it } from 'vitest';
import { checkOffline } from '../../../lib/engine';
import { ConversationSchema, type Conversation } from '../../../lib/schema/conversation';
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
    return { role: i % 2 ? 'bot' : 'customer', text: pool[(i >> 1) % pool.length].replace('{w}', w).replace(/\{n\}/g, String(seed * 10_000 + i)) };
  });
  messages.push({ role: 'customer', text: 'This is useless. I want to talk to a real person now.' });
  return ConversationSchema.parse({ id: `perf-${seed}`, messages });
}

describe('offline engine speed', () => {
  it('checks a 2,000-message conversation well under 20 ms', () => {
    const p = policy({ summarySchema: { email: 'customer email', order_number: 'the order number' }, customInstruction: 'Always escalate when the customer is angry.' });
    // Conversations are built first: their allocation must not be collected during a timed check.
    const rounds = [0, 1, 2].map((round) => Array.from({ length: 7 }, (_, i) => conversation(round * 10 + i + 1)));
    // Warm up as a running extension is: regexes compiled, policy compiled, code optimised by the JIT.
    for (let seed = 100; seed < 103; seed++) checkOffline(conversation(seed), p);
    // CPU time of this process, not wall-clock time: other test files (and other work on the machine) run in
    // parallel, and time spent waiting for a core is not the engine's. A round disturbed anyway is retried.
    let median = Infinity;
    for (const convs of rounds) {
      const times = convs.map((c) => {
        const t = process.cpuUsage();
        const v = checkOffline(c, p);
        const used = process.cpuUsage(t);
        expect(v.escalate).toBe(true);
        return (used.user + used.system) / 1000;
      });
      median = Math.min(median, times.sort((a, b) => a - b)[3]);
      if (median < 20) break;
    }
    expect(median).toBeLessThan(20);
  });
});
