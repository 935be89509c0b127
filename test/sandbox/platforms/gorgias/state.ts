import {
  BOT,
  QUOTED_EMAIL,
  SCENARIOS,
  withQuoteHtml,
  withQuoteText,
  type Scenario,
  type SeedMessage,
  type SeedRole,
} from '../../scenarios';

/**
 * In-memory Gorgias account "acme": helpdesk users (agents, the bot's API user), customers (a separate
 * kind in Gorgias), teams, views with filter expressions, tags, and one ticket per scenario.
 */
export const FIRST_TICKET = 5001;
const FIRST_MESSAGE = 80001;
const FIRST_CUSTOMER = 7001;
const FIRST_TAG = 301;
const BASE_TIME = Date.parse('2026-11-20T10:00:00Z');

export const USERS = {
  dana: { id: 101, name: 'Dana Agent', email: 'agent@acme.example', role: 'agent', active: true },
  sam: { id: 102, name: 'Sam Lead', email: 'sam@acme-support.example', role: 'admin', active: true },
  bot: { id: 103, name: BOT.name, email: BOT.email, role: 'agent', active: true },
  omar: { id: 104, name: 'Omar Ruiz', email: 'omar@acme-support.example', role: 'agent', active: true },
  priya: { id: 105, name: 'Priya Shah', email: 'priya@acme-support.example', role: 'agent', active: false },
  // Gorgias AI Agent: a helpdesk user with the bot role (Gorgias's agent-app code: the AI Agent user has
  // role.name = UserRole.Bot); its name is the persona a team gives it, nothing bot-like.
  sophie: { id: 106, name: 'Sophie', email: 'sophie@ai-agent.acme-support.example', role: 'bot', active: true },
} as const;

/**
 * Tickets beyond SCENARIOS, seeded after them (ids 5011 on):
 * - ai_agent_handover: Gorgias AI Agent (Sophie, bot role) answered, then handed over; it tags its own handoff
 *   `ai_handover` next to `ai_answered` (docs.gorgias.com/en-US/ai-agent-tags-5742284: "ai_answered and
 *   ai_handover can appear on the same ticket") and stays the assigned user, as a bot that claims tickets does
 *   (docs.open.cx/integrations/gorgias/ticket-flow: the AI answers "tickets assigned to the AI user");
 * - email_quoted: an e-mail thread whose last reply quotes the whole story (scenarios.ts, QUOTED_EMAIL).
 */
const AI_AGENT_TICKET: Scenario & { assignee: number } = {
  key: 'ai_agent_handover',
  subject: 'Headphones stopped charging',
  customer: { name: 'Jonas Berg', email: 'jonas.berg@example.com' },
  tags: ['ai_answered', 'ai_handover'],
  messages: [
    { role: 'customer', text: 'My headphones stopped charging after a week. Order #B-20417.' },
    { role: 'bot', text: 'Sorry about that! Have you tried another cable and power adapter?' },
    { role: 'customer', text: 'Yes, two different cables. Still nothing.' },
  ],
  expect: 'escalate',
  assignee: 106,
};
export const EXTRA_TICKETS: Scenario[] = [AI_AGENT_TICKET, QUOTED_EMAIL];

export const TEAMS = {
  returns: { id: 11, name: 'Returns team', members: [USERS.dana.id, USERS.omar.id] },
  billing: { id: 12, name: 'Billing team', members: [USERS.sam.id] },
  tier2: { id: 13, name: 'Tier 2 support', members: [USERS.sam.id, USERS.dana.id] },
} as const;

export const VIEWS = {
  inbox: { id: 20, name: 'Inbox', filters: "eq(ticket.status, 'open')" },
  escalations: { id: 21, name: 'Escalations', filters: "containsAll(ticket.tags.name, ['sys_escalation'])" },
  vip: { id: 22, name: 'VIP customers', filters: "containsAny(ticket.tags.name, ['vip', 'vip_gold'])" },
  unassigned: { id: 23, name: 'Unassigned', filters: 'isEmpty(ticket.assignee_user.id) && isEmpty(ticket.assignee_team.id)' },
} as const;

/** Tags that exist in the account before anything is escalated. */
const SEED_TAGS = ['returns', 'billing', 'order_tracking', 'bot_managed', 'vip', 'ai_answered', 'ai_handover', 'ai_ignore'];

