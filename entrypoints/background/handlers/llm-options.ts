import { browser } from 'wxt/browser';
import type { OpenAIOptions } from '@/lib/engine';
import { setRanksLoader, type TokenRanks } from '@/lib/engine/llm/tokens';
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

/** Where the build puts the token counter's ranks (wxt.config.ts), read only when the LLM engine first runs. */
export const RANKS_FILE = '/tokenizer/cl100k_base.json';

export function installTokenizer(): void {
  setRanksLoader(async () => {
    // Generated at build time, so WXT's list of public paths does not name it.
    const res = await fetch((browser.runtime.getURL as (path: string) => string)(RANKS_FILE));
    if (!res.ok) throw new Error(`${RANKS_FILE} answered ${res.status}`);
    return (await res.json()) as TokenRanks;
  });
}
