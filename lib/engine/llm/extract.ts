import { NotJsonError } from './errors';

/** Attempts at a `{` before giving up: each costs one linear scan, so a hostile answer stays cheap. */
const MAX_STARTS = 20;

/**
 * Drops `<think>…</think>` blocks (reasoning models put them before the answer). An unclosed block at the end
 * is reasoning cut short, so everything after its opening goes.
 */
function withoutThinking(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('<think>', at);
    if (open < 0) return out + text.slice(at);
    out += text.slice(at, open);
    const close = text.indexOf('</think>', open);
    if (close < 0) return out;
    at = close + '</think>'.length;
  }
}

/** The end of the JSON object opening at `start`, or -1; strings are skipped, so braces in quotes do not count. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The JSON object in a model's answer, wherever the model put it: alone, in a ```json fence, after a
 * `<think>` block, or among prose ("Here is the assessment: {…}"). Local servers and models do all of these
 * even with a schema asked for. The first object that parses wins; no object is a NotJsonError.
 */
export function extractJson(answer: string): unknown {
  const text = withoutThinking(answer).trim();
  try {
    return JSON.parse(text);
  } catch {
    // not bare JSON: look for an object inside
  }
  let from = 0;
  for (let attempt = 0; attempt < MAX_STARTS; attempt++) {
    const start = text.indexOf('{', from);
    if (start < 0) break;
    const end = objectEnd(text, start);
    if (end < 0) break;
    try {
      return JSON.parse(text.slice(start, end + 1));
    } catch {
      from = end + 1;
    }
  }
  throw new NotJsonError("the model's answer held no JSON object");
}
