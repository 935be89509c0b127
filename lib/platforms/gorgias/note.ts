import { encodeMarker, hasMarker } from '../marker';
import { textToHtml } from '../shared';
import type { GMessage } from './types';

/**
 * The note's two bodies. Gorgias shows body_html, so the text (which quotes the customer) is escaped into
 * paragraphs and cannot form markup; body_text is the same text. Both end with the hidden marker.
 */
export function noteBodies(note: string, markerId: string): { body_text: string; body_html: string } {
  const text = note.replace(/\r\n?/g, '\n') + encodeMarker(markerId);
  return { body_text: text, body_html: textToHtml(text) };
}

export const carriesMarker = (m: GMessage, markerId: string) =>
  [m.body_text, m.body_html, m.stripped_text].some((body) => hasMarker(body, markerId));
