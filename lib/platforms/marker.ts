/**
 * Each note Baton posts carries a hidden marker: the plan's id written in zero-width characters at the end
 * of the note. It is invisible to readers, survives plain-text and HTML rendering, and lets a retry find a
 * note whose outcome was unknown instead of posting it twice.
 */
const ZERO = '\u200b';
const ONE = '\u200c';
const FENCE = '\u2060';

export function encodeMarker(id: string): string {
  const bits = [...new TextEncoder().encode(id)].map((b) => b.toString(2).padStart(8, '0')).join('');
  return FENCE + bits.replace(/0/g, ZERO).replace(/1/g, ONE) + FENCE;
}

export function hasMarker(text: string | null | undefined, id: string): boolean {
  return !!text && text.includes(encodeMarker(id));
}

export function newMarkerId(): string {
  return 'bt' + Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
}
