import { ApiError } from '../../http/errors';
import { ACCOUNT_NAME_RE as ACCOUNT } from '../../schema/connections';
import type { ConversationRef } from '../../schema/conversation';

/** Gorgias's own sites on gorgias.com, not helpdesk accounts. */
const NOT_ACCOUNTS = new Set(['www', 'developers', 'docs', 'status']);

/**
 * The agent app's ticket pages: /app/ticket/{id} and a ticket opened inside a view, /app/views/{view}/{id}.
 * A view alone (/app/views/{view}), customer pages and settings are not conversations.
 */
const TICKET_PAGE = /^\/app\/(?:ticket|views\/\d+)\/(\d+)\/?$/;

export function detectTicket(url: string): ConversationRef | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.port) return null;
  const host = /^([^.]+)\.gorgias\.com$/i.exec(u.hostname);
  if (!host || !ACCOUNT.test(host[1]) || NOT_ACCOUNTS.has(host[1].toLowerCase())) return null;
  const page = TICKET_PAGE.exec(u.pathname);
  if (!page) return null;
  return { platform: 'gorgias', account: host[1].toLowerCase(), conversationId: page[1], idIsGuess: false };
}

export function originOf(account: string): string {
  if (!ACCOUNT.test(account)) {
    throw new ApiError(
      `"${account}" is not a Gorgias account name. In Options, enter the part before .gorgias.com (acme for acme.gorgias.com).`,
      'invalid',
    );
  }
  return `https://${account.toLowerCase()}.gorgias.com`;
}

/** Ticket ids are numbers; checking them keeps a stray value out of the request path. */
export function ticketPath(id: string): string {
  if (!/^\d+$/.test(id)) throw new ApiError(`"${id}" is not a Gorgias ticket number, so Baton cannot open that ticket.`, 'invalid');
  return `/api/tickets/${id}`;
}

/** The ticket in the agent app: the shape detectTicket reads back. */
export function ticketUrl(ref: ConversationRef): string {
  return `${originOf(ref.account)}/app/ticket/${encodeURIComponent(ref.conversationId)}`;
}
