import type { Message } from '../../schema/conversation';
import type { BotIdentity } from '../../schema/policy';
import type { DomReader } from '../types';
import { htmlToText, roleOf } from '../shared';

/**
 * Gorgias's agent app, as its own published front-end code shows it (helpdesk web app sources, components
 * MessageBubble, MessageSender, MessageBody, MessageHeader/Layout, TicketThreadMessageItem; see
 * test/fixtures/dom/gorgias-*.html for the rebuilt snippets and their sources):
 * - the thread is a virtualised list labelled "Ticket thread" (also relied on by public userscripts);
 * - each message is a MessageBubble: CSS-module class "MessageBubble--messageBubble--<hash>" and
 *   data-variant = regular (customer) | from-agent | ai-agent | ai-agent-handover | internal-note. The row
 *   around it (class "MessageBubble--messageRow--…") carries a data-variant too (the item's tag), so
 *   bubbles are found by class, never by data-variant alone;
 * - the header (MessageHeaderContainer) holds the avatar and MessageSender, then channel and time;
 *   MessageSender renders "MessageSender--container" with a name slot and, for e-mails, an e-mail slot
 *   "<address>" (older builds render the name as a bare text element);
 * - the body is MessageBody: `div.message-content` (+ "MessageBody--content--…") holding the message HTML.
 * Sender and body are read from their own elements, so the name, the e-mail slot and the avatar's initials
 * never end up inside the message text. Time: MessageTimestamp's markup is not public; a <time datetime>
 * is used when present (assumed). The list is virtualised, so a long thread may show only recent messages.
 */
const THREAD = '[aria-label="Ticket thread"]';
const BUBBLE = '[class*="MessageBubble--messageBubble"]';
const BODY = '.message-content, [class*="MessageBody--content"]';
const NAME_SLOT = '[class*="MessageSender--nameSlot"]';
const SENDER = '[class*="MessageSender--container"]';
const EMAIL_SLOT = '[class*="MessageSender--emailSlot"]';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The first match inside this bubble that does not belong to a bubble nested in it (a quoted item). */
function own(bubble: Element, selector: string): Element | null {
  for (const el of bubble.querySelectorAll(selector)) if (el.parentElement?.closest(BUBBLE) === bubble) return el;
  return null;
}

/** The bubble's header: its first child that is not (and does not hold) the body. */
function headerOf(bubble: Element, body: Element | null): Element | null {
  const first = bubble.firstElementChild;
  if (!first || first === body || (body && first.contains(body))) return null;
  return first;
}

/**
 * Older builds: the header's first group is [avatar, sender] (or [AI icon, sender]); the sender is its last
 * element. A group with one element is the sender itself.
 */
function legacySender(header: Element | null): Element | null {
  const who = header?.firstElementChild;
  if (!who) return null;
  return who.children.length > 1 ? who.lastElementChild : who;
}

function senderOf(bubble: Element, header: Element | null): { name?: string; email?: string } {
  const slot = own(bubble, NAME_SLOT);
  const container = slot ? null : own(bubble, SENDER);
  let name: string;
  if (slot) name = clean(slot.textContent);
  else if (container) {
    const copy = container.cloneNode(true) as Element;
    copy.querySelectorAll(EMAIL_SLOT).forEach((e) => e.remove());
    name = clean(copy.textContent);
  } else name = clean(legacySender(header)?.textContent);
  const email = clean(own(bubble, EMAIL_SLOT)?.textContent).replace(/^<|>$/g, '');
  return { ...(name ? { name } : {}), ...(/^\S+@\S+$/.test(email) ? { email } : {}) };
}

function bodyOf(bubble: Element, body: Element | null, header: Element | null): string {
  if (body) return htmlToText(body.innerHTML);
  // A bubble with no MessageBody (older internal notes held their text directly): all but the header.
  const copy = bubble.cloneNode(true) as Element;
  if (header) copy.removeChild(copy.children[[...bubble.children].indexOf(header)]);
  return clean(copy.textContent);
}

/**
 * The "Handover Summary" bubble (`ai-agent-handover`) is the AI Agent's summary for the agents, not a reply the
 * customer saw (Gorgias's MessageBubble variants; real-app-evidence §3.8): its words ("the customer asked for a
 * human") must not read as the bot speaking, or as the customer asking again. What it does tell is that the AI
 * Agent handed the ticket over, so it reads as that handoff, as the API reader reads the `ai_handover` tag.
 */
const HANDOVER_SUMMARY = 'ai-agent-handover';
const HANDOVER_SUMMARY_TEXT = 'I have handed this ticket over to your team (Gorgias Handover Summary).';

function readBubble(bubble: Element, identity: BotIdentity): Message {
  const variant = bubble.getAttribute('data-variant') ?? '';
  const body = own(bubble, BODY);
  const header = headerOf(bubble, body);
  const who = senderOf(bubble, header);
  const author = who.name || who.email ? who : undefined;
  const fromTeam = variant !== '' && variant !== 'regular';
  const role = variant.startsWith('ai-agent') ? 'bot' : roleOf(author, fromTeam, identity);
  const datetime = own(bubble, 'time[datetime]')?.getAttribute('datetime');
  const at = datetime ? Date.parse(datetime) : NaN;
  return {
    role,
    ...(author ? { author } : {}),
    text: variant === HANDOVER_SUMMARY ? HANDOVER_SUMMARY_TEXT : bodyOf(bubble, body, header),
    internal: variant === 'internal-note',
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
