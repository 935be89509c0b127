import type { Author, Message } from '../../schema/conversation';
import type { BotIdentity } from '../../schema/policy';
import type { DomReader } from '../types';
import { roleOf } from '../shared';

/**
 * Reads Front's conversation pane. Front's markup is not public and its class names are generated, so
 * the reader keys on the pane's structure: the conversation region, its role="log" timeline, one article
 * per message (inbound or outbound) or internal comment, each with an author, a time and a body.
 */
const PANE = 'main.conversation-pane, main[aria-label="Conversation"]';
const TIMELINE = '.conversation-timeline, [role="log"]';
const ITEMS = 'article.message, article.comment';

function pane(doc: Document): Element | null {
  return doc.querySelector(PANE);
}

function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
}

function threadRoot(doc: Document): Element | null {
  return pane(doc)?.querySelector(TIMELINE) ?? null;
}

export const frontDom: DomReader = {
  threadRoot,

  readMessages(doc: Document, identity: BotIdentity) {
    const root = threadRoot(doc);
    if (!root) return [];
    return [...root.querySelectorAll(ITEMS)].map((element) => {
      const internal = element.classList.contains('comment');
      const inbound = !internal && element.classList.contains('message--inbound');
      const name = text(element.querySelector('.message-author, .comment-author')) || undefined;
      const author: Author = name ? { name } : {};
      const when = element.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
      const message: Message = {
        id: element.getAttribute('data-message-id') ?? element.getAttribute('data-comment-id') ?? undefined,
        role: roleOf(author, !inbound, identity),
        author,
        text: text(element.querySelector('.message-body, .comment-body')),
        internal,
        ...(when ? { createdAt: when } : {}),
      };
      return { message, element };
    });
  },

  layoutAnchor(doc) {
    return pane(doc);
  },
};
