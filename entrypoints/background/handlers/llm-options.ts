import { browser } from 'wxt/browser';
import type { OpenAIOptions } from '@/lib/engine';
import type { Policy } from '@/lib/schema/policy';

/**
 * The LLM engine's options as the worker runs it: the saved key (empty for a key-less local server) and the
 * Origin its requests carry, which a server that refuses it (Ollama by default) must be told to allow.
 */
export function llmOptionsFor(policy: Policy, apiKey: string | undefined): OpenAIOptions {
  return {
    apiKey: apiKey ?? '',
    baseURL: policy.engine.baseURL,
    model: policy.engine.model,
    origin: new URL(browser.runtime.getURL('/')).origin,
  };
}
