import type { Author, Role } from '../schema/conversation';
import type { BotIdentity } from '../schema/policy';
import { HTML_BODY, markupToText } from '../html/to-text';
import { ApiError } from '../http/errors';

const BOT_NAME = /\b(bot|ai|assistant|aissist|virtual agent|automated|auto[- ]?reply|chatbot|gpt)\b/i;

/**
 * Decides who wrote a message. Customers pick their own display name (chat widget, email From:), so an author
 * known to be on the customer side is the customer whatever the policy's bot identity says. On the team side,
 * or when the page cannot tell the sides apart ('unknown': Zendesk's messaging log shows no badge on the bot),
 * explicit bot identity from the policy wins; a team-side author whose name looks like a bot/AI assistant is
 * the bot; anyone else on the team side is a human agent.
 */
export function roleOf(author: Author | undefined, fromTeam: boolean | 'unknown', identity: BotIdentity): Role {
  if (fromTeam === false) return 'customer';
  if (author) {
    const id = author.id?.toLowerCase();
    const email = author.email?.toLowerCase();
    const name = author.name?.toLowerCase();
    if (id && identity.ids.some((x) => x.toLowerCase() === id)) return 'bot';
    if (email && identity.emails.some((x) => x.toLowerCase() === email)) return 'bot';
    if (name && identity.names.some((x) => x.toLowerCase() === name)) return 'bot';
  }
  if (fromTeam === 'unknown') return 'customer';
  if (author?.name && BOT_NAME.test(author.name)) return 'bot';
  if (author?.email && /(^|[._+-])(bot|ai|assistant)([._+-]|@)/i.test(author.email)) return 'bot';
  return 'agent';
}

/** HTML to readable text without a DOM (runs in the worker and in Node). Scripts and styles are dropped. */
export function htmlToText(html: string): string {
  return (
    markupToText(html, HTML_BODY)
      .replace(/\u00a0/g, ' ')
      // Only where a run of blanks starts (the lookbehind), so a long run is read once.
      .replace(/(?<![ \t])[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** Escapes text for inclusion in HTML (notes sent to platforms that render HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Team leads paste whatever they have at hand: "acme", "acme.example.com" or a whole agent URL → "acme". */
export function accountFromText(text: string, hostSuffix: string): string {
  const host =
    text
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .split(/[/?#]/)[0] ?? '';
  return host.endsWith(hostSuffix) ? host.slice(0, -hostSuffix.length) : host;
}

/** Base64 of UTF-8 text, for Basic auth headers (btoa alone rejects non-Latin-1 emails). */
export function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Why a team-side author is read as the bot, for Check setup's bot line; null when it would be a human agent.
 * `marker` is the helpdesk's own mark ("role bot", "teammate type api"), which comes first; then the policy's
 * bot identity; the name and e-mail pattern comes last. The order is roleOf's.
 */
export function botReason(author: Author, identity: BotIdentity, marker?: string | null): string | null {
  if (marker) return marker;
  const has = (list: string[], v: string | undefined) => !!v && list.some((x) => x.toLowerCase() === v.toLowerCase());
  if (has(identity.ids, author.id) || has(identity.emails, author.email) || has(identity.names, author.name)) return 'named in Options';
  return roleOf(author, true, { ids: [], names: [], emails: [] }) === 'bot' ? 'name looks like a bot' : null;
}

/** The bot identity entries from Options, as Check setup lists them (each is treated as the bot when team-side). */
export function identityAuthors(identity: BotIdentity): { name: string; why: string }[] {
  return [...identity.names, ...identity.emails, ...identity.ids].map((name) => ({ name, why: 'named in Options' }));
}

/**
 * A view is routed to by adding the one tag its filter matches on; a view filtered on anything else cannot be
 * reached that way. `instead` names the targets that work on this helpdesk ("a group or an agent").
 */
export function viewWithoutTag(instead: string): ApiError {
  return new ApiError(`This view cannot be matched by a tag, so Baton cannot route to it; pick ${instead} instead.`, 'invalid');
}
