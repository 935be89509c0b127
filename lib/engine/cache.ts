import type { Verdict } from '../schema/verdict';

/** FNV-1a over a string, two 32-bit lanes: pure JS so it runs in the worker, the page and Node alike. */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export interface VerdictCache {
  get(key: string): Verdict | undefined;
  set(key: string, v: Verdict): void;
}

/** Unchanged conversation + policy + model → the same verdict without another LLM call. */
export function createVerdictCache(max = 200): VerdictCache {
  const map = new Map<string, Verdict>();
  return {
    get: (k) => map.get(k),
    set(k, v) {
      map.set(k, v);
      if (map.size > max) map.delete(map.keys().next().value as string);
    },
  };
}
