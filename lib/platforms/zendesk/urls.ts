import { ApiError } from '../../http/errors';
import { ACCOUNT_NAME_RE } from '../../schema/connections';
import type { ConversationRef } from '../../schema/conversation';

/** The agent workspace's ticket URL: https://{subdomain}.zendesk.com/agent/tickets/{id}[/…]. */
const TICKET_URL = /^https:\/\/([a-z0-9][a-z0-9-]*)\.zendesk\.com\/agent\/tickets\/(\d+)(?:[/?#]|$)/i;
const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;

export function detectTicket(url: string): ConversationRef | null {
  const m = TICKET_URL.exec(url);
  return m ? { platform: 'zendesk', account: m[1].toLowerCase(), conversationId: m[2], idIsGuess: false } : null;
}

/** The API lives on the agent app's own origin; any account that is not one DNS label must never become a request host. */
export function originOf(account: string): string {
  if (!ACCOUNT_NAME_RE.test(account)) {
    throw new ApiError(
      `"${account}" is not a Zendesk subdomain. In Options, enter the part before .zendesk.com (acme for acme.zendesk.com).`,
      'invalid',
    );
  }
  return `https://${account.toLowerCase()}.zendesk.com`;
}

/** The ticket the tab shows, from a location's path (the DOM reader scopes itself by it). */
export function ticketIdFromPath(pathname: string | undefined): string | null {
  return (pathname && TICKET_PATH.exec(pathname)?.[1]) || null;
}

/** The ticket in the agent workspace: the shape detectTicket reads back. */
export function ticketUrl(ref: ConversationRef): string {
  return `${originOf(ref.account)}/agent/tickets/${encodeURIComponent(ref.conversationId)}`;
}
