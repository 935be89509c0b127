/**
 * Front's numeric UI id → API id: base-36 plus the resource prefix. Front calls this "a useful tip, but
 * not officially supported … do not build any critical logic based on this conversion"
 * (dev.frontapp.com/docs/resource-aliases-1), so it is only a fallback for in-app URLs, which carry nothing
 * else; every ref built from it is marked idIsGuess.
 */
export function numericToApiId(prefix: 'cnv' | 'inb' | 'tea' | 'tag' | 'msg' | 'com', numeric: string | number): string {
  return `${prefix}_${BigInt(numeric).toString(36)}`;
}

/** The reverse of numericToApiId, for the sandbox's in-app URLs (same unofficial rule). */
export function apiIdToNumeric(id: string): string | null {
  const m = /^[a-z]+_([0-9a-z]+)$/.exec(id);
  if (!m) return null;
  let n = 0n;
  for (const ch of m[1]) n = n * 36n + BigInt(parseInt(ch, 36));
  return n.toString();
}
