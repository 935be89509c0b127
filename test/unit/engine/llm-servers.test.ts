import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkEscalation, checkOffline, checkQuick, createVerdictCache } from '@/lib/engine';
import {
  buildPrompt,
  countTokens,
  DEFAULT_PROMPT_TOKENS,
  defaultTimeoutMs,
  extractJson,
  llmOutputSchema,
  parseAnswer,
  toVerdict,
  type LlmOutput,
  readyTokenizer,
} from '@/lib/engine/llm';
import { DEFAULT_FIELDS } from '@/lib/engine/write/summary';
import { OPENAI_SANDBOX } from '@/test/sandbox/openai';
import { conv, policy } from './fixtures';
import { startLlmServer } from './llm-server';

let llm: Awaited<ReturnType<typeof startLlmServer>>;
beforeAll(async () => {
  llm = await startLlmServer();
  // Loaded once, as the engine does before its first prompt; the prompt tests below count tokens directly.
  await readyTokenizer();
});
afterAll(async () => {
  await llm.close();
});
beforeEach(() => llm.sandbox.reset());

const p = policy();
const asked = conv([
  ['customer', 'My parcel never arrived.'],
  ['bot', 'Sorry to hear that. Could you tell me the order number?'],
  ['customer', 'Please get me a human, this is the second time!'],
]);
const local = (extra: Record<string, unknown> = {}) => ({
  engine: 'openai' as const,
  openai: { apiKey: OPENAI_SANDBOX.apiKey, baseURL: llm.baseURL, model: 'qwen2.5:0.5b', ...extra },
});
const fields = { ...DEFAULT_FIELDS, ...p.summarySchema };
const schema = llmOutputSchema(Object.keys(fields), 10);
const answer = (o: Record<string, unknown> = {}) => ({
  status: 'escalate',
  signals: [{ kind: 'user_requested_human', confidence: 0.9, messageIndex: 2, quote: 'get me a human' }],
  missing: [],
  suggestedQuestion: null,
  subAgent: null,
  sentiment: 'negative',
  urgency: 'high',
  summary: Object.fromEntries(Object.keys(fields).map((f) => [f, null])),
  note: 'The customer asked twice.',
  reason: 'The customer asked for a person.',
  acts: null,
  ...o,
});

describe('the JSON in a model answer is found wherever the model put it', () => {
  const json = JSON.stringify(answer());
  it.each([
    ['alone', json],
    ['in a ```json fence', `\`\`\`json\n${json}\n\`\`\``],
    ['after a think block', `<think>The customer wants {a person}. "Quote" }</think>\n${json}`],
    ['between prose', `Here is the assessment:\n${json}\nHope this helps {really}.`],
    ['after a broken object', `{"status": "escalate",,} and then ${json}`],
  ])('%s', (_, text) => {
    expect(extractJson(text)).toEqual(answer());
  });

  it('braces inside strings do not end the object early', () => {
    const tricky = answer({ note: 'The customer wrote "}{" twice' });
    expect(extractJson(`Result: ${JSON.stringify(tricky)}`)).toEqual(tricky);
  });

  it('a think block that never closes, a cut-off object or plain prose hold no JSON', () => {
    expect(() => extractJson(`<think>reasoning ${json}`)).toThrow(/no JSON object/);
    expect(() => extractJson(json.slice(0, 40))).toThrow(/no JSON object/);
    expect(() => extractJson('I think the customer wants a human.')).toThrow(/no JSON object/);
  });
});

