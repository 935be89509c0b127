/**
 * One pattern from several short ones read as alternatives, so no phrase list is a regular expression of a
 * thousand characters: each part is a literal that reads (and is checked by the ReDoS gate) on its own, and the
 * whole is exactly their alternation. Parts share the first part's flags.
 */
export function anyPart(...parts: RegExp[]): RegExp {
  return new RegExp(parts.map((p) => p.source).join('|'), parts[0]?.flags ?? '');
}
