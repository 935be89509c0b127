import type { Conversation } from '../schema/conversation';
import type { Policy } from '../schema/policy';
import { VerdictSchema, type Verdict } from '../schema/verdict';
import { createVerdictCache, verdictCacheKey, type VerdictCache } from './cache';
import { checkOffline } from './offline';
import { checkWithOpenAI, DEFAULT_MODEL, fallbackReason, type OpenAIOptions } from './openai';

export { checkOffline, createVerdictCache };

export interface CheckOptions {
  engine?: 'offline' | 'openai';
  openai?: OpenAIOptions;
  /** With the OpenAI engine, an unchanged conversation and policy cost no call. */
  cache?: VerdictCache;
}

// Two checks of the same conversation at once (sidebar and background refresh) share one LLM call.
const inFlight = new WeakMap<VerdictCache, Map<string, Promise<Verdict>>>();

/**
 * The one entry point: offline by default; OpenAI when asked for (options.engine, else policy.engine.kind),
 * falling back to the offline verdict, with `fallback` saying why, on any failure.
 */
export async function checkEscalation(conversation: Conversation, policy: Policy, options: CheckOptions = {}): Promise<Verdict> {
  const engine = options.engine ?? policy.engine.kind;
  const offline = checkOffline(conversation, policy);
  if (engine !== 'openai') return offline;
  if (!options.openai?.apiKey) return withFallback(offline, 'No OpenAI API key is set (add one in Options); showing the offline verdict.');
  const openai: OpenAIOptions = {
    ...options.openai,
    baseURL: options.openai.baseURL ?? policy.engine.baseURL,
    model: options.openai.model ?? policy.engine.model ?? DEFAULT_MODEL,
  };
  const key = verdictCacheKey(conversation, policy, openai.model!, openai.baseURL!);
  const cache = options.cache;
  const cached = cache?.get(key);
  if (cached) return cached;
  const pending = cache ? inFlight.get(cache)?.get(key) : undefined;
  if (pending) return pending;
  const run = (async () => {
    try {
      const v = await checkWithOpenAI(conversation, policy, openai, offline);
      cache?.set(key, v);
      return v;
    } catch (e) {
      return withFallback(offline, fallbackReason(e));
    }
  })();
  if (cache) {
    let map = inFlight.get(cache);
    if (!map) inFlight.set(cache, (map = new Map()));
    map.set(key, run);
    void run.finally(() => map.delete(key));
  }
  return run;
}

function withFallback(offline: Verdict, why: string): Verdict {
  return VerdictSchema.parse({ ...offline, fallback: why });
}
