import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fixture from '@/test/fixtures/language/support-utterances.json';
import { customerLanguageOf, detectLanguage } from '@/lib/language/detect';
import type { Language } from '@/lib/schema/customer-message';

// The shared eval sets: 706 real English support conversations (bitext, CLINC150, HINT3, STAR, …), terse ones included.
const EVAL = ['dev.jsonl', 'dev-multiturn.jsonl'].map((f) => resolve(__dirname, '../../../../shared/eval', f));

type Item = { lang: Language; kind: 'sentence' | 'short' | 'mixed'; text: string };
const items = fixture.items as Item[];

describe('customer language detection', () => {
  it('gets every full-sentence support message right, in each of the five languages', () => {
    const sentences = items.filter((i) => i.kind === 'sentence');
    expect(new Set(sentences.map((i) => i.lang)).size).toBe(5);
    const wrong = sentences.filter((i) => detectLanguage(i.text).language !== i.lang).map((i) => `${i.lang}: ${i.text}`);
    expect(wrong).toEqual([]);
  });

  it('on one-word messages and greetings, says "not sure" rather than a wrong language on at least 9 in 10', () => {
    const short = items.filter((i) => i.kind !== 'sentence');
    const confidentlyWrong = short.filter((i) => {
      const { language } = detectLanguage(i.text);
      return language !== null && language !== i.lang;
    });
    expect(confidentlyWrong.length).toBeLessThanOrEqual(Math.floor(short.length / 10));
    // And it still recognises most of them.
    const right = short.filter((i) => detectLanguage(i.text).language === i.lang);
    expect(right.length).toBeGreaterThanOrEqual(short.length / 2);
  });

  it.skipIf(!EVAL.every((f) => existsSync(f)))('offers English customers another language at most 2 times in 100', () => {
    const conversations = EVAL.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { messages: { role: 'customer' | 'bot' | 'agent'; text: string }[] }),
    );
    expect(conversations.length).toBeGreaterThan(500);
    const other = conversations.filter((c) => {
      const { language } = customerLanguageOf(c.messages.map((m) => ({ ...m, internal: false })));
      return language !== null && language !== 'en';
    });
    expect(other.length / conversations.length).toBeLessThanOrEqual(0.02);
  });

  it('is not sure about a text without words', () => {
    expect(detectLanguage('').language).toBeNull();
    expect(detectLanguage('12345 #A-10234').language).toBeNull();
  });

  it("reads the customer's messages only: an English bot and agent do not make a Spanish customer English", () => {
    const detection = customerLanguageOf([
      { role: 'customer', text: 'Mi pago fue rechazado dos veces y no sé por qué.', internal: false },
      { role: 'bot', text: 'Sorry about that! Could you please try another card and let me know how it goes?', internal: false },
      { role: 'customer', text: 'Ya lo intenté. Quiero hablar con un agente, por favor.', internal: false },
      { role: 'agent', text: 'Internal: customer is upset, please check the payment gateway logs.', internal: true },
    ]);
    expect(detection.language).toBe('es');
  });

  it('is not sure when the customer wrote nothing', () => {
    expect(customerLanguageOf([{ role: 'bot', text: 'Hello! How can I help you today?', internal: false }]).language).toBeNull();
  });
});
