import type { Message } from '../../schema/conversation';
import type { BotIdentity } from '../../schema/policy';
import type { DomReader } from '../types';
import { roleOf } from '../shared';
import { ticketIdFromPath } from './urls';

/**
 * The Zendesk Agent Workspace, as public userscripts that run on it show it (sources in
 * docs/notes/zendesk.md and in each fixture under test/fixtures/dom/):
 * - every open ticket tab keeps its DOM alive; hidden tabs' panes are display:none. A pane is found by the
 *   ticket id it carries (`data-ticket-id`, or `data-side-conversations-anchor-id` on the conversation);
 * - the conversation log is `[data-test-id="omni-log-container"]`; each comment an
 *   `article[data-test-id="omni-log-comment-item"]`;
 * - a team member's avatar carries the `omni-log-avatar-badge-AgentBadge` badge; the author's name sits in
 *   `omni-log-item-sender` / the `omni-log-comment-user-link` link; internal notes show
 *   `omni-log-internal-note-tag`; the body is `omni-log-message-content` (`.zd-comment` for rich comments);
 *   the time is a `time[datetime]`.
 * No comment id is exposed in the markup, so DOM messages carry none.
 */
const LOG = '[data-test-id="omni-log-container"]';
const COMMENT = 'article[data-test-id="omni-log-comment-item"]';
const AGENT_BADGE = '[data-test-id="omni-log-avatar-badge-AgentBadge"]';
const SENDER = '[data-test-id="omni-log-item-sender"]';
const USER_LINK = '[data-test-id="omni-log-comment-user-link"]';
const INTERNAL = '[data-test-id="omni-log-internal-note-tag"]';
const BODY = '[data-test-id="omni-log-message-content"], .zd-comment, [data-test-id="omni-log-item-message"]';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Hidden tabs are display:none (or visibility:hidden, or [hidden]) on some ancestor. */
function isShown(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if ((node as HTMLElement).hidden) return false;
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/** The ticket's own pane when the page names it, otherwise the pane the agent can see. */
function ticketLog(doc: Document): Element | null {
  const logs = [...doc.querySelectorAll(LOG)];
  if (logs.length <= 1) return logs[0] ?? null;
  const id = ticketIdFromPath(doc.location?.pathname);
  const mine = id
    ? logs.filter((log) => {
        const pane = log.closest(`[data-ticket-id="${id}"], [data-side-conversations-anchor-id="${id}"]`);
        return !!pane;
      })
    : [];
  const pool = mine.length ? mine : logs;
  return pool.find(isShown) ?? (mine.length ? mine[0] : null);
}

function authorIdOf(link: Element | null): string | undefined {
  const href = link?.getAttribute('href') ?? '';
  return /\/users\/(\d+)/.exec(href)?.[1];
}

function bodyText(article: Element): string {
  const body = article.querySelector(BODY);
  if (body) return (body.textContent ?? '').replace(/(?<![ \t])[ \t]+\n/g, '\n').trim();
  const copy = article.cloneNode(true) as Element;
  copy.querySelectorAll(`${SENDER}, ${INTERNAL}, figure, time`).forEach((n) => n.remove());
  return clean(copy.textContent);
}

function readComment(article: Element, identity: BotIdentity): Message {
  const link = article.querySelector(USER_LINK);
  const name = clean(article.querySelector(SENDER)?.textContent) || clean(link?.textContent) || undefined;
  const id = authorIdOf(link);
  const author = name || id ? { ...(id ? { id } : {}), ...(name ? { name } : {}) } : undefined;
  const internal = !!article.querySelector(INTERNAL);
  // Only team members write internal notes and human agents carry the avatar badge; a messaging bot carries
  // neither, so an author without them may be the customer or the bot, and only the policy's identity tells.
  const fromTeam = internal || article.querySelector(AGENT_BADGE) ? true : 'unknown';
  const datetime = article.querySelector('time[datetime]')?.getAttribute('datetime');
  const at = datetime ? Date.parse(datetime) : NaN;
  return {
    role: roleOf(author, fromTeam, identity),
    ...(author ? { author } : {}),
    text: bodyText(article),
    internal,
    ...(Number.isNaN(at) ? {} : { createdAt: new Date(at).toISOString() }),
  };
}

export const zendeskDom: DomReader = {
  threadRoot: ticketLog,
  // The visible ticket's pane (conversation and composer): the sidebar sits beside it, never over it.
  layoutAnchor: (doc) => {
    const log = ticketLog(doc);
    return (
      log?.closest('.workspace, [data-ticket-id]') ?? log?.closest('[data-side-conversations-anchor-id]') ?? log?.parentElement ?? null
    );
  },
  readMessages(doc, identity) {
    const log = ticketLog(doc);
    if (!log) return [];
    // Only outermost items: a comment quoted inside another belongs to that one.
    const items = [...log.querySelectorAll(COMMENT)].filter((a) => !a.parentElement?.closest(COMMENT));
    return items.map((element) => ({ message: readComment(element, identity), element }));
  },
};
