import { GptEncoding } from 'gpt-tokenizer/GptEncoding';

/**
 * Tokens a text costs a model, counted with cl100k_base (gpt-4-era OpenAI models; Qwen2's vocabulary extends
 * it, so local Qwen models count nearly the same) plus a margin for models whose tokenizers split English more
 * finely (Llama, Mistral). Characters divided by four undercounted Baton's JSON transcript by about a quarter.
 */
const TOKEN_MARGIN = 1.1;

/** What a chat message costs beyond its text (role and separators in the chat template). */
export const MESSAGE_OVERHEAD_TOKENS = 8;

/** The encoding's merge ranks, as gpt-tokenizer ships them. */
export type TokenRanks = readonly (string | readonly number[])[];

/** The package path of the ranks, for a loader that reads them from node_modules (build script, Node). */
export const RANKS_MODULE = 'gpt-tokenizer/bpeRanks/cl100k_base';

/**
 * The ranks are ~1 MB of JavaScript: parsed on every start of the background worker they would slow the
 * offline engine too. So they are loaded only when the LLM engine first needs them: the worker fetches them
 * from a file packaged with the extension (`setRanksLoader`), Node imports them from the package.
 */
let loader: () => Promise<TokenRanks> = async () => {
  // A computed specifier keeps bundlers from inlining the ranks into whatever imports this module.
  const spec = RANKS_MODULE;
  const mod = (await import(/* @vite-ignore */ spec)) as { default: TokenRanks };
  return mod.default;
};
let encoding: Promise<GptEncoding> | undefined;
let ready: GptEncoding | undefined;

export function setRanksLoader(load: () => Promise<TokenRanks>): void {
  loader = load;
  encoding = undefined;
  ready = undefined;
}

/** Loads the tokenizer once; every later call is free. A failed load is tried again next time. */
export function readyTokenizer(): Promise<void> {
  encoding ??= loader().then(
    (ranks) => (ready = GptEncoding.getEncodingApi('cl100k_base', () => ranks)),
    (e: unknown) => {
      encoding = undefined;
      throw new Error(`the token counter could not be loaded (${(e as Error)?.message ?? e})`);
    },
  );
  return encoding.then(() => undefined);
}

export function countTokens(text: string): number {
  if (!ready) throw new Error('countTokens before readyTokenizer(): await it first');
  return Math.ceil(ready.countTokens(text) * TOKEN_MARGIN);
}
