import type { ConversationRef } from '../../schema/conversation';

export const FRONT_APP_HOST = 'app.frontapp.com';
export const DEFAULT_API_BASE = 'https://api2.frontapp.com';

const CNV_ID = /^cnv_[0-9a-z]+$/;
const NUMERIC = /^\d{1,16}$/;

/**
 * Front's numeric UI id → API id: base-36 plus the resource prefix. Front calls this "a useful tip, but
 * not officially supported … do not build any critical logic based on this conversion", so it is only a
 * fallback for in-app URLs, which carry nothing else; every ref built from it is marked idIsGuess.
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

/**
 * Reads a conversation from an app.frontapp.com address:
 * - `/open/cnv_…`: the documented deep link, whose id is the API id;
 * - in-app inbox URLs, which end in the conversation's numeric id after the folder's numeric id and a
 *   list segment, e.g. `/inboxes/teams/folders/{inbox}/unassigned/{conversation}` (also assigned,
 *   archived, …). A folder address (`/inboxes/teams/folders/{inbox}`) ends in a number too, which is why
 *   the list segment is required.
 */
export function detectFrontUrl(url: string): ConversationRef | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.hostname !== FRONT_APP_HOST || u.port !== '') return null;
  const parts = u.pathname.split('/').filter(Boolean);

  if (parts.length === 2 && parts[0] === 'open') {
    const id = decodeSegment(parts[1]);
    return id && CNV_ID.test(id) ? ref(id, false) : null;
  }

  if (parts[0] === 'inboxes' && parts.length >= 4) {
    const [folder, list, conversation] = parts.slice(-3);
    if (NUMERIC.test(folder) && /^[a-z][a-z_-]*$/.test(list) && NUMERIC.test(conversation)) {
      return ref(numericToApiId('cnv', conversation), true);
    }
  }
  return null;
}

const ref = (conversationId: string, idIsGuess: boolean): ConversationRef => ({ platform: 'front', account: 'app', conversationId, idIsGuess });

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

export function apiBaseOf(apiBase: string | undefined): string {
  return (apiBase || DEFAULT_API_BASE).replace(/\/+$/, '');
}
