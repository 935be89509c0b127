/**
 * Front's numeric UI id → API id: base-36 plus the resource prefix. Front calls this "a useful tip, but
 * not officially supported … do not build any critical logic based on this conversion"
 * (dev.frontapp.com/docs/resource-aliases-1), so it is only a fallback for in-app URLs, which carry nothing
 * else; every ref built from it is marked idIsGuess.
 */
export function numericToApiId(prefix: 'cnv' | 'inb' | 'tea' | 'tag' | 'msg' | 'com', numeric: string | number): string {
  return `${prefix}_${BigInt(numeric).toString(36)}`;
}
