import { clip } from '../read/text';
import type { Detector } from './types';

/** The customer asked for a person and has not taken it back (acts/sequence.ts). */
export const humanRequested: Detector = {
  kind: 'user_requested_human',
  detect({ reading: { human } }) {
    if (!human) return undefined;
    return {
      kind: 'user_requested_human',
      confidence: human.act.confidence,
      evidence: { messageIndex: human.index, quote: clip(human.act.quote) },
    };
  },
};