export interface GUserRec {
  id: number;
  name: string;
  email: string;
  role: string;
  active: boolean;
}
export interface GCustomerRec {
  id: number;
  name: string;
  email: string;
}
export interface GTagRec {
  id: number;
  name: string;
  createdAt: string;
}
export interface GMessageRec {
  id: number;
  ticketId: number;
  channel: string;
  via: string;
  fromAgent: boolean;
  /** Who wrote it: a helpdesk user or the ticket's customer. */
  sender: { kind: 'user' | 'customer'; id: number };
  bodyText: string;
  bodyHtml: string;
  /** E-mails: the new part only ("with signatures and prior replies removed"); else the body text. */
  strippedText?: string;
  public: boolean;
  createdAt: string;
}
export interface GTicketRec {
  id: number;
  key: string;
  subject: string;
  channel: string;
  via: string;
  status: 'open' | 'closed';
  customerId: number;
  assigneeUserId: number | null;
  assigneeTeamId: number | null;
  tagIds: number[];
  messages: GMessageRec[];
  createdAt: string;
  updatedAt: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const firstName = (name: string) => name.split(' ')[0];
export const lastName = (name: string) => name.split(' ').slice(1).join(' ');

export class GorgiasState {
  users = new Map<number, GUserRec>();
  customers = new Map<number, GCustomerRec>();
  teams: { id: number; name: string; members: number[] }[] = [];
  views: { id: number; name: string; filters: string }[] = [];
  tags = new Map<number, GTagRec>();
  tickets = new Map<number, GTicketRec>();
  /**
   * A Gorgias rule armed on a ticket: when a message is created on it, the rule tags the ticket, applied just
   * after the next read of the ticket (rules run asynchronously after the event), i.e. between a client's read
   * and its write.
   */
  ruleTags = new Map<number, { tag: string; fired: boolean; pending: boolean }>();
  private nextMessage = FIRST_MESSAGE;
  private nextTag = FIRST_TAG;
  private clock = 0;
  /** Seeding writes fixed times; afterwards writes carry the real time (see tick). */
  private seeding = false;
  /** The latest time handed out, kept across resets so a write never carries an earlier time than one before it. */
  private latest = 0;

  constructor() {
    this.reset();
  }

  reset() {
    this.users.clear();
    this.customers.clear();
    this.tags.clear();
    this.tickets.clear();
    this.ruleTags.clear();
    this.nextMessage = FIRST_MESSAGE;
    this.nextTag = FIRST_TAG;
    this.clock = 0;
    this.seeding = true;
    for (const u of Object.values(USERS)) this.users.set(u.id, { ...u });
    this.teams = Object.values(TEAMS).map((t) => ({ ...t, members: [...t.members] }));
    this.views = Object.values(VIEWS).map((v) => ({ ...v }));
    for (const name of SEED_TAGS) this.tagByName(name, true);
    [...SCENARIOS, ...EXTRA_TICKETS].forEach((s, i) => this.seedTicket(s, FIRST_TICKET + i, FIRST_CUSTOMER + i));
    this.seeding = false;
  }

  private seedTicket(s: Scenario, id: number, customerId: number) {
    const customer = { id: customerId, name: s.customer.name, email: s.customer.email };
    this.customers.set(customer.id, customer);
    const created = this.tick();
    const email = s.key === QUOTED_EMAIL.key;
    const t: GTicketRec = {
      id,
      key: s.key,
      subject: s.subject,
      channel: email ? 'email' : 'chat',
      via: email ? 'email' : 'gorgias_chat',
      status: 'open',
      customerId: customer.id,
      assigneeUserId: s === AI_AGENT_TICKET ? AI_AGENT_TICKET.assignee : null,
      assigneeTeamId: null,
      tagIds: s.tags.map((n) => this.tagByName(n, true)!.id),
      messages: [],
      createdAt: created,
      updatedAt: created,
    };
    this.tickets.set(t.id, t);
    for (const m of s.messages) this.seedMessage(t, m.role, m.text, { internal: m.internal, html: m.html, seed: m });
  }

  /** Gorgias datetimes: ISO 8601 with microseconds and an explicit offset. */
  tick(): string {
    // Seeded tickets keep fixed times (tests pin them); later writes carry the real time, each after the last.
    const ms = this.seeding ? BASE_TIME + ++this.clock * 60_000 : Math.max(this.latest + 1000, Date.now());
    this.latest = Math.max(this.latest, ms);
    return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
  }

