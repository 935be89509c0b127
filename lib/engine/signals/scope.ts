import { clean, clip } from '../read/text';
import { scopeJudgementAt } from '../scope/requests';
import type { Detector } from './types';

/** The customer's latest request the bot has not taken on is, with confidence, outside the scope. */
export const outOfScope: Detector = {
  kind: 'out_of_scope',
  detect({ conv, reading, scope, customerNorm }) {
    if (!scope.hasScope) return undefined;
    const judged = scopeJudgementAt(conv, reading.scopeIndex, scope, customerNorm);
    if (judged?.judgement.verdict !== 'out') return undefined;
    return {
      kind: 'out_of_scope',
      confidence: Math.round(judged.judgement.confidence * 100) / 100,
      evidence: { messageIndex: judged.index, quote: clip(clean(conv.messages[judged.index].text)) },
    };
  },
};
