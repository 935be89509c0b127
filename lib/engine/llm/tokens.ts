import { countTokens as cl100k } from 'gpt-tokenizer/encoding/cl100k_base';

/**
 * Tokens a text costs a model, counted with cl100k_base (gpt-4-era OpenAI models; Qwen2's vocabulary extends
 * it, so local Qwen models count nearly the same) plus a margin for models whose tokenizers split English more
 * finely (Llama, Mistral). Characters divided by four undercounted Baton's JSON transcript by about a quarter.
 * The encoder's ranks are ~1 MB: only the background worker and the CLI import this module.
 */
export const TOKEN_MARGIN = 1.1;

export function countTokens(text: string): number {
  return Math.ceil(cl100k(text) * TOKEN_MARGIN);
}

/** What a chat message costs beyond its text (role and separators in the chat template). */
export const MESSAGE_OVERHEAD_TOKENS = 8;
