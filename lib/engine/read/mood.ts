/**
 * Sentiment and urgency of the customer's recent messages, for routing rules and the note. The latest messages
 * weigh most, since mood at handoff time is what the human meets.
 *
 * Sentiment follows VADER's method (Hutto & Gilbert 2014, vaderSentiment.py, MIT) in its simplest form: the
 * valences of the lexicon's words are summed, a word with a negation among the three before it is flipped and
 * damped (x -0.74), and the sum is normalised to -1..1 (x / sqrt(x^2 + 15)); +-0.05 are VADER's thresholds.
 * English only: messages in other languages read as neutral.
 */
import { URGENT_TEXT } from './mood-words';
import { VALENCE_GROUPS } from './sentiment-lexicon';
import { tokens } from './text';

const VALENCE = new Map<string, number>();
for (const [v, words] of Object.entries(VALENCE_GROUPS)) for (const w of words.split(' ')) VALENCE.set(w, Number(v));

// VADER's negations, as our tokens() leaves them (contractions already expanded: "don't" → "do not").
const NEGATION = new Set([
  'not',
  'no',
  'never',
  'none',
  'nothing',
  'nobody',
  'neither',
  'nor',
  'nowhere',
  'without',
  'rarely',
  'seldom',
  'despite',
]);

/** VADER's compound score of one normalized message, -1..1. */
function compound(normalized: string): number {
  const toks = tokens(normalized);
  let sum = 0;
  toks.forEach((t, i) => {
    const v = VALENCE.get(t);
    if (v === undefined) return;
    const negated = toks.slice(Math.max(0, i - 3), i).some((w) => NEGATION.has(w));
    sum += negated ? v * -0.74 : v;
  });
  return sum / Math.sqrt(sum * sum + 15);
}

/** Recent customer texts (already normalized), oldest first. */
export function sentimentOf(recent: string[]): 'negative' | 'neutral' | 'positive' {
  if (!recent.length) return 'neutral';
  let score = 0;
  recent.forEach((t, i) => {
    const weight = i === recent.length - 1 ? 2 : 1;
    const c = compound(t);
    if (c <= -0.05) score -= weight;
    else if (c >= 0.05) score += weight * 0.75;
  });
  if (score <= -1) return 'negative';
  if (score >= 1) return 'positive';
  return 'neutral';
}

// Urgency is a closed list of deadline, security and legal words, not sentiment.
const URGENT = URGENT_TEXT;
const LOW =
  /\b(no rush|whenever|not urgent|just curious|when you get a chance|no hurry|at your convenience|sin prisa|pas presse|keine eile|sem pressa)\b/;

/** Shouting ("WHERE IS MY ORDER") counts as negative; it is read on the original text. */
export function shouting(raw: string): boolean {
  const letters = raw.replace(/[^A-Za-z]/g, '');
  return letters.length >= 12 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.7;
}

export function urgencyOf(recent: string[]): 'low' | 'normal' | 'high' {
  const text = recent.join('\n');
  if (URGENT.test(text) || /\bnow\s*!/.test(text)) return 'high';
  if (LOW.test(text)) return 'low';
  return 'normal';
}
