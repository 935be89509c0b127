import { AGENT, BOT, QUOTED_EMAIL, SCENARIOS, withQuoteHtml, withQuoteText, type Scenario, type SeedRole } from '../../scenarios';
import { SignalKindSchema } from '../../../../lib/schema/verdict';

/**
 * The sandbox Front company "Acme Support": teammates, inboxes, tags, views and one conversation per
 * seed scenario, with Front's id scheme (prefix + base-36 of the numeric id the app shows in URLs).
 */
export const id36 = (prefix: string, n: number) => `${prefix}_${n.toString(36)}`;

export const FIRST_CONVERSATION = 1001;
/** Merged into the first seeded conversation: every API path under it answers 301. */
export const MERGED_CONVERSATION = 1011;

export const TEAMMATES = {
  // The support bot answers through a teammate seat of its own, as bot vendors integrate with Front.
  bot: { num: 900, first: 'Aissist', last: 'Bot', email: BOT.email, username: 'aissist', type: 'user' },
  dana: { num: 901, first: 'Dana', last: 'Agent', email: AGENT.email, username: 'dana', type: 'user' },
  sam: { num: 902, first: 'Sam', last: 'Lead', email: 'sam@acme-support.example', username: 'sam', type: 'user' },
  // A deactivated seat: listed by the API, never a handover target.
  former: {
    num: 903,
    first: 'Former',
    last: 'Teammate',
    email: 'former@acme-support.example',
    username: 'former',
    type: 'user',
    blocked: true,
  },
  // Who comments posted with the API token are by (Front: "will post as the API Token … of the requester").
  api: { num: 904, first: 'Acme', last: 'API token', email: 'api@acme-support.example', username: 'acme-api', type: 'api' },
  // An external bot answering through an OAuth client: Front types such bot users "api" ("acting on behalf of
  // OAuth clients", spec TeammateResponse.type). Its persona name is nothing bot-like.
  riley: { num: 905, first: 'Riley', last: 'Concierge', email: 'riley@acme-support.example', username: 'riley', type: 'api' },
} as const;

/** Conversations beyond SCENARIOS, seeded after the merged one (numeric ids 1021 on). */
export const FIRST_EXTRA = 1021;
/** An external bot (Riley, a teammate of type api) hands a refund over to billing. */
const API_BOT_CONVERSATION: Scenario = {
  key: 'api_bot_teammate',
  subject: 'Charged twice',
  customer: { name: 'Ines Duarte', email: 'ines.duarte@example.com' },
  tags: ['billing', 'bot_managed'],
  messages: [
    { role: 'customer', text: 'I was charged twice for order #C-3381, please refund one of the charges.' },
    { role: 'bot', text: "I can't issue refunds myself. I've forwarded this to our billing team and they will email you within a day." },
  ],
  expect: 'escalate',
};
export const EXTRA_CONVERSATIONS: Scenario[] = [API_BOT_CONVERSATION, QUOTED_EMAIL];

export const INBOXES = {
  returns: { num: 2101, name: 'Returns team' },
  billing: { num: 2102, name: 'Billing team' },
  tier2: { num: 2103, name: 'Tier 2 support' },
  bot: { num: 2104, name: 'Bot inbox' },
} as const;

/** Dana's individual inbox: private, so a token without the "Private resources" scope gets 403 on its conversations. */
export const PRIVATE_INBOX = { num: 2105, name: 'Dana Agent', owner: 'dana' } as const;

/** Tags a team lead sets up when adopting Baton, so an escalation needs no tag creation. */
/**
 * Tags a team using Baton already has. Front tags are ids, so the first escalation with a new tag name (each
 * reason tag the first time its reason occurs) creates it once for the company: one more request, once ever.
 */
const BATON_TAGS = [
  'sys_escalation',
  'sys_human_help',
  'sys_human_follow_up',
  'sys_bot_paused',
  ...[...SignalKindSchema.options, 'manual'].map((reason) => `baton_reason_${reason}`),
];

export interface FTeammate {
  id: string;
  num: number;
  first: string;
  last: string;
  email: string;
  username: string;
  type: 'user' | 'api';
  blocked: boolean;
}
export interface FInbox {
  id: string;
  num: number;
  name: string;
  /** Teammate id of the owner of a private (individual) inbox. */
  privateOf?: string;
}
export interface FTag {
  id: string;
  name: string;
  createdAt: number;
  /** Teammate id of the owner of a private (individual) tag. */
  privateOf?: string;
}
export interface FView {
  id: string;
  name: string;
  inboxIds: string[];
  tagIds: string[];
}
export interface FItem {
  id: string;
  kind: 'message' | 'comment';
  inbound: boolean;
  /** Teammate id for outbound messages and comments. */
  authorId: string | null;
  text: string;
  html: string;
  at: number;
  /** E-mails: Front's message type "email", with `text` as the plain version (quotes included). */
  email?: boolean;
}
export interface FConversation {
  id: string;
  num: number;
  key: string;
  subject: string;
  contact: { name: string; email: string };
  tagIds: string[];
  assigneeId: string | null;
  inboxId: string;
  status: 'open' | 'archived' | 'deleted' | 'spam';
  createdAt: number;
  updatedAt: number;
  items: FItem[];
}

