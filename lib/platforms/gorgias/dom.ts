import type { Message } from '../../schema/conversation';
import type { BotIdentity } from '../../schema/policy';
import type { DomReader } from '../types';
import { roleOf } from '../shared';

/**
 * Gorgias's agent app, as far as public sources show it:
 * - the thread is a virtualised list labelled "Ticket thread" (role="list");
 * - each message is a MessageBubble whose CSS-module class contains "MessageBubble--messageBubble" and whose
 *   data-variant says who wrote it: "regular" (customer), "from-agent", "ai-agent" (Gorgias AI Agent) or
 *   "internal-note";
 * - the bubble's header holds the sender's name (MessageSender) and a timestamp, then the body.
 * The sender, body and time selectors are inferred from component names; the thread label, the bubble class
 * and data-variant are the parts seen in public code. The list is virtualised, so a long thread may show only
 * its recent messages here.
 */
export const THREAD = '[aria-label="Ticket thread"]';
const BUBBLE = '[class*="MessageBubble--messageBubble"]';
const SENDER = '[class*="MessageSender--"], [class*="messageSender"]';
const BODY = '[class*="MessageBody--"], [class*="messageBody"]';
const HEADER = '[class*="MessageHeader--"], header';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function bodyText(bubble: Element): string {
  const body = bubble.querySelector(BODY);
  if (body) return (body.textContent ?? '').replace(/[ \t]+\n/g, '\n').trim();
  const copy = bubble.cloneNode(true) as Element;
  copy.querySelectorAll(HEADER).forEach((h) => h.remove());
  return clean(copy.textContent);
}

function readBubble(bubble: Element, identity: BotIdentity): Message {
  const variant = bubble.getAttribute('data-variant') ?? '';
  const name = clean(bubble.querySelector(SENDER)?.textContent) || undefined;
  const author = name ? { name } : undefined;
  const internal = variant === 'internal-note';
  const fromTeam = variant !== '' && variant !== 'regular';
  const role = variant === 'ai-agent' ? 'bot' : roleOf(author, fromTeam, identity);
  const datetime = bubble.querySelector('time[datetime]')?.getAttribute('datetime');
  const at = datetime ? Date.parse(datetime) : NaN;
  return {
    role,
    ...(author ? { author } : {}),
    text: bodyText(bubble),
    internal,
    ...(Number.isNaN(at) ? {} : { createdAt: new Date(at).toISOString() }),
  };
}

export const gorgiasDom: DomReader = {
  threadRoot: (doc) => doc.querySelector(THREAD),
  // The ticket pane holding the thread and the reply editor: the sidebar sits beside it, never over it.
  layoutAnchor: (doc) => doc.querySelector(THREAD)?.closest('main') ?? null,
  readMessages(doc, identity) {
    const root = doc.querySelector(THREAD);
    if (!root) return [];
    // Only outermost bubbles: a bubble inside another (a quoted item) is part of that message.
    const bubbles = [...root.querySelectorAll(BUBBLE)].filter((b) => !b.parentElement?.closest(BUBBLE));
    return bubbles.map((element) => ({ message: readBubble(element, identity), element }));
  },
};
