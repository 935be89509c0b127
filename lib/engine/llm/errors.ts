import OpenAI from 'openai';
import { z } from 'zod';

/** Raised when the model declines to answer; the engine falls back to the offline verdict. */
export class ModelRefusalError extends Error {}
export class EmptyAnswerError extends Error {}
/** The answer stopped at the output limit or the server's context size (`finish_reason: "length"`). */
export class CutOffError extends Error {
  constructor(readonly maxTokens: number) {
    super('the answer was cut off');
  }
}
/** No JSON object could be found in the answer. */
export class NotJsonError extends Error {}
/** The answer's JSON has no usable `status`: without it there is no verdict to keep. */
export class AnswerFormatError extends Error {}

export interface ErrorContext {
  baseURL?: string;
  /** The Origin the request carries (the extension's), named in the Ollama advice. */
  origin?: string;
}

const SUFFIX = 'showing the offline verdict.';
const SERVER_TEXT_CHARS = 300;

function isOpenAIHost(baseURL: string | undefined): boolean {
  try {
    return !baseURL || new URL(baseURL).hostname === 'api.openai.com';
  } catch {
    return false;
  }
}

/** "OpenAI" for OpenAI's API, "The model server at host" for anything else: the cause is named where it is. */
function whoFor(baseURL: string | undefined): { who: string; openai: boolean } {
  if (isOpenAIHost(baseURL)) return { who: 'OpenAI', openai: true };
  let host = 'the configured address';
  try {
    host = new URL(baseURL!).host;
  } catch {
    // the policy schema refuses such an address; the sentence still reads
  }
  return { who: `The model server at ${host}`, openai: false };
}

/** The server's own message, one line, bounded and without control characters (it is shown in the sidebar). */
function serverText(e: InstanceType<typeof OpenAI.APIError>): string {
  const body = e.error as { message?: unknown; error?: unknown } | undefined;
  const raw =
    typeof body?.message === 'string' ? body.message : typeof body?.error === 'string' ? body.error : typeof body === 'string' ? body : '';
  const text = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return text.length > SERVER_TEXT_CHARS ? `${text.slice(0, SERVER_TEXT_CHARS)}…` : text;
}

const CONTEXT = /context|too long|too many tokens|maximum.{0,20}length|exceeds/i;

/** A plain sentence saying why the LLM engine could not be used, naming the real cause and what to change. */
export function fallbackReason(e: unknown, ctx: ErrorContext = {}): string {
  const { who, openai } = whoFor(ctx.baseURL);
  if (e instanceof OpenAI.APIConnectionTimeoutError)
    return `${who} did not answer in time${openai ? '' : ' (raise the timeout in Options if the model is slow on this machine)'}; ${SUFFIX}`;
  if (e instanceof OpenAI.APIConnectionError) return `Could not reach ${openai ? 'the OpenAI endpoint' : lowerFirst(who)}; ${SUFFIX}`;
  if (e instanceof OpenAI.APIError) {
    const status = e.status;
    const said = serverText(e);
    const quoted = said ? `, saying "${said}"` : '';
    if (status === 401)
      return `The API key was refused by ${openai ? 'OpenAI' : lowerFirst(who)}${quoted} (check it in Options); ${SUFFIX}`;
    if (status === 403) {
      if (openai) return `OpenAI refused the request (403: the key has no access to this model or region)${quoted}; ${SUFFIX}`;
      // Ollama answers a browser extension's Origin with a bare 403 unless told to allow it.
      const origin = ctx.origin ?? 'chrome-extension://<Baton’s extension id>';
      return `${who} refused Baton's origin (403 Forbidden)${quoted}. Ollama allows browser extensions only when started with OLLAMA_ORIGINS=${origin} (set it and restart Ollama); ${SUFFIX}`;
    }
    if (status === 429) return `${who} is rate-limiting requests or the quota is used up; ${SUFFIX}`;
    if (status === 404) return `${who} did not find the model or endpoint${quoted} (check the model name and base URL); ${SUFFIX}`;
    if (status === 503 && !openai) return `${who} is busy or still loading the model (503)${quoted}; try again shortly, ${SUFFIX}`;
    if (status && status >= 500) return `${who} had a server error (${status})${quoted}; ${SUFFIX}`;
    if (said && CONTEXT.test(said))
      return `The conversation is too long for the model's context window (${lowerFirst(who)} said: "${said}"); raise the server's context size (llama-server -c, OLLAMA_CONTEXT_LENGTH, LM Studio's context length), ${SUFFIX}`;
    return `${who} rejected the request (${status ?? 'error'})${quoted}; ${SUFFIX}`;
  }
  if (e instanceof CutOffError)
    return `The model's answer was cut off (finish_reason "length"): it reached the ${e.maxTokens}-token output limit or the server's context size. Raise the server's context size, or use a model that answers more briefly; ${SUFFIX}`;
  if (e instanceof ModelRefusalError) return `The model declined to assess this conversation; ${SUFFIX}`;
  if (e instanceof EmptyAnswerError) return `The model returned an empty answer; ${SUFFIX}`;
  if (e instanceof NotJsonError || e instanceof SyntaxError) return `The model's answer held no JSON object; ${SUFFIX}`;
  if (e instanceof AnswerFormatError) return `The model's answer had no valid "status" (escalate, unconfirmed or none); ${SUFFIX}`;
  if (e instanceof z.ZodError) return `The model's answer did not match the expected format; ${SUFFIX}`;
  return `The LLM engine failed (${(e as Error)?.message ?? String(e)}); ${SUFFIX}`;
}

const lowerFirst = (s: string) => (s.startsWith('The ') ? `the ${s.slice(4)}` : s);
