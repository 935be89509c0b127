import { renderNote } from '../../note/render';
import { encodeMarker, hasMarker } from '../marker';
import type { GMessage } from './schemas';

/**
 * The internal note's two bodies, both from the same rendered note (lib/note/render.ts escapes every piece
 * of customer text before any markup is added). Gorgias's agent app shows body_html when a message has one
 * and body_text otherwise (its MessageBody: `content = body_html || body_text`), so the rich form is what
 * agents see and the text form is what search, notifications and integrations get. Both carry the hidden
 * marker, so a retry can find a note whose answer was lost.
 */
export function noteBodies(note: string, markerId: string): { body_text: string; body_html: string } {
  const { html, text } = renderNote(note);
  const marker = encodeMarker(markerId);
  return { body_text: text + marker, body_html: markInside(html, marker) };
}

/**
 * The marker inside the last block rather than after it: a sanitiser that drops stray text between blocks
 * would otherwise drop the marker with it.
 */
function markInside(html: string, marker: string): string {
  const last = /(<\/li><\/ul>|<\/p>)$/.exec(html);
  return last ? html.slice(0, last.index) + marker + last[1] : html + marker;
}

export const carriesMarker = (m: GMessage, markerId: string) =>
  [m.body_text, m.body_html, m.stripped_text].some((body) => hasMarker(body, markerId));
