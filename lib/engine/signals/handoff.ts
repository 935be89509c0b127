import { clip } from '../read/text';
import type { Detector } from './types';

/** The bot transferred, committed someone to act, redirected the customer elsewhere or cannot help (acts/sequence.ts). */
export const botHandedOff: Detector = {
  kind: 'bot_handed_off',
  detect({ reading: { handoff } }) {
    if (!handoff) return undefined;
    return {
      kind: 'bot_handed_off',
      confidence: handoff.act.confidence,
      evidence: { messageIndex: handoff.index, quote: clip(handoff.act.quote) },
    };
  },
};
