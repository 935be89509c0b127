import { detectAll } from 'tinyld/light';
import { boundText } from '../engine/read/bound';
import type { Message } from '../schema/conversation';
import { LANGUAGES, type Language } from '../schema/customer-message';

/** What the detector concluded: a language it is sure enough of, or none. */
export type Detection = { language: Language; confidence: number } | { language: null; confidence: number };

/**
 * tinyld's `accuracy` is the share of the text it attributes to a language. Below this lead over the
 * runner-up (and this share), two close languages (es/pt, es/fr on a greeting) are a coin toss, and an
 * English message with "not recognised" beside it serves the agent better than a confident wrong language.
 * Set on test/fixtures/language/support-utterances.json: every full sentence stays above it.
 */
const MIN_SHARE = 0.05;
const MIN_LEAD = 0.01;
/**
 * English is what "not sure" falls back to, so another language must leave English well behind: terse English
 * ("send me some bills", "pay Evan Oslo") often scores a little higher as French or Spanish, with English close.
 * On the shared English dev sets this cuts the English customers offered another language from 22 to 10 of 706 (3.1% → 1.4%).
 */
const MAX_ENGLISH_RATIO = 0.3;

const ONLY: string[] = [...LANGUAGES];

/** The language of `text`, among the languages Baton has a message for. */
export function detectLanguage(text: string): Detection {
  // The head and tail of a long text say which language it is as well as all of it does.
  const ranked = detectAll(boundText(text), { only: ONLY });
  const [top, second] = ranked;
  if (!top || !(LANGUAGES as readonly string[]).includes(top.lang)) return { language: null, confidence: 0 };
  const lead = top.accuracy - (second?.accuracy ?? 0);
  if (top.accuracy < MIN_SHARE || lead < MIN_LEAD) return { language: null, confidence: lead };
  const english = ranked.find((r) => r.lang === 'en')?.accuracy ?? 0;
  if (top.lang !== 'en' && english >= MAX_ENGLISH_RATIO * top.accuracy) return { language: null, confidence: lead };
  return { language: top.lang as Language, confidence: lead };
}

/**
 * The customer's language, from what the customer wrote only: a bot may answer a Spanish customer in English,
 * and agents' replies or internal notes say nothing about the customer.
 */
export function customerLanguageOf(messages: readonly Pick<Message, 'role' | 'text' | 'internal'>[]): Detection {
  const text = messages
    .filter((m) => m.role === 'customer' && !m.internal)
    .map((m) => m.text)
    .join('\n');
  return detectLanguage(text);
}
