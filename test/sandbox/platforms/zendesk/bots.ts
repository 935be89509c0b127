import { AGENT_ID, BOT_ID, LEAD_ID, type SandboxStore } from '../common';
import { BOT } from '../../scenarios';

/**
 * Zendesk-only tickets that show how real bots run there, each built from public sources (cited per ticket),
 * seeded after the platform-neutral scenarios with fixed ids so tests can open them. Their side data (how
 * the ticket came in, which turns are chat, who holds the switchboard) lives here, not in the shared store.
 */
export const ZENDESK_TICKETS = {
  /** Messaging ticket whose chat is only in the conversation log. */
  messaging: 101,
  /** AI agent ticket: read-only until control passes through the switchboard. */
  aiAgent: 102,
  /** E-mail ticket whose customer reply quotes the bot's promise. */
  emailQuoted: 103,
  /** Ticket parked in the bot's group, where the agent is not a member. */
  parked: 104,
} as const;

export const SWITCHBOARD = {
  appId: 'sandbox-app',
  keyId: 'app_sandbox_key',
  secret: 'sandbox-switchboard-secret',
  agentWorkspace: 'zd:agentWorkspace',
  bot: 'zd:answerBot',
};

/** How the ticket came in (spec TicketObject.via.channel): "email", "native_messaging", "web". */
export interface TicketSide {
  via: string;
  /** Message ids that are chat turns: in the conversation log, not in the comments. */
  chat: Set<number>;
  /** Messages written by e-mail (comment via.channel "email"). */
  email: Set<number>;
  /** The switchboard's conversation for this ticket, when it is a messaging one. */
  switchboard?: { conversationId: string; userId: string; active: string };
}

export interface Membership {
  id: number;
  user_id: number;
  group_id: number;
  default: boolean;
}

const CUSTOMERS = {
  // A customer whose display name reads like a bot's: on messaging, `author.type: user` says who they are.
  messaging: { id: 2101, name: 'Robbie Bot', email: 'robbie.bot@example.com' },
  aiAgent: { id: 2102, name: 'Priya Nair', email: 'priya.nair@example.com' },
  email: { id: 2103, name: 'Jonas Berg', email: 'jonas.berg@example.com' },
  parked: { id: 2104, name: 'Chen Wei', email: 'chen.wei@example.com' },
};

export const QUOTED_PROMISE = 'Our billing team will review it and email you within 2 days.';

