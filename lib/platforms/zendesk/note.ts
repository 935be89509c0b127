import type { EscalationPlan } from '../../schema/plan';
import { renderNote } from '../../note/render';
import { encodeMarker, hasMarker } from '../marker';
import type { ZComment } from './schemas';

/**
 * The note as Zendesk shows it: `html_body` rendered from the agent's note (customer text escaped before any
 * markup), then the hidden marker in a paragraph of its own so a retry can find a note that already landed.
 */
export function noteComment(plan: EscalationPlan) {
  return { html_body: `${renderNote(plan.note).html}<p>${encodeMarker(plan.noteMarker)}</p>`, public: false };
}

export function noteLanded(comments: ZComment[], marker: string): boolean {
  return comments.some((c) => !c.public && [c.html_body, c.plain_body, c.body].some((t) => hasMarker(t, marker)));
}