  ticket(id: number | string): GTicketRec | undefined {
    return /^\d+$/.test(String(id)) ? this.tickets.get(Number(id)) : undefined;
  }

  /** Finds a tag by name; creates it when asked (tag names are case-sensitive in Gorgias). */
  tagByName(name: string, create = false): GTagRec | undefined {
    for (const t of this.tags.values()) if (t.name === name) return t;
    if (!create) return undefined;
    const tag = { id: this.nextTag++, name, createdAt: this.tick() };
    this.tags.set(tag.id, tag);
    return tag;
  }

  touch(t: GTicketRec) {
    t.updatedAt = this.tick();
  }

  addTags(t: GTicketRec, ids: number[]) {
    for (const id of ids) if (!t.tagIds.includes(id)) t.tagIds.push(id);
    this.touch(t);
  }

  removeTags(t: GTicketRec, ids: number[]) {
    t.tagIds = t.tagIds.filter((id) => !ids.includes(id));
    this.touch(t);
  }

  setTags(t: GTicketRec, ids: number[]) {
    t.tagIds = [...new Set(ids)];
    this.touch(t);
  }

  tagNames(t: GTicketRec): string[] {
    return t.tagIds.map((id) => this.tags.get(id)!.name);
  }

  addMessage(t: GTicketRec, m: Omit<GMessageRec, 'id' | 'ticketId' | 'createdAt'>): GMessageRec {
    const rec: GMessageRec = { ...m, id: this.nextMessage++, ticketId: t.id, createdAt: this.tick() };
    const rule = this.ruleTags.get(t.id);
    if (rule && !this.seeding) rule.pending = true;
    t.messages.push(rec);
    t.updatedAt = rec.createdAt;
    return rec;
  }

  /** A message of the story: the customer on chat, the bot through the API, an agent from the helpdesk. */
  seedMessage(
    t: GTicketRec,
    role: SeedRole,
    text: string,
    opts: { internal?: boolean; html?: string; seed?: SeedMessage } = {},
  ): GMessageRec {
    // On the AI Agent's ticket the bot is the AI Agent user; elsewhere the bot's own API user.
    const botId = t.key === AI_AGENT_TICKET.key ? USERS.sophie.id : USERS.bot.id;
    const sender =
      role === 'customer'
        ? { kind: 'customer' as const, id: t.customerId }
        : { kind: 'user' as const, id: role === 'bot' ? botId : USERS.dana.id };
    const email = t.channel === 'email' && !opts.internal;
    const quoted = email && opts.seed?.quote?.length ? opts.seed : null;
    return this.addMessage(t, {
      channel: opts.internal ? 'internal-note' : t.channel,
      via: email
        ? role === 'customer'
          ? 'email'
          : role === 'bot'
            ? 'api'
            : 'helpdesk'
        : role === 'customer'
          ? 'gorgias_chat'
          : role === 'bot'
            ? 'api'
            : 'helpdesk',
      fromAgent: role !== 'customer',
      sender,
      bodyText: quoted ? withQuoteText(quoted) : text,
      bodyHtml: quoted ? withQuoteHtml(quoted) : (opts.html ?? `<p>${esc(text).replace(/\n/g, '<br>')}</p>`),
      ...(quoted ? { strippedText: text } : {}),
      public: !opts.internal,
    });
  }

  /** The bot's own API user or a user with the bot role (the AI Agent), shown by the app as an AI agent bubble. */
  isBot(m: GMessageRec): boolean {
    return m.sender.kind === 'user' && (m.sender.id === USERS.bot.id || this.users.get(m.sender.id)?.role === 'bot');
  }

  /** After a read of the ticket: a rule armed on it whose event happened runs now (see ruleTags). */
  afterRead(t: GTicketRec) {
    const rule = this.ruleTags.get(t.id);
    if (!rule?.pending || rule.fired) return;
    rule.fired = true;
    this.addTags(t, [this.tagByName(rule.tag, true)!.id]);
  }

  senderEmail(m: GMessageRec): string | null {
    const who = m.sender.kind === 'user' ? this.users.get(m.sender.id) : this.customers.get(m.sender.id);
    return who?.email ?? null;
  }

  senderName(m: GMessageRec): string {
    const who = m.sender.kind === 'user' ? this.users.get(m.sender.id) : this.customers.get(m.sender.id);
    return who?.name ?? 'Unknown';
  }
}