/** Seeds the Zendesk-only tickets into `store` and returns their side data. */
export function seedZendeskTickets(store: SandboxStore): Map<number, TicketSide> {
  const side = new Map<number, TicketSide>();
  const ticket = (id: number, key: string, subject: string, customerId: number, tags: string[], teamId: number | null, s: TicketSide) => {
    const at = store.tick();
    store.conversations.set(id, {
      id,
      key,
      subject,
      customerId,
      messages: [],
      tags,
      assigneeId: null,
      teamId,
      inboxId: null,
      createdAt: at,
      updatedAt: at,
    });
    side.set(id, s);
    return s;
  };
  for (const c of Object.values(CUSTOMERS)) store.addUser({ ...c, role: 'customer' });
  const say = (
    id: number,
    role: 'customer' | 'bot' | 'agent',
    text: string,
    opts: { chat?: boolean; email?: boolean; html?: string } = {},
  ) => {
    const m = store.addMessage(id, role, text, { html: opts.html })!;
    if (opts.chat) side.get(id)!.chat.add(m.id);
    if (opts.email) side.get(id)!.email.add(m.id);
    return m;
  };

  // Messaging (Web Widget): the live turns are Messaging::ConversationMessage events of the conversation log
  // (spec ListConversationLogForTicket and its example; developer.zendesk.com conversation-log-events-reference),
  // while the comments list holds only the internal "Conversation with …" comment the spec's example shows
  // (and zenpy issue 663: WhatsApp turns are not in the comments). Control already passed to the agents.
  const m = ZENDESK_TICKETS.messaging;
  ticket(m, 'zd_messaging', 'Parcel never arrived', CUSTOMERS.messaging.id, ['messaging'], 11, {
    via: 'native_messaging',
    chat: new Set(),
    email: new Set(),
    switchboard: { conversationId: 'sc-conv-101', userId: 'sc-user-101', active: SWITCHBOARD.agentWorkspace },
  });
  say(m, 'customer', 'Hi, parcel 7781 never arrived. It says delivered but nothing is here.', { chat: true });
  say(m, 'bot', 'Sorry about that! Parcel 7781 is marked as delivered yesterday. I am passing you to a colleague now.', { chat: true });
  say(m, 'agent', 'Hi, this is Dana. I have opened a claim with the courier for parcel 7781.', { chat: true });
  say(m, 'customer', 'Thank you Dana, can you also send a replacement?', { chat: true });
  store.addMessage(m, 'agent', 'Conversation with Robbie Bot. URL: https://shop.example/help', { internal: true, authorId: LEAD_ID });

  // AI agent holding the conversation: "AI agent tickets are always read-only … as long as a conversation is
  // not escalated to a human agent" (support.zendesk.com 9204149016346); control moves only through the
  // switchboard's passControl (developer.zendesk.com … /programmable-conversations/switchboard).
  const a = ZENDESK_TICKETS.aiAgent;
  ticket(a, 'zd_ai_agent', 'Cancel and refund', CUSTOMERS.aiAgent.id, ['bot_managed'], null, {
    via: 'native_messaging',
    chat: new Set(),
    email: new Set(),
    switchboard: { conversationId: 'sc-conv-102', userId: 'sc-user-102', active: SWITCHBOARD.bot },
  });
  say(a, 'customer', 'I want to cancel my subscription and get this month refunded.', { chat: true });
  say(a, 'bot', 'I can cancel your subscription, but I cannot refund payments.', { chat: true });
  say(a, 'customer', 'Then I need a human please, I want to speak to a person.', { chat: true });

  // E-mail: the customer replied below the quote, so the comment carries the bot's earlier promise (Gorgias
  // documents the same for `stripped_text`; Zendesk's own delimiter only helps when the customer writes above it).
  const e = ZENDESK_TICKETS.emailQuoted;
  ticket(e, 'zd_email_quoted', 'Invoice is wrong', CUSTOMERS.email.id, ['billing', 'bot_managed'], null, {
    via: 'email',
    chat: new Set(),
    email: new Set(),
  });
  say(e, 'customer', 'My invoice INV-2231 charges me for two seats, I only have one.', { email: true });
  say(e, 'bot', `I have checked invoice INV-2231. ${QUOTED_PROMISE}`);
  const reply = 'Thanks, that is fine, I will wait for the email.';
  const attribution = `On Fri, Nov 20, 2026 at 10:03 ${BOT.name} <${BOT.email}> wrote:`;
  say(e, 'customer', `${reply}\n\n${attribution}\n> I have checked invoice INV-2231. ${QUOTED_PROMISE}`, {
    email: true,
    html: `<div dir="ltr">${reply}</div><div class="gmail_quote"><div class="gmail_attr">${attribution}</div><blockquote class="gmail_quote">I have checked invoice INV-2231. ${QUOTED_PROMISE}</blockquote></div>`,
  });

  // Parked in the bot's group ("Bot inbox", 14), which the agents are not members of: assigning Dana alone
  // is refused with 422 "Assignee is not a member of the group" (github.com/facetoe/zenpy/issues/628).
  const p = ZENDESK_TICKETS.parked;
  ticket(p, 'zd_parked', 'Wrong size delivered', CUSTOMERS.parked.id, ['returns', 'bot_managed'], 14, {
    via: 'web',
    chat: new Set(),
    email: new Set(),
  });
  say(p, 'customer', 'You sent me a size L instead of M. I want to talk to a person about an exchange.');
  say(p, 'bot', 'I am sorry about the mix-up. Let me get a colleague to help you.');
  return side;
}

/** Who belongs to which group: the bot to its own group only, the agents to theirs (default first). */
export function seedMemberships(): Membership[] {
  return [
    { id: 1, user_id: AGENT_ID, group_id: 11, default: true },
    { id: 2, user_id: AGENT_ID, group_id: 13, default: false },
    { id: 3, user_id: LEAD_ID, group_id: 12, default: true },
    { id: 4, user_id: BOT_ID, group_id: 14, default: true },
  ];
}

/** For the paging scenario: more than 100 groups, agents and views (Zendesk lists return 100 a page). */
export function addManyTargets(store: SandboxStore, memberships: Membership[], n = 130): void {
  for (let i = 1; i <= n; i++) {
    const groupId = 10_000 + i;
    const userId = 20_000 + i;
    store.teams.push({ id: groupId, name: `Queue ${i}` });
    store.addUser({ id: userId, name: `Agent ${i}`, email: `agent${i}@acme-support.example`, role: 'agent' });
    store.views.push({ id: 30_000 + i, name: `View ${i}`, tag: `queue_${i}` });
    memberships.push({ id: 100 + i, user_id: userId, group_id: groupId, default: true });
  }
}
