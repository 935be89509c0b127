import { describe, expect, it } from 'vitest';
import { readBotTurn } from '@/lib/engine/acts/bot';
import { readCustomerTurn, readsSmallTalk } from '@/lib/engine/acts/customer';
import { normalize } from '@/lib/engine/read/text';
import { readJsonl } from './fixtures';

const kinds = (text: string) => [...new Set(readBotTurn(text).map((a) => a.kind))];

describe('bot act readers on public handoff messages (test/fixtures/acts/bot.jsonl, sources per line)', () => {
  for (const line of readJsonl('test/fixtures/acts/bot.jsonl') as unknown as { text: string; acts: string[]; source: string }[]) {
    it(`${line.text} → ${line.acts.join(', ') || 'no handoff act'}`, () => {
      const got = kinds(line.text).filter((k) =>
        ['transfers_now', 'commits_future', 'redirects', 'cannot_help', 'offers_transfer'].includes(k),
      );
      expect(got).toEqual(line.acts);
    });
  }
});

interface TurnFixture {
  role: 'bot' | 'customer';
  text: string;
  /** customer lines: the bot turn the customer answered (null when the customer opened the conversation). */
  after?: string | null;
  has: string[];
  not: string[];
  source: string;
}

describe('act readers on real turns from public corpora (test/fixtures/acts/turns.jsonl, source per line)', () => {
  for (const line of readJsonl('test/fixtures/acts/turns.jsonl') as unknown as TurnFixture[]) {
    it(`${line.role}: ${line.text}`, () => {
      const acts =
        line.role === 'bot'
          ? readBotTurn(line.text)
          : readCustomerTurn(line.text, normalize(line.text), line.after ? readBotTurn(line.after) : []);
      const got = acts.map((a) => a.kind as string);
      for (const k of line.has) expect(got, `${k} in ${got.join(', ')}`).toContain(k);
      for (const k of line.not) expect(got, `${k} in ${got.join(', ')}`).not.toContain(k);
    });
  }
});

describe('bot act readers read grammar, not phrasings', () => {
  it('commitments: who acts later, by subject and tense', () => {
    expect(readBotTurn('Our billing specialists will reach out to you tomorrow.').find((a) => a.kind === 'commits_future')).toMatchObject({
      who: 'our billing specialists',
      action: 'contact',
    });
    expect(kinds('Our engineers are investigating the outage.')).toContain('commits_future');
    // The customer doing it, a hypothetical, or a denial is no commitment.
    expect(kinds('You will receive an email when the parcel ships.')).not.toContain('commits_future');
    expect(kinds('If the parcel is lost, our team will contact you.')).not.toContain('commits_future');
    expect(kinds('Our team will not contact you about this.')).not.toContain('commits_future');
  });

  it('passed on versus delivered: the thing passed on must be the case', () => {
    expect(kinds('Your complaint has been forwarded to the returns department.')).toContain('transfers_now');
    expect(kinds('Your order has been sent.')).not.toContain('transfers_now');
  });

  it('redirects to a person or channel, but a help page is an answer', () => {
    expect(kinds('Please ring the lost property office on 0161 496 0000.')).toContain('redirects');
    expect(kinds('You can find the size guide on our website.')).not.toContain('redirects');
  });

  it('cannot help, unless the bot offers what it can do instead', () => {
    expect(readBotTurn("I'm afraid I don't have access to billing records.").find((a) => a.kind === 'cannot_help')?.lacks).toBe('access');
    expect(kinds("I can't see your old password, but I can set a new one for you.")).not.toContain('cannot_help');
  });

  it('asks for details, naming them; closes politely', () => {
    expect(readBotTurn('May I have your booking reference and your email address?').find((a) => a.kind === 'asks_details')?.what).toEqual(
      expect.arrayContaining(['booking reference', 'email address']),
    );
    expect(kinds('Is there anything else I can help you with?')).toEqual(['closes']);
  });

  it('quotes the sentence as written, case kept', () => {
    expect(readBotTurn('Thanks! We will call you back within 24 hours.').find((a) => a.kind === 'commits_future')?.quote).toBe(
      'We will call you back within 24 hours.',
    );
  });
});

describe('customer act readers', () => {
  it('small talk with chat noise is small talk, never a request', () => {
    for (const t of ['ciao', 'thnaks!', 'catch you later', 'ok thank you so much', 'Good morning'])
      expect(readsSmallTalk(normalize(t))).toBeTruthy();
    for (const t of ['thanks, but where is my parcel?', 'cancel my order']) expect(readsSmallTalk(normalize(t))).toBeNull();
  });

  it('an answer to the bot question supplies details; a new question is a new request', () => {
    const asked = readBotTurn('Could you give me your order number, please?');
    expect(readCustomerTurn('#A-88231', normalize('#A-88231'), asked).map((a) => a.kind)).toContain('supplies_details');
    expect(
      readCustomerTurn('Also, do you sell gift cards?', normalize('Also, do you sell gift cards?'), asked).map((a) => a.kind),
    ).toContain('new_request');
  });

  it('an incident the bot cannot settle alone is reported as a problem', () => {
    const t = 'Somebody withdrew 300 dollars from my account with my stolen card';
    expect(readCustomerTurn(t, normalize(t), []).map((a) => a.kind)).toContain('reports_problem');
  });

  it('"call me" with a name names the customer; with when or how, it asks for a call', () => {
    const asked = readBotTurn('Could I get your full name, please?');
    const kindsOf = (t: string) => readCustomerTurn(t, normalize(t), asked).map((a) => a.kind);
    expect(kindsOf('Yes it is Priya Shah. You can call me Pri though.')).not.toContain('asks_human');
    for (const t of ['Please call me back', 'Can someone call me tomorrow?', 'call me at 555 0100'])
      expect(kindsOf(t)).toContain('asks_human');
  });
});
