import { describe, expect, it } from 'vitest';
import { buildScope, isSmallTalk, judgeMessage, type ScopeJudgement } from '../../../lib/engine/scope';
import { domainsOf, DOMAINS, scopeItems, scopeProfile } from '../../../lib/engine/scope/model';
import { customerContent } from '../../../lib/engine/sanitize';

// Phrasings are real ones. Sources: issue 10 (failures seen on real data); HWU64 / NLU-Evaluation-Data
// (xliuhw/NLU-Evaluation-Data, CC BY 4.0); Banking77 (PolyAI-LDN/task-specific-datasets, CC BY 4.0).

const STORE =
  'Customer-support assistant of an online store: orders (place, change, cancel, track), shipping address and delivery, invoices, payment methods and payment issues, refunds, accounts (create, edit, delete, switch, password, registration), newsletter, complaints and reviews.';
const CARDS = 'Card and money-transfer assistant of a mobile bank: card delivery and activation, lost or stolen cards, PIN, top-ups, transfers, refunds, account verification.';

function judge(scope: string, text: string): ScopeJudgement['verdict'] {
  const model = buildScope(scope, []);
  return judgeMessage(model, customerContent(text), text, () => false).verdict;
}

describe('scope: typo\'d and noisy in-scope requests stay in scope', () => {
  // Issue 10: judged out of scope before.
  it.each(['cacel my order', 'how do I plcae an order', 'I want 2 track my order'])('store: "%s" is not out of scope', (text) => {
    expect(judge(STORE, text)).not.toBe('out');
  });

  it('names an in-scope topic through a slip of the scope word', () => {
    expect(judge(STORE, 'how do I plcae an order')).toBe('in');
  });

  // Banking77 card_arrival, as written ("recieve") and with further slips.
  it.each(['When will I recieve my new card?', 'Can you track my card for me?', 'can u trak my crad for me'])('bank: "%s" is not out of scope', (text) => {
    expect(judge(CARDS, text)).not.toBe('out');
  });
});

describe('scope: small talk is never out of scope', () => {
  // Issue 10 ("ciao", "thnaks", "catch you later") and HWU64 general_praise ("you rock, thank you very much").
  const talk = ['ciao', 'thnaks', 'catch you later', 'ok thank you', 'that is all thank you', 'good bye', 'you rock, thank you very much', 'have a great day', 'hi there'];
  it.each(talk)('"%s" is small talk and gets no scope verdict', (text) => {
    expect(isSmallTalk(text)).toBe(true);
    expect(judge(STORE, text)).toBeNull();
    expect(judge(CARDS, text)).toBeNull();
  });

  it.each(['thanks, where is my refund?', 'hi, cancel my order', 'tell me a joke', 'what is the weather'])('"%s" carries a request, so it is not small talk', (text) => {
    expect(isSmallTalk(text)).toBe(false);
  });
});

describe('scope: foreign requests are out of scope', () => {
  // HWU64: weather_query, alarm_set, play_music, cooking_recipe, general_joke, iot_cleaning.
  const foreign = ['give me the weather for merced at 3:00 pm', 'Set an alarm for tomorrow at six in the morning', 'Play new Rihanna song', 'What can I cook with broccoli and chicken?', 'PDA, Can you tell me a nice joke?', 'please clean the floor'];
  it.each(foreign)('store: "%s" is out of scope', (text) => {
    expect(judge(STORE, text)).toBe('out');
  });
  it.each(foreign)('bank: "%s" is out of scope', (text) => {
    expect(judge(CARDS, text)).toBe('out');
  });

  it('without a scope nothing is out of scope', () => {
    expect(buildScope('', []).hasScope).toBe(false);
  });
});

describe('scope domain model', () => {
  const top = (text: string) => {
    const p = domainsOf(text);
    return DOMAINS[p.indexOf(Math.max(...p))];
  };

  it('reads requests as their domain, typos included', () => {
    expect(top('weather this week')).toBe('weather');
    expect(top('wether this wek')).toBe('weather');
    expect(top('Can you track my card for me?')).toBe('bank_card');
    expect(top('Set an alarm for tomorrow at six')).toBe('alarm');
  });

  it('keeps a bracketed list with its head and covers the domains a scope names, not others', () => {
    expect(scopeItems(STORE)).toContain('orders place, change, cancel, track');
    const p = scopeProfile(CARDS);
    const cov = (d: string) => p.coverage[DOMAINS.indexOf(d)];
    expect(cov('bank_card')).toBeGreaterThan(0.9);
    expect(cov('weather')).toBe(0);
    expect(cov('music')).toBe(0);
  });
});
