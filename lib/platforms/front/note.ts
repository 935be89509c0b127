import { errorForStatus, isApiError } from '../../http/errors';
import { renderNote } from '../../note/render';
import type { EscalationPlan } from '../../schema/plan';
import { encodeMarker, hasMarker } from '../marker';
import { MissingConnectionField, type AdapterContext } from '../types';
import { LABEL, listAll, writeConversation } from './api';
import { FCommentSchema } from './schemas';
import { teammates } from './targets';

/**
 * The note as a Front comment. The spec says a comment body "can include markdown formatting", so the note
 * is posted as Markdown built from the shared rendering (`renderNote`): its paragraphs, "- " items and bold
 * become Markdown, and every piece of text (which quotes the customer) is made inert first:
 * - &, <, > and " become entities, so no HTML, attribute or autolink can form, even in a renderer that
 *   passes raw HTML through;
 * - the punctuation of links, images, emphasis, code, headings and tables is backslash-escaped, and so are
 *   list and heading markers at the start of a line and the colon of script URL schemes.
 * A bare URL stays as it is: it shows its own address, so it cannot hide one.
 */
export function noteBody(note: string, markerId: string): string {
  return toMarkdown(renderNote(note).html) + encodeMarker(markerId);
}

const TOKEN = /<(\/?)(p|br|ul|li|strong)>|([^<]+)/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** renderNote's HTML uses five tags only; each has a Markdown twin. */
function toMarkdown(html: string): string {
  const blocks: string[] = [];
  let line = '';
  let items: string[] | null = null;
  for (const m of html.matchAll(TOKEN)) {
    const [, close, tag, raw] = m;
    if (raw !== undefined) line += inert(raw.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]));
    else if (tag === 'strong') line += '**';
    else if (tag === 'br') line += '  \n';
    else if (tag === 'li' && close) {
      items?.push(`- ${line}`);
      line = '';
    } else if (tag === 'ul' && !close) items = [];
    else if (tag === 'ul' && close) {
      blocks.push((items ?? []).join('\n'));
      items = null;
    } else if (tag === 'p' && close) {
      blocks.push(line);
      line = '';
    }
  }
  return blocks.join('\n\n');
}

function inert(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/([\\`*_{}[\]()#+~|!])/g, '\\$1')
    .replace(/\b(javascript|vbscript|data):/gi, '$1\\:')
    .replace(/^([ \t]*)([-=])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\./gm, '$1\\.');
}

const SET_TEAMMATE =
  'Set "your Front teammate" once in Options (the email you sign in to Front with, or your tea_… teammate id), then Retry.';

/**
 * The teammate the note is written by, so Front shows the agent as its author rather than the API token
 * ("If omitted, will post as the API Token … of the requester"). GET /me only describes the token's company,
 * so the agent is found from their own settings: a teammate id as given, or their email matched against
 * the company's teammates (listed once and shared with the targets). Without teammates:read, the email is
 * sent as Front's documented alias `alt:email:…`.
 */
export async function noteAuthor(ctx: AdapterContext): Promise<string> {
  const id = str(ctx.connection?.authorId);
  if (id) return id;
  const email = str(ctx.connection?.authorEmail);
  if (!email) {
    throw new MissingConnectionField(
      `Baton does not know which Front teammate you are, so the note would not show you as its author. ${SET_TEAMMATE}`,
      'authorEmail',
    );
  }
  let people;
  try {
    people = await teammates(ctx);
  } catch (e) {
    if (isApiError(e) && e.kind === 'forbidden') return `alt:email:${email}`;
    throw e;
  }
  const me = people.find((t) => t.email?.toLowerCase() === email.toLowerCase() && !t.is_blocked);
  if (!me) {
    throw new MissingConnectionField(
      `No Front teammate has the email ${email}, so Baton cannot post the note as you. ${SET_TEAMMATE}`,
      'authorEmail',
    );
  }
  return me.id;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** POST the comment as the agent; a teammate Front does not know is a sentence naming the setting. */
export async function postNote(ctx: AdapterContext, plan: EscalationPlan): Promise<void> {
  const action = 'post the internal note';
  const author = await noteAuthor(ctx);
  const res = await writeConversation(
    ctx,
    plan.conversationId,
    'POST',
    '/comments',
    { body: noteBody(plan.note, plan.noteMarker), author_id: author },
    { action, idempotent: false, accept: [400, 404] },
  );
  if (res.status < 300) return;
  const said = JSON.stringify(res.body ?? '');
  if (/teammate|author/i.test(said)) {
    throw new MissingConnectionField(
      `Front does not know the teammate set as "your Front teammate" (${author}), so Baton did not post the note. ${SET_TEAMMATE}`,
      'authorId',
    );
  }
  throw errorForStatus(res.status, action, LABEL, res.body);
}

/** Whether a note with this plan's marker is already on the conversation (after an outcome-unknown post). */
export async function noteLanded(ctx: AdapterContext, plan: EscalationPlan): Promise<boolean> {
  const comments = await listAll(ctx, `/conversations/${plan.conversationId}/comments`, FCommentSchema, 'the internal comments');
  return comments.some((c) => hasMarker(c.body, plan.noteMarker));
}