const BASE_TIME = Date.parse('2026-11-20T10:00:00Z') / 1000;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class FrontState {
  teammates: FTeammate[] = [];
  inboxes: FInbox[] = [];
  tags: FTag[] = [];
  views: FView[] = [];
  conversations = new Map<string, FConversation>();
  /** Merged conversation id → the conversation it was merged into. */
  merged = new Map<string, string>();
  counters = {
    requests: 0,
    tagsCreated: 0,
    legacyTagsCreated: 0,
    commentsPosted: 0,
    rateLimited: 0,
    byRoute: {} as Record<string, number>,
  };
  /** Scenario keys whose conversation sits in Dana's private inbox (set by the sandbox's options). */
  privateKeys: string[] = [];
  private clock = 0;
  /** Seeding writes fixed times; afterwards writes carry the real time (see tick). */
  private seeding = false;
  /** The latest time handed out (seconds): after a reset, writes carry later times, as real time never runs back. */
  private latest = 0;
  private nextItem = 1;
  private nextTag = 3001;

  constructor() {
    this.reset();
  }

  reset() {
    this.clock = 0;
    this.seeding = true;
    this.nextItem = 1;
    this.nextTag = 3001;
    this.counters = { requests: 0, tagsCreated: 0, legacyTagsCreated: 0, commentsPosted: 0, rateLimited: 0, byRoute: {} };
    this.teammates = Object.values(TEAMMATES).map((t) => ({ ...t, id: id36('tea', t.num), blocked: 'blocked' in t && t.blocked }));
    this.inboxes = Object.values(INBOXES).map((i) => ({ ...i, id: id36('inb', i.num) }));
    this.inboxes.push({
      id: id36('inb', PRIVATE_INBOX.num),
      num: PRIVATE_INBOX.num,
      name: PRIVATE_INBOX.name,
      privateOf: id36('tea', TEAMMATES.dana.num),
    });
    this.tags = [];
    this.conversations.clear();
    this.merged = new Map([[id36('cnv', MERGED_CONVERSATION), id36('cnv', FIRST_CONVERSATION)]]);
    for (const name of [...new Set([...SCENARIOS.flatMap((s) => s.tags), 'vip', ...BATON_TAGS])]) this.createTag(name);
    // Dana's own tag "urgent": private, so no rule, colleague or bot sees it (spec TagResponse.is_private).
    this.createTag('urgent').privateOf = id36('tea', TEAMMATES.dana.num);
    this.views = [
      { id: 'lns_esc4', name: 'Escalations', inboxIds: [], tagIds: [this.tagByName('sys_escalation')!.id] },
      { id: 'lns_vip7', name: 'VIP customers', inboxIds: [], tagIds: [this.tagByName('vip')!.id] },
      // Filter on an inbox, or on an inbox and a tag: no single tag makes a conversation match these.
      { id: 'lns_t2q1', name: 'Tier 2 queue', inboxIds: [this.inbox('tier2').id], tagIds: [] },
      { id: 'lns_rt29', name: 'Returns in Tier 2', inboxIds: [this.inbox('tier2').id], tagIds: [this.tagByName('returns')!.id] },
    ];
    SCENARIOS.forEach((s, i) => this.seedConversation(s, FIRST_CONVERSATION + i));
    EXTRA_CONVERSATIONS.forEach((s, i) => this.seedConversation(s, FIRST_EXTRA + i));
    // Seeded conversations look the same after every reset; anything written afterwards is newer than
    // anything written before the reset, so a client's "unchanged since" check never mistakes one for the other.
    this.seeding = false;
  }

  private seedConversation(s: Scenario, num: number) {
    const c: FConversation = {
      id: id36('cnv', num),
      num,
      key: s.key,
      subject: s.subject,
      contact: { ...s.customer },
      tagIds: s.tags.map((t) => (this.tagByName(t) ?? this.createTag(t)).id),
      assigneeId: null,
      inboxId: this.privateKeys.includes(s.key) ? id36('inb', PRIVATE_INBOX.num) : this.inbox('bot').id,
      status: 'open',
      createdAt: this.tick(),
      updatedAt: 0,
      items: [],
    };
    this.conversations.set(c.id, c);
    const email = s.key === QUOTED_EMAIL.key;
    const botId = s.key === API_BOT_CONVERSATION.key ? id36('tea', TEAMMATES.riley.num) : undefined;
    s.messages.forEach((m, j) => {
      const quoted = email && m.quote?.length;
      this.addItem(c, m.role, quoted ? withQuoteText(m) : m.text, {
        internal: m.internal,
        html: quoted ? withQuoteHtml(m) : m.html,
        ...(m.role === 'bot' && botId ? { authorId: botId } : {}),
        email,
      });
      // The agent who took over left a comment for the team before answering: Front's internal notes.
      if (s.key === 'agent_handling' && j === 1)
        this.addItem(c, 'agent', 'Taking this one: the jacket exchange needs a size M from stock.', { internal: true });
    });
  }

  /**
   * Seeded items keep fixed times (one minute apart on 2026-11-20) so tests can pin them; anything written
   * afterwards carries the real time (Front's seconds, with milliseconds), at least a second after the write before it.
   */
  tick(): number {
    const at = this.seeding ? BASE_TIME + ++this.clock * 60 : Math.max(this.latest + 1, Date.now() / 1000);
    this.latest = Math.max(this.latest, at);
    return at;
  }

  inbox(key: keyof typeof INBOXES): FInbox {
    return this.inboxes.find((i) => i.num === INBOXES[key].num)!;
  }

  /** By id, or by Front's documented alias `alt:email:{email}` (dev.frontapp.com/docs/resource-aliases-1). */
  teammate(id: string | null | undefined): FTeammate | undefined {
    if (!id) return undefined;
    const alias = /^alt:email:(.+)$/.exec(id);
    if (alias) return this.teammates.find((t) => t.email.toLowerCase() === alias[1].toLowerCase());
    return this.teammates.find((t) => t.id === id);
  }

  isPrivate(c: FConversation): boolean {
    return !!this.inboxes.find((i) => i.id === c.inboxId)?.privateOf;
  }

  /** A shared (company or workspace) tag by name; private teammate tags are not found by name. */
  tagByName(name: string): FTag | undefined {
    return this.tags.find((t) => !t.privateOf && t.name.toLowerCase() === name.toLowerCase());
  }

  tagById(id: string): FTag | undefined {
    return this.tags.find((t) => t.id === id);
  }

  createTag(name: string): FTag {
    const tag = { id: id36('tag', this.nextTag++), name, createdAt: BASE_TIME };
    this.tags.push(tag);
    return tag;
  }

  /** By API id (cnv_…) or by the numeric id of in-app URLs. */
  conversation(ref: string | number): FConversation | undefined {
    return this.conversations.get(this.apiId(ref));
  }

  apiId(ref: string | number): string {
    return typeof ref === 'number' || /^\d+$/.test(ref) ? id36('cnv', Number(ref)) : ref;
  }

  authorFor(c: FConversation, role: SeedRole): string | null {
    if (role === 'customer') return null;
    return this.teammates.find((t) => t.num === (role === 'bot' ? TEAMMATES.bot.num : TEAMMATES.dana.num))!.id;
  }

  addItem(
    c: FConversation,
    role: SeedRole,
    text: string,
    opts: { internal?: boolean; html?: string; authorId?: string; email?: boolean } = {},
  ): FItem {
    const internal = !!opts.internal;
    const n = this.nextItem++;
    const item: FItem = {
      id: id36(internal ? 'com' : 'msg', n),
      kind: internal ? 'comment' : 'message',
      inbound: !internal && role === 'customer',
      authorId: opts.authorId ?? this.authorFor(c, internal && role === 'customer' ? 'agent' : role),
      text,
      html: opts.html ?? `<p>${esc(text).replace(/\n/g, '<br>')}</p>`,
      at: this.tick(),
      ...(opts.email && !internal ? { email: true } : {}),
    };
    c.items.push(item);
    c.updatedAt = item.at;
    return item;
  }

  touch(c: FConversation) {
    c.updatedAt = this.tick();
  }

  snapshot() {
    const tagName = (id: string) => this.tagById(id)?.name ?? id;
    return {
      conversations: [...this.conversations.values()].map((c) => ({
        id: c.id,
        numericId: c.num,
        key: c.key,
        subject: c.subject,
        tags: c.tagIds.map(tagName),
        assigneeId: c.assigneeId,
        inboxId: c.inboxId,
        status: c.status,
        notes: c.items.filter((i) => i.kind === 'comment').map((i) => ({ id: i.id, authorId: i.authorId, text: i.text })),
        messageCount: c.items.filter((i) => i.kind === 'message').length,
        updatedAt: c.updatedAt,
      })),
      tags: this.tags.map((t) => ({ id: t.id, name: t.name })),
      counters: structuredClone(this.counters),
    };
  }
}
