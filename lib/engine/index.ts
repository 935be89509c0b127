import type { Conversation } from '../schema/conversation';
import type { Policy } from '../schema/policy';
import type { Verdict } from '../schema/verdict';
import { checkOffline } from './offline';
import { checkWithOpenAI, fallbackReason, type OpenAIOptions } from './openai';
import { contentHash, createVerdictCache, type VerdictCache } from './cache';

export { checkOffline, createVerdictCache, contentHash };
export type { VerdictCache, OpenAIOptions };

export interface CheckOptions {
  engine?: 'offline' | 'openai';
  openai?: OpenAIOptions;
  /** With the OpenAI engine, an unchanged conversation and policy cost no call. */
  cache?: VerdictCache;
}

/** The one entry point: offline by default; OpenAI when configured, falling back to offline on any failure. */
export async function checkEscalation(conversation: Conversation, policy: Policy, options: CheckOptions = {}): Promise<Verdict> {
  const engine = options.engine ?? policy.engine.kind;
  if (engine !== 'openai') return checkOffline(conversation, policy);
  if (!options.openai?.apiKey) {
    return { ...checkOffline(conversation, policy), fallback: 'No OpenAI key is set in Options; showing the offline verdict.' };
  }
  const key = contentHash(JSON.stringify([conversation.messages, conversation.scope, policy, options.openai.model, options.openai.baseURL]));
  const cached = options.cache?.get(key);
  if (cached) return cached;
  try {
    const v = await checkWithOpenAI(conversation, policy, options.openai);
    options.cache?.set(key, v);
    return v;
  } catch (e) {
    return { ...checkOffline(conversation, policy), fallback: fallbackReason(e) };
  }
}
