import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { LlmOutputSchema } from './output';
import { RESPONSE_FORMAT_NAME } from './output';
import { CutOffError, EmptyAnswerError, ModelRefusalError } from './errors';

export const DEFAULT_MODEL = 'gpt-4o-mini';
/** OpenAI's own API answers in seconds; a model on a laptop or a LAN box often takes a minute. */
const OPENAI_TIMEOUT_MS = 20_000;
const LOCAL_TIMEOUT_MS = 120_000;
/**
 * Room for a full answer (Baton's complete answers run 160–550 tokens) while keeping a confused model from
 * writing until the context is full: llama.cpp's default output limit is unlimited.
 */
const DEFAULT_MAX_TOKENS = 1500;

export interface RequestOptions {
  /** Empty for a key-less local server. */
  apiKey: string;
  baseURL?: string;
  model?: string;
  timeoutMs?: number;
  maxTokens?: number;
  fetch?: typeof fetch;
}

/** The timeout when none is configured: longer for anything that is not OpenAI's API. */
export function defaultTimeoutMs(baseURL: string | undefined): number {
  try {
    return !baseURL || new URL(baseURL).hostname === 'api.openai.com' ? OPENAI_TIMEOUT_MS : LOCAL_TIMEOUT_MS;
  } catch {
    return OPENAI_TIMEOUT_MS;
  }
}

// Reasoning models only accept their default temperature and take `max_completion_tokens`.
const reasoning = (model: string) => /^(o\d|gpt-5)/.test(model);

/** ONE chat-completions call with structured outputs; returns the answer's text, or throws why there is none. */
export async function requestAnswer(system: string, user: string, schema: LlmOutputSchema, opts: RequestOptions): Promise<string> {
  const client = new OpenAI({
    // The SDK requires a key; a local server without one ignores the header.
    apiKey: opts.apiKey || 'no-key',
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs ?? defaultTimeoutMs(opts.baseURL),
    maxRetries: 0,
    dangerouslyAllowBrowser: true,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const model = opts.model ?? DEFAULT_MODEL;
  const maxTokens = opts.maxTokens ?? DEFAULT_MAX_TOKENS;
  const completion = await client.chat.completions.create({
    model,
    ...(reasoning(model) ? { max_completion_tokens: maxTokens } : { temperature: 0, max_tokens: maxTokens }),
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
    response_format: zodResponseFormat(schema, RESPONSE_FORMAT_NAME),
  });
  const choice = completion.choices?.[0];
  const message = choice?.message;
  if (message?.refusal) throw new ModelRefusalError(message.refusal);
  if (choice?.finish_reason === 'length') throw new CutOffError(maxTokens);
  if (!message?.content) throw new EmptyAnswerError('the model returned no answer');
  return message.content;
}
