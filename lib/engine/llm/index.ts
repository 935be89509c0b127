import type { Conversation } from '../../schema/conversation';
import type { Policy } from '../../schema/policy';
import type { Verdict } from '../../schema/verdict';
import { DEFAULT_FIELDS } from '../write/summary';
import { extractJson } from './extract';
import { llmOutputSchema, type LlmOutput } from './output';
import { parseAnswer } from './parse';
import { buildPrompt } from './prompt';
import { requestAnswer, type RequestOptions } from './request';
import { readyTokenizer } from './tokens';
import { toVerdict } from './verdict';

export { LLM_LIMITS, llmOutputSchema, RESPONSE_FORMAT_NAME, type LlmOutput } from './output';
export { buildPrompt, DEFAULT_PROMPT_TOKENS, trimTranscript, userMessage } from './prompt';
export { DEFAULT_MODEL, defaultTimeoutMs } from './request';
export { extractJson } from './extract';
export { parseAnswer } from './parse';
export { fallbackReason } from './errors';
export { toVerdict } from './verdict';
export { countTokens, readyTokenizer } from './tokens';

export interface LlmOptions extends RequestOptions {
  /** Whole-prompt budget in tokens; long conversations keep the first request and the latest turns. */
  maxPromptTokens?: number;
  /** The Origin the worker's requests carry, named in the advice for a server that refuses it. */
  origin?: string;
}

/** Builds the prompt, makes the one call, and reads the answer leniently; throws why when there is no usable answer. */
async function callModel(
  conv: Conversation,
  policy: Policy,
  opts: LlmOptions,
  hints?: Verdict['acts'],
): Promise<{ output: LlmOutput; fields: Record<string, string>; repaired: string[] }> {
  const fields = { ...DEFAULT_FIELDS, ...policy.summarySchema };
  const schema = llmOutputSchema(Object.keys(fields), conv.messages.length);
  await readyTokenizer();
  const prompt = buildPrompt(conv, policy, fields, { maxPromptTokens: opts.maxPromptTokens, hints });
  const answer = await requestAnswer(prompt.system, prompt.user, schema, { ...opts, model: opts.model ?? policy.engine.model });
  const { output, repaired } = parseAnswer(extractJson(answer), schema);
  return { output, fields, repaired };
}

export async function checkWithLLM(conv: Conversation, policy: Policy, opts: LlmOptions, offline: Verdict): Promise<Verdict> {
  const { output, fields } = await callModel(conv, policy, opts, offline.acts);
  return toVerdict(conv, policy, output, fields, offline);
}
