import type { Conversation } from '../schema/conversation';
import { engineNeedsKey, type Policy } from '../schema/policy';
import { VerdictSchema, type Verdict } from '../schema/verdict';
import { createVerdictCache, verdictCacheKey, type VerdictCache } from './cache';
import { checkOffline } from './offline';
import { checkWithLLM, DEFAULT_MODEL, fallbackReason, type LlmOptions } from './llm';

export { checkOffline, createVerdictCache };
/** The LLM engine's options (kept under the engine's policy name, `openai`). */
export type OpenAIOptions = LlmOptions;

export interface CheckOptions {
  engine?: 'offline' | 'openai';
  openai?: OpenAIOptions;
  /** With the LLM engine, an unchanged conversation and policy cost no call. */
  cache?: VerdictCache;
}

// Two checks of the same conversation at once (sidebar and background refresh) share one LLM call.
const inFlight = new WeakMap<VerdictCache, Map<string, Promise<Verdict>>>();

/** The LLM options with the policy's model, base URL and timeout filled in, or a sentence saying why there are none. */
function llmOptions(policy: Policy, given: OpenAIOptions | undefined): OpenAIOptions | string {
  const baseURL = given?.baseURL ?? policy.engine.baseURL;
  const apiKey = given?.apiKey ?? '';
  if (!apiKey && engineNeedsKey(baseURL)) return 'No OpenAI API key is set (add one in Options); showing the offline verdict.';
  return {
    ...given,
    apiKey,
    baseURL,
    model: given?.model ?? policy.engine.model ?? DEFAULT_MODEL,
    timeoutMs: given?.timeoutMs ?? (policy.engine.timeoutSeconds ? policy.engine.timeoutSeconds * 1000 : undefined),
  };
}

const keyFor = (conversation: Conversation, policy: Policy, o: OpenAIOptions) =>
  verdictCacheKey(conversation, policy, o.model!, o.baseURL!);

/**
 * What can be shown at once, without waiting for a model: the LLM verdict when one is cached for this
 * conversation and policy, else the offline verdict with `refine` set when the LLM engine is on and could be
 * asked (the sidebar then asks for the full check and replaces this one).
 */
export function checkQuick(conversation: Conversation, policy: Policy, options: CheckOptions = {}): { verdict: Verdict; refine: boolean } {
  const engine = options.engine ?? policy.engine.kind;
  const offline = checkOffline(conversation, policy);
  if (engine !== 'openai') return { verdict: offline, refine: false };
  const llm = llmOptions(policy, options.openai);
  if (typeof llm === 'string') return { verdict: withFallback(offline, llm), refine: false };
  const cached = options.cache?.get(keyFor(conversation, policy, llm));
  return cached ? { verdict: cached, refine: false } : { verdict: offline, refine: true };
}

/**
 * The one entry point: offline by default; the LLM engine when asked for (options.engine, else
 * policy.engine.kind), falling back to the offline verdict, with `fallback` saying why, on any failure.
 */
export async function checkEscalation(conversation: Conversation, policy: Policy, options: CheckOptions = {}): Promise<Verdict> {
  const engine = options.engine ?? policy.engine.kind;
  const offline = checkOffline(conversation, policy);
  if (engine !== 'openai') return offline;
  const llm = llmOptions(policy, options.openai);
  if (typeof llm === 'string') return withFallback(offline, llm);
  const key = keyFor(conversation, policy, llm);
  const cache = options.cache;
  const cached = cache?.get(key);
  if (cached) return cached;
  const pending = cache ? inFlight.get(cache)?.get(key) : undefined;
  if (pending) return pending;
  const run = (async () => {
    try {
      const v = await checkWithLLM(conversation, policy, llm, offline);
      cache?.set(key, v);
      return v;
    } catch (e) {
      return withFallback(offline, fallbackReason(e, { baseURL: llm.baseURL, origin: llm.origin }));
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
