import type { Conversation } from '../schema/conversation';
import type { Policy } from '../schema/policy';
import type { Verdict } from '../schema/verdict';

/**
 * 64-bit content hash (two independent 32-bit lanes, cyrb53-style mixing) in pure JS, so the cache works the
 * same in the extension worker, the page and Node, without node:crypto or an async SubtleCrypto call.
 */
function contentHash(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * What a verdict depends on: the messages (who said what, internal or not), the tags and scope override, the
 * parts of the policy that shape the decision, summary and tags, and the model and endpoint. Message ids and
 * timestamps are left out (re-reading the same conversation from the page instead of the API must not cost a
 * call), and so are routing and pause settings, which a verdict never reflects.
 */
export function verdictCacheKey(conv: Conversation, policy: Policy, model: string, baseURL: string): string {
  const messages = conv.messages.map((m) => [m.role, m.internal ? 1 : 0, m.text]);
  const { scope, subAgents, signals, customInstruction, tags, summarySchema } = policy;
  return contentHash(
    JSON.stringify([
      messages,
      conv.tags,
      conv.scope ?? null,
      { scope, subAgents, signals, customInstruction, tags, summarySchema },
      model,
      baseURL,
    ]),
  );
}

export interface VerdictCache {
  get(key: string): Verdict | undefined;
  set(key: string, v: Verdict): void;
}

/** Unchanged conversation + policy + model → the same verdict without another LLM call. Least recently used goes first. */
export function createVerdictCache(max = 200): VerdictCache {
  const map = new Map<string, Verdict>();
  return {
    get(k) {
      const v = map.get(k);
      if (v) {
        map.delete(k);
        map.set(k, v);
      }
      return v;
    },
    set(k, v) {
      map.delete(k);
      map.set(k, v);
      if (map.size > max) map.delete(map.keys().next().value as string);
    },
  };
}
