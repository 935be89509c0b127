import { checkOffline } from '@/lib/engine';
import { ConversationSchema } from '@/lib/schema/conversation';
import { policyStore } from '@/utils/storage';

const SAMPLE = ConversationSchema.parse({
  id: 'warm-up',
  messages: [
    { role: 'customer', text: 'Hi, my order has not arrived and I was charged twice.' },
    { role: 'bot', text: 'Sorry about that! Could you share your order number?' },
    { role: 'customer', text: 'I would like to talk to a person please.' },
    // A handoff beside a request for details and a closing: the bot readers' patterns compile here, not on the
    // agent's first verdict.
    {
      role: 'bot',
      text: 'I have escalated this to our billing team, who will contact you within 24 hours. Meanwhile, could you share a screenshot of the charge? Is there anything else I can help with?',
    },
  ],
});

/**
 * The engine's first check pays a one-time set-up (the scope weights decoded, compromise's lexicon and the
 * policy's scope compiled, the code itself optimised): about 20 ms. The worker pays it as it starts, on the
 * saved policy, rather than the agent's first verdict after the worker woke. Nothing is kept but the engine's
 * own caches; a failure here only means the first check does the set-up itself.
 */
export function warmEngine(): void {
  setTimeout(() => {
    void policyStore
      .read()
      .then(({ policy }) => void checkOffline(SAMPLE, policy))
      .catch(() => {});
  }, 0);
}