describe('the answer is read field by field', () => {
  it('reads confidence 85 as 0.85 and "0.7" as 0.7, instead of losing the answer', () => {
    const { output, repaired } = parseAnswer(
      answer({
        signals: [
          { kind: 'user_requested_human', confidence: 85, messageIndex: 2, quote: 'get me a human' },
          { kind: 'bot_handed_off', confidence: '0.7', messageIndex: '1', quote: 'tell me the order number' },
        ],
      }),
      schema,
    );
    expect(output.signals.map((s) => s.confidence)).toEqual([0.85, 0.7]);
    expect(output.signals[1].messageIndex).toBe(1);
    expect(repaired).toContain('signals.0.confidence');
  });

  it('a field that does not fit costs that field only', () => {
    const { output, repaired } = parseAnswer(
      answer({
        status: 'Escalate',
        sentiment: 'furious',
        missing: 'order number',
        acts: undefined,
        summary: { issue: 42, next_step: 'Call back' },
        signals: [{ kind: 'made_up', confidence: 1, messageIndex: 2, quote: 'x' }, answer().signals[0]],
      }),
      schema,
    );
    expect(output.status).toBe('escalate');
    expect(output.sentiment).toBe('neutral');
    expect(output.missing).toEqual([]);
    expect(output.acts).toBeNull();
    expect(output.summary.issue).toBeNull();
    expect(output.summary.next_step).toBe('Call back');
    expect(output.signals).toHaveLength(1);
    expect(output.urgency).toBe('high');
    expect(repaired).toEqual(expect.arrayContaining(['sentiment', 'missing', 'summary.issue', 'signals.0']));
  });

  it('without a valid status there is no verdict to keep', () => {
    expect(() => parseAnswer(answer({ status: 'maybe' }), schema)).toThrow(/status/);
    expect(() => parseAnswer([answer()], schema)).toThrow(/not a JSON object/);
  });

  it('bounds still hold: over-long strings are cut, a confidence of 500 is no number', () => {
    const { output } = parseAnswer(
      answer({
        note: 'x'.repeat(5000),
        signals: [{ kind: 'user_requested_human', confidence: 500, messageIndex: 2, quote: 'get me a human' }],
      }),
      schema,
    );
    expect(output.note).toHaveLength(2000);
    expect(output.signals[0].confidence).toBe(0.5);
  });
});

