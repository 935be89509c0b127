import { ApiError } from '../../http/errors';
import { FRONT_API_BASE_RE } from '../../schema/connections';
import type { ConversationRef } from '../../schema/conversation';
import { numericToApiId } from './ids';

const FRONT_APP_HOST = 'app.frontapp.com';
const DEFAULT_API_BASE = 'https://api2.frontapp.com';

const CNV_ID = /^cnv_[0-9a-z]+$/;
const NUMERIC = /^\d{1,16}$/;
const SELECTION = /^\d{1,16}(,\d{1,16})+$/;
const LIST_WORD = /^[a-z][a-z_-]*$/;
/** Segments that name a container (a folder, a view, a teammate's inbox), never the list a conversation is opened from. */
const CONTAINERS = new Set(['inboxes', 'teams', 'teammates', 'shared', 'folders', 'views', 'assigned', 'me', 'tags', 'channels']);

/**
 * What an app.frontapp.com address shows. Shapes seen in public sources:
 * - `/open/cnv_…`, the documented deep link, whose id is the API id;
 * - shared inbox folders `/inboxes/teams/folders/{inbox}/{list}/{conversation}` (Kenchi's Front script
 *   tests, michaelschade/kenchi), views `/inboxes/teams/views/{view}/open/{conversation}`, personal inboxes
 *   `/inboxes/teammates/{teammate}/inbox/all/{conversation}`, "assigned to me"
 *   `/inboxes/teams/assigned/{n}/inbox/open/{conversation}`, older named shared inboxes
 *   `/inboxes/shared/{name}/open/{conversation}` and searches `/inboxes/teams/{n}/search/{scope}/{query}/{conversation}`;
 * - a last segment of 0 means "no conversation" (Kenchi: "Front uses 0 as a sentinel value");
 * - several selected conversations put their ids in the last segment, comma-separated (Kenchi splits it on
 *   ","): a selection, not one conversation.
 */
export type FrontPage =
  { kind: 'conversation'; ref: ConversationRef } | { kind: 'selection'; conversationIds: string[] } | { kind: 'other' };

export function parseFrontUrl(url: string): FrontPage | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.hostname !== FRONT_APP_HOST || u.port !== '') return null;
  const parts = u.pathname.split('/').filter(Boolean);
  const other: FrontPage = { kind: 'other' };

  if (parts[0] === 'open') {
    const id = parts.length === 2 ? decodeSegment(parts[1]) : null;
    return id && CNV_ID.test(id) ? { kind: 'conversation', ref: ref(id, false) } : other;
  }
  if (parts[0] !== 'inboxes' || parts.length < 4) return other;

  const last = parts[parts.length - 1];
  if (SELECTION.test(last) && inConversationList(parts)) {
    return {
      kind: 'selection',
      conversationIds: last
        .split(',')
        .filter((n) => n !== '0')
        .map((n) => numericToApiId('cnv', n)),
    };
  }
  if (!NUMERIC.test(last) || /^0+$/.test(last) || !inConversationList(parts)) return other;
  return { kind: 'conversation', ref: ref(numericToApiId('cnv', last), true) };
}

/** The conversation the tab shows, or null (another page, an empty list, several selected). */
export function detectFrontUrl(url: string): ConversationRef | null {
  const page = parseFrontUrl(url);
  return page?.kind === 'conversation' ? page.ref : null;
}

/**
 * Whether the segment before the last one is a list the conversation was opened from. A container address
 * (`/inboxes/teams/folders/2104`, `/inboxes/teammates/20999898`) also ends in a number, so the list must
 * come after a container's id, or be a named list after a named container (`/inboxes/shared/support/open`).
 */
function inConversationList(parts: string[]): boolean {
  const n = parts.length;
  const search = parts.indexOf('search');
  if (search > 0 && search < n - 2) return true;
  const list = parts[n - 2];
  if (!LIST_WORD.test(list)) return false;
  const before = parts.slice(1, n - 2);
  if (before.some((p) => NUMERIC.test(p))) return true;
  return !CONTAINERS.has(list) && !CONTAINERS.has(parts[n - 3]);
}

const ref = (conversationId: string, idIsGuess: boolean): ConversationRef => ({
  platform: 'front',
  account: 'app',
  conversationId,
  idIsGuess,
});

function decodeSegment(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The conversation id inside an API URL (a redirect's Location, a followed response's URL). */
export function conversationIdInUrl(url: string | undefined): string | null {
  if (!url) return null;
  const m = /\/conversations\/(cnv_[0-9a-z]+)(?:[/?#]|$)/.exec(url);
  return m ? m[1] : null;
}

/** The only origins the Front token may go to: checked here too, as a stored value may predate the schema's rule. */
export function apiBaseOf(apiBase: unknown): string {
  const base = (typeof apiBase === 'string' && apiBase ? apiBase : DEFAULT_API_BASE).replace(/(?<!\/)\/+$/, '');
  if (!FRONT_API_BASE_RE.test(base)) {
    throw new ApiError(
      `"${base}" is not a Front API address. In Options, use https://api2.frontapp.com or your company's https://<name>.api.frontapp.com.`,
      'invalid',
    );
  }
  return base;
}

/** Front's documented deep link, which takes the API id (cnv_…) whatever inbox the conversation sits in. */
export function openUrl(ref: ConversationRef): string {
  return `https://${FRONT_APP_HOST}/open/${encodeURIComponent(ref.conversationId)}`;
}
