import { encodeMarker } from '../marker';

/**
 * The note as a Front comment body. Front renders comments as Markdown, so the text (which quotes the
 * customer) is made inert:
 * - &, <, > and " become entities, so no HTML, attribute or autolink can form, even in a renderer that
 *   passes raw HTML through;
 * - the punctuation of links, images, emphasis, code, headings and tables is backslash-escaped, and so are
 *   list and heading markers at the start of a line and the colon of script URL schemes;
 * - entities are written without "#", because "#" itself is escaped: "&#39;" would show literally.
 * Line breaks stay hard breaks. A bare URL stays as it is: it shows its own address, so it cannot hide one.
 */
export function noteBody(note: string, markerId: string): string {
  const inert = note
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/([\\`*_{}[\]()#+~|!])/g, '\\$1')
    .replace(/\b(javascript|vbscript|data):/gi, '$1\\:')
    .replace(/^([ \t]*)([-=])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\./gm, '$1\\.')
    .replace(/([^\n])\n(?!\n)/g, '$1  \n');
  return inert + encodeMarker(markerId);
}