describe('a real local server’s answers and errors', () => {
  it.each(['fenced', 'think', 'prose', 'percent_confidence'] as const)('an answer shaped "%s" is used', async (mode) => {
    llm.sandbox.setMode(mode);
    const v = await checkEscalation(asked, p, local());
    expect(v.fallback).toBeUndefined();
    expect(v.engine).toBe('openai');
    expect(v.escalate).toBe(true);
    expect(v.signals[0]).toMatchObject({ kind: 'user_requested_human', evidence: { messageIndex: 2 } });
    expect(v.signals[0].confidence).toBeLessThanOrEqual(1);
  });

  it('sends an output limit, and names a cut-off answer as such', async () => {
    llm.sandbox.setMode('cut_off');
    const v = await checkEscalation(asked, p, local());
    expect(llm.sandbox.requests[0].body).toMatchObject({ max_tokens: 1500, temperature: 0 });
    expect(v.engine).toBe('offline');
    expect(v.fallback).toMatch(/cut off \(finish_reason "length"\).*1500-token output limit or the server's context size/);
  });

  it("shows the server's own words when the conversation does not fit its context", async () => {
    llm.sandbox.setMode('context_overflow');
    const v = await checkEscalation(asked, p, local());
    expect(v.fallback).toMatch(/too long for the model's context window/);
    expect(v.fallback).toMatch(/exceeds the available context size \(1024 tokens\)/);
    expect(v.fallback).toMatch(/OLLAMA_CONTEXT_LENGTH/);
  });

  it("explains Ollama's 403 with the setting to change, naming the extension's origin", async () => {
    llm.sandbox.setMode('origin_forbidden');
    const v = await checkEscalation(asked, p, local({ origin: 'chrome-extension://abcdefgh' }));
    expect(v.fallback).toMatch(/^The model server at 127\.0\.0\.1:\d+ refused Baton's origin \(403 Forbidden\)/);
    expect(v.fallback).toMatch(/OLLAMA_ORIGINS=chrome-extension:\/\/abcdefgh/);
    expect(v.fallback).not.toMatch(/key/);
  });

  it('says a loading model is loading', async () => {
    llm.sandbox.setMode('loading');
    expect((await checkEscalation(asked, p, local())).fallback).toMatch(/still loading the model \(503\), saying "Loading model"/);
  });

  it('works with a key-less local server; OpenAI itself still needs a key', async () => {
    llm.sandbox.setMode('ok', { requireKey: false });
    const v = await checkEscalation(asked, p, local({ apiKey: '' }));
    expect(v.fallback).toBeUndefined();
    expect(v.engine).toBe('openai');
    const openai = await checkEscalation(asked, p, { engine: 'openai', openai: { apiKey: '', baseURL: 'https://api.openai.com/v1' } });
    expect(openai.fallback).toMatch(/No OpenAI API key/);
    expect(llm.sandbox.state().calls).toBe(1);
  });

  it("waits as long as the policy's timeout says", async () => {
    llm.sandbox.setMode('slow', { delayMs: 8000 });
    const slow = policy({ engine: { kind: 'openai', model: 'm', baseURL: llm.baseURL, timeoutSeconds: 5 } });
    const v = await checkEscalation(asked, slow, { openai: { apiKey: OPENAI_SANDBOX.apiKey } });
    expect(v.fallback).toMatch(/did not answer in time \(raise the timeout in Options/);
  }, 15_000);

  it('gives a host that is not OpenAI a longer default timeout', () => {
    expect(defaultTimeoutMs('https://api.openai.com/v1')).toBe(20_000);
    expect(defaultTimeoutMs('http://localhost:11434/v1')).toBe(120_000);
  });
});

describe('the prompt stays small', () => {
  it('a typical conversation costs at most ~2,500 tokens, counted with a tokenizer', () => {
    const prompt = buildPrompt(asked, p, fields);
    expect(prompt.inputTokens).toBeLessThanOrEqual(DEFAULT_PROMPT_TOKENS);
    expect(prompt.omitted).toBe(0);
    expect(prompt.inputTokens).toBe(countTokens(prompt.system) + countTokens(prompt.user) + 16);
  });

  it('a 2,000-message conversation stays within the budget, keeping the first request and the latest turn', () => {
    const turns: ['customer' | 'bot', string][] = [['customer', 'FIRST: my order #A-1 never arrived']];
    for (let i = 1; i < 1999; i++) turns.push([i % 2 ? 'bot' : 'customer', `message ${i}: ${'where is it, any news? '.repeat(4)}`]);
    turns.push(['customer', 'LAST: I want to talk to a human']);
    const long = conv(turns);
    // With the offline engine's act hints, as the engine sends them.
    const prompt = buildPrompt(long, p, fields, { hints: checkOffline(long, p).acts });
    expect(prompt.user).toContain('<offline_acts>');
    expect(prompt.inputTokens).toBeLessThanOrEqual(DEFAULT_PROMPT_TOKENS);
    expect(prompt.omitted).toBeGreaterThan(1900);
    expect(prompt.user).toContain('FIRST: my order');
    expect(prompt.user).toContain('LAST: I want to talk');
  });
});

describe('offline first, the model refines', () => {
  it('the quick check shows the offline verdict and asks for refinement until the model has answered', async () => {
    const cache = createVerdictCache();
    const quick = checkQuick(asked, p, { ...local(), cache });
    expect(quick).toEqual({ verdict: checkOffline(asked, p), refine: true });
    const refined = await checkEscalation(asked, p, { ...local(), cache });
    expect(checkQuick(asked, p, { ...local(), cache })).toEqual({ verdict: refined, refine: false });
    expect(checkQuick(asked, p, { cache }).refine).toBe(false);
  });

  it('a signal only the model found is kept with its quote, and the difference from the quick check is shown', () => {
    const c = conv([
      ['customer', 'Can you book me a table for two at an Italian place tonight?'],
      ['bot', 'Here are our opening hours.'],
    ]);
    const offline = checkOffline(c, policy({ scope: '' }));
    expect(offline.status).toBe('none');
    const out = answer({
      signals: [{ kind: 'out_of_scope', confidence: 0.8, messageIndex: 0, quote: 'book me a table for two' }],
    }) as LlmOutput;
    const v = toVerdict(c, policy({ scope: '' }), out, fields, offline);
    expect(v.status).toBe('escalate');
    expect(v.signals).toEqual([{ kind: 'out_of_scope', confidence: 0.8, evidence: { messageIndex: 0, quote: 'book me a table for two' } }]);
    expect(v.disagreement).toBe(
      "The quick offline check said no escalation; the model judged escalate (out of scope: “book me a table for two”). Baton shows the model's call.",
    );
  });
});
