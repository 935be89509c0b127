/**
 * How much of one message the engine reads. A pasted log, a data URL or a 100 KB "token" says nothing a reader
 * needs, yet every detector pays for each character of it: each message keeps its head and tail (where greetings,
 * requests and sign-offs are, as the LLM transcript does) and no word runs past MAX_TOKEN_CHARS.
 */
export const HEAD_CHARS = 4096;
export const TAIL_CHARS = 2048;
export const MAX_TOKEN_CHARS = 200;

// A line of its own, so the head's last sentence and the tail's first are never read as one.
const GAP = '\n…\n';
// A run longer than MAX_TOKEN_CHARS; tried only where a run starts (the lookbehind), so a long run costs one pass.
const LONG_TOKEN = /(?<!\S)\S{201,}/g;

/** A cut at `at` that never splits a surrogate pair (an emoji stays whole or goes whole). */
function cutAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

function splitToken(token: string): string {
  const parts: string[] = [];
  for (let i = 0; i < token.length;) {
    const end = i + MAX_TOKEN_CHARS >= token.length ? token.length : cutAt(token, i + MAX_TOKEN_CHARS);
    parts.push(token.slice(i, end));
    i = end;
  }
  return parts.join(' ');
}

/**
 * The part of a message the engine reads: overlong words split, then the middle of an overlong message left out.
 * Idempotent, so every reader may apply it to text another reader already bounded.
 */
export function boundText(text: string): string {
  let t = text.length > MAX_TOKEN_CHARS ? text.replace(LONG_TOKEN, splitToken) : text;
  if (t.length > HEAD_CHARS + GAP.length + TAIL_CHARS) {
    t = t.slice(0, cutAt(t, HEAD_CHARS)) + GAP + t.slice(cutAt(t, t.length - TAIL_CHARS));
  }
  return t;
}
