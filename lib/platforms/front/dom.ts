import type { Author, Message } from '../../schema/conversation';
import type { BotIdentity } from '../../schema/policy';
import type { DomReader } from '../types';
import { roleOf } from '../shared';

/**
 * Reads Front's own conversation view: the fallback when the API cannot be read, scroll-to-message, and
 * the re-check when a message arrives. Front is a React app whose class names come from styled-components
 * (`component__StyledPart-sc-hash`), so the reader keys on test ids and on the stable part of those names.
 *
 * Seen in public extensions that run on app.frontapp.com:
 * - `#front-app-root` holds the app and `body > .layer` is the page the app lays out: Kenchi makes room
 *   for its sidebar by shrinking `.layer` (michaelschade/kenchi, packages/scripts/src/front and its Front
 *   domain settings migration);
 * - `[data-testid="conversation"]` is the open conversation, attachments carry `data-testid="attachment-base-…"`
 *   and styled parts like `attachmentBase__StyledNameDiv` (i3devco/front-attachment-viewer, 2025);
 * - message viewers have classes starting with `messageViewer…` (Kenchi: `div[class^="messageViewerActionZone"]`).
 * Assumed, not seen: the per-message hooks below (`viewer-message…` / `viewer-comment…` test ids, the
 * `__StyledAuthor` / `__StyledBody` parts and an "inbound" marker). docs/notes/front.md keeps that list.
 */
const APP_ROOT = '#front-app-root';
const LAYER = 'body > .layer';
const CONVERSATION = '[data-testid="conversation"]';
const ITEM = '[data-testid^="viewer-message"], [data-testid^="viewer-comment"], [class^="messageViewer__"], [class*=" messageViewer__"]';
const AUTHOR = '[data-testid="viewer-author"], [class*="__StyledAuthor"], [class*="__StyledSender"]';
const BODY = '[data-testid="viewer-body"], [class*="__StyledBody"], [class*="__StyledContent"]';

function hidden(el: Element): boolean {
  return !!el.closest('[hidden], [aria-hidden="true"]');
}

function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
}

/** The open conversation: the visible one when Front keeps another in the page. */
function threadRoot(doc: Document): Element | null {
  return [...doc.querySelectorAll(CONVERSATION)].find((el) => !hidden(el)) ?? null;
}

const testId = (el: Element) => el.getAttribute('data-testid') ?? '';

function isComment(el: Element): boolean {
  return testId(el).startsWith('viewer-comment') || /(^|\s)comment\w*__/i.test(el.getAttribute('class') ?? '');
}

function isInbound(el: Element): boolean {
  return /inbound/i.test(testId(el)) || /__Styled\w*Inbound/.test(el.getAttribute('class') ?? '');
}

/** `viewer-message-msg_1q15qmtq` → msg_1q15qmtq, when the test id carries an API-shaped id. */
function idOf(el: Element): string | undefined {
  return /(?:^|-)((?:msg|com)_[0-9a-z]+)$/.exec(testId(el))?.[1];
}

export const frontDom: DomReader = {
  threadRoot,

  readMessages(doc: Document, identity: BotIdentity) {
    const root = threadRoot(doc);
    if (!root) return [];
    const items = [...root.querySelectorAll(ITEM)].filter(
      (el) => !el.parentElement?.closest(ITEM) || !root.contains(el.parentElement.closest(ITEM)),
    );
    return items.map((element) => {
      const internal = isComment(element);
      const name = text(element.querySelector(AUTHOR)) || undefined;
      const author: Author = name ? { name } : {};
      const when = element.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
      const id = idOf(element);
      const message: Message = {
        ...(id ? { id } : {}),
        role: roleOf(author, internal || !isInbound(element), identity),
        author,
        text: text(element.querySelector(BODY)),
        internal,
        ...(when ? { createdAt: when } : {}),
      };
      return { message, element };
    });
  },

  /** Kenchi's evidence: Front lays its app out in `body > .layer`; the sidebar sits beside that. */
  layoutAnchor(doc) {
    return doc.querySelector(LAYER) ?? doc.querySelector(APP_ROOT) ?? threadRoot(doc);
  },
};
